/**
 * The checkpoint that follows audit writes (session 33) on SQLite and PostgreSQL, with the real audit
 * log and anchor files and hand-fired timers: once the delay after an audited change has passed, the
 * newest row deleted past the append-only trigger is detected at its sequence number; a burst of writes
 * gives one checkpoint and a rolled-back change none; instances sharing an anchor file checkpoint a
 * head once, instances with files of their own each in their own; a failing checkpoint is logged and
 * the audited change still succeeds.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { AuditAnchorFile } from '../../../db/audit/anchor-file';
import type { SqlAuditLog } from '../../../db/repositories/sql-audit-log';
import { AuditWriteCheckpoint } from '../../../jobs';
import { HandTimers } from '../../fakes/hand-timers';
import { describeEachDb } from '../../helpers/databases';
import { tamperAuditSql, TEST_AUDIT_KEY, testAuditLog } from '../../helpers/audit';
import { tempDir } from '../../helpers/temp-dir';

/** An audit log of one instance with its write-following checkpoint on hand-fired timers. */
interface Instance {
  log: SqlAuditLog;
  timers: HandTimers;
  logger: MemoryLogger;
  follower: AuditWriteCheckpoint;
}

describeEachDb('audit log: a checkpoint follows every audit write', (each) => {
  let tmp: ReturnType<typeof tempDir>;
  let clock: FakeClock;
  let shared: string;

  const instance = (file: string, name: string): Instance => {
    const log = testAuditLog(
      each.db.ds,
      () => clock.now(),
      new AuditAnchorFile(file, TEST_AUDIT_KEY, { instance: name }),
    );
    const timers = new HandTimers();
    const logger = new MemoryLogger();
    const follower = new AuditWriteCheckpoint({ audit: log, delayMs: 1000, logger, timers });
    log.onCommitted(() => follower.noteWrite());
    return { log, timers, logger, follower };
  };
  const change = (log: SqlAuditLog, target: string) =>
    log.atomically(
      async () => target,
      (t) => ({ actor: 'op1', action: 'ticket.update', target: t }),
    );
  /** The delay has passed: the pending timer fires and its checkpoint is written. */
  const afterDelay = async (i: Instance) => {
    assert.deepEqual(i.timers.fire(), [1000]);
    await i.follower.settled();
  };
  const lines = (file: string) =>
    fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; source: string; instance: string });

  beforeEach(async () => {
    await each.db.reset();
    tmp = tempDir('kotae-write-checkpoint-');
    clock = new FakeClock('2026-06-01T00:00:00Z');
    shared = path.join(tmp.dir, 'audit-anchors.jsonl');
  });
  afterEach(() => tmp.cleanup());

  it('detects the newest row deleted once the delay after an audited change passed, at its sequence number', async () => {
    const a = instance(shared, 'a');
    await a.log.anchor('start');
    await change(a.log, 'HD-2026-000001');
    await a.log.record({ actor: 'op1', action: 'ticket.reply', target: 'HD-2026-000001' });
    await change(a.log, 'HD-2026-000002');
    assert.equal(a.timers.scheduled, 1);
    await afterDelay(a);
    assert.deepEqual(
      lines(shared).map((l) => [l.source, l.seq]),
      [
        ['start', 0],
        ['write', 3],
      ],
    );
    await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq = 3');
    assert.deepEqual(await a.log.verify(), { ok: false, count: 2, brokenAtSeq: 3, reason: 'truncated', anchors: 2 });
    assert.equal(a.logger.lines.length, 0);
  });

  it('checkpoints a burst of 40 concurrent audited changes once, and a rolled-back change not at all', async () => {
    const a = instance(shared, 'a');
    await Promise.all(Array.from({ length: 40 }, (_, i) => change(a.log, `HD-2026-${String(i + 1).padStart(6, '0')}`)));
    assert.equal(a.timers.scheduled, 1);
    await afterDelay(a);
    assert.deepEqual(
      lines(shared).map((l) => [l.source, l.seq]),
      [['write', 40]],
    );
    const rows = (await each.db.ds.query('SELECT COUNT(*) AS n FROM audit_checkpoint')) as { n: number | string }[];
    assert.equal(Number(rows[0].n), 1);
    await assert.rejects(
      a.log.atomically(
        async () => {
          throw new Error('conflict');
        },
        () => ({ actor: 'op1', action: 'ticket.update' }),
      ),
      /conflict/,
    );
    assert.equal(a.timers.scheduled, 1);
    // Nothing written since the checkpoint: a second burst of 25 gives the second one.
    await Promise.all(Array.from({ length: 25 }, () => change(a.log, 'HD-2026-000041')));
    await afterDelay(a);
    assert.deepEqual(
      lines(shared).map((l) => [l.source, l.seq]),
      [
        ['write', 40],
        ['write', 65],
      ],
    );
    assert.deepEqual(await a.log.verify(), { ok: true, count: 65, head: await a.log.head(), anchors: 2 });
  });

  it('checkpoints a head once for instances sharing the anchor file, and in each own file otherwise', async () => {
    const a = instance(shared, 'a');
    const b = instance(shared, 'b');
    await change(a.log, 'HD-2026-000001');
    await change(b.log, 'HD-2026-000002');
    await afterDelay(a);
    // B's checkpoint finds the head (seq 2) already in the file it reads.
    await afterDelay(b);
    assert.deepEqual(
      lines(shared).map((l) => [l.instance, l.seq]),
      [['a', 2]],
    );
    // C keeps a file of its own and reads no other: it checkpoints the head after its write itself.
    const own = path.join(tmp.dir, 'c', 'audit-anchors.jsonl');
    const c = instance(own, 'c');
    await change(c.log, 'HD-2026-000003');
    await change(a.log, 'HD-2026-000004');
    await afterDelay(a);
    await afterDelay(c);
    assert.deepEqual(
      lines(shared).map((l) => [l.instance, l.seq]),
      [
        ['a', 2],
        ['a', 4],
      ],
    );
    assert.deepEqual(
      lines(own).map((l) => [l.instance, l.seq]),
      [['c', 4]],
    );
    await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq = 4');
    const truncated = { ok: false, count: 3, brokenAtSeq: 4, reason: 'truncated' };
    assert.deepEqual(await a.log.verify(), { ...truncated, anchors: 2 });
    assert.deepEqual(await c.log.verify(), { ...truncated, anchors: 1 });
  });

  it('logs a checkpoint that fails, and the audited change still commits', async () => {
    // The anchor "file" is a directory: every append fails.
    const unwritable = path.join(tmp.dir, 'not-a-file');
    fs.mkdirSync(unwritable);
    const a = instance(unwritable, 'a');
    assert.equal(await change(a.log, 'HD-2026-000001'), 'HD-2026-000001');
    await afterDelay(a);
    assert.equal(a.logger.lines.length, 1);
    const [line] = a.logger.lines;
    assert.deepEqual([line.level, line.msg], ['warn', 'audit checkpoint after a write failed']);
    assert.match(String(line.fields?.error), /EISDIR/);
    assert.equal((await a.log.head()).seq, 1);
    // The next write is followed again (and fails again, logged again).
    await change(a.log, 'HD-2026-000002');
    await afterDelay(a);
    assert.equal(a.logger.lines.length, 2);
  });
});
