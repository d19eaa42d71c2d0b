/** One audit log with its write-following checkpoint on hand-fired timers, and readers of anchor and head files. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { DataSource } from 'typeorm';
import { MemoryLogger } from '../../core/logger';
import { AuditAnchorFile } from '../../db/audit/anchor-file';
import type { SqlAuditLog } from '../../db/repositories/sql-audit-log';
import { AuditWriteCheckpoint } from '../../jobs';
import { HandTimers } from '../fakes/hand-timers';
import { TEST_AUDIT_KEY, testAuditLog } from './audit';

/** An audit log of one instance with its write-following checkpoint (delay 1000 ms) on hand-fired timers. */
export interface FollowedInstance {
  log: SqlAuditLog;
  anchors: AuditAnchorFile;
  timers: HandTimers;
  logger: MemoryLogger;
  follower: AuditWriteCheckpoint;
}

/** Instance `name` appending to `file` (reading `others` too), its writes followed by a checkpoint. */
export function followedInstance(
  ds: DataSource,
  now: () => Date,
  file: string,
  name: string,
  others: string[] = [],
): FollowedInstance {
  const anchors = new AuditAnchorFile(file, TEST_AUDIT_KEY, { instance: name, others });
  const log = testAuditLog(ds, now, anchors);
  const timers = new HandTimers();
  const logger = new MemoryLogger();
  const follower = new AuditWriteCheckpoint({ audit: log, delayMs: 1000, logger, timers });
  log.onCommitted(() => follower.noteWrite());
  return { log, anchors, timers, logger, follower };
}

/** One audited change (a ticket update of `target`). */
export function auditedChange(log: SqlAuditLog, target: string): Promise<string> {
  return log.atomically(
    async () => target,
    (t) => ({ actor: 'op1', action: 'ticket.update', target: t }),
  );
}

/** The delay has passed: the pending timer fires and its checkpoint is written. */
export async function afterDelay(i: FollowedInstance): Promise<void> {
  assert.deepEqual(i.timers.fire(), [1000]);
  await i.follower.settled();
}

/** A JSON Lines file's lines (none when it does not exist). */
export function jsonLines(file: string): { seq: number; hash: string; source: string; instance: string }[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8').trimEnd();
  return text ? text.split('\n').map((l) => JSON.parse(l) as ReturnType<typeof jsonLines>[number]) : [];
}
