/**
 * What `kotae restore` does after the database is back, on SQLite and PostgreSQL alike: compares the
 * row counts with the copy's, declares the roll-back in the anchor file, writes the `backup.restore`
 * audit entry, ends the sign-in sessions the copy brought back, checkpoints the new head and verifies the chain
 * again, then prints the summary.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { KotaeConfig, KotaeParts } from '../../app';
import { AUDIT_BREAK_LABELS, type AuditHead } from '../../core';
import { countRows, type InspectedBackup } from '../../db';
import { generationBase, type BackupFile, type RestoredFiles } from '../../jobs';
import type { CliIo } from './io';
import { RESTORE_CLI_MESSAGES as M } from './restore-messages';

/** The checkpoint written with a backup (`kotae-<stamp>.audit-head.json`), if there is one. */
export function readTakenWith(generation: BackupFile): AuditHead | undefined {
  const file = `${generationBase(generation)}.audit-head.json`;
  if (!fs.existsSync(file)) return undefined;
  const v = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq?: unknown; hash?: unknown };
  return typeof v.seq === 'number' && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : undefined;
}

/** Everything both databases' restores share once the arguments are checked. */
export interface RestoreContext {
  generation: BackupFile;
  dir: string;
  config: Readonly<KotaeConfig>;
  io: CliIo;
  /** The composition root opened without creating keys: audit key, anchor file, data source, audit trail. */
  kotae: KotaeParts;
  backupKey?: Buffer;
}

/** What the restore did before this step. */
export interface RestoreDone {
  generation: BackupFile;
  inspected: InspectedBackup & { audit: { ok: true; head: AuditHead } };
  /** The database whose chain the copy continues (its checkpoints were checked against the copy). */
  source: string;
  previousHead?: AuditHead;
  /** The current database kept aside (SQLite: moved; PostgreSQL: dumped). */
  aside?: string;
  files: RestoredFiles;
}

/** Opens (and migrates) the restored database, then counts, audits, checkpoints and verifies it. */
export async function finishRestore(kotae: KotaeParts, done: RestoreDone, io: CliIo): Promise<number> {
  const { inspected, generation, source, previousHead, aside, files } = done;
  const ds = await kotae.database();
  const counts = await countRows(ds);
  for (const [table, expected] of Object.entries(inspected.counts)) {
    if (counts[table] !== expected) {
      io.err(M.countsDiffer(table, expected, counts[table] ?? 0));
      return 1;
    }
  }
  // Sign-ins of the copy's time are no one's now (some had ended since): everyone signs in again.
  const sessionsEnded = await endSessions(ds);
  const audit = await kotae.audit();
  // Declares the roll-back: this database continues `source`'s chain up to the restored head; its own
  // checkpoints from before (and the source's above that head) no longer apply to it.
  await audit.anchor('restore', 'restore', source);
  await audit.record({
    actor: 'cli',
    action: 'backup.restore',
    target: path.basename(generation.file),
    detail: {
      restoredHeadSeq: inspected.audit.head.seq,
      previousHeadSeq: previousHead?.seq ?? null,
      previousDatabase: aside ? path.basename(aside) : null,
      source,
      attachments: files.attachments,
      reports: files.reports,
      sessionsEnded,
    },
  });
  await audit.anchor('restore');
  const verdict = await audit.verify();
  io.out(M.restored(generation.file));
  if (aside) io.out(ds.options.type === 'postgres' ? M.safetyCopy(aside) : M.aside(aside));
  const total = Object.values(inspected.counts).reduce((a, b) => a + b, 0);
  io.out(M.counts(total, Object.keys(inspected.counts).length));
  io.out(M.files(files.attachments, files.reports, files.faqSheet));
  io.out(M.sessionsEnded(sessionsEnded));
  io.out(M.audit(inspected.audit.head.seq, previousHead?.seq));
  if (verdict.ok) io.out(M.verified);
  else io.err(M.verifyFailed(verdict.brokenAtSeq, AUDIT_BREAK_LABELS[verdict.reason]));
  return verdict.ok ? 0 : 1;
}

/** Deletes the console's and the web chat's sign-in sessions the copy brought back; returns how many. */
async function endSessions(ds: DataSource): Promise<number> {
  let ended = 0;
  for (const table of ['session', 'web_session']) {
    const result = await ds.createQueryBuilder().delete().from(table).execute();
    ended += result.affected ?? 0;
  }
  return ended;
}
