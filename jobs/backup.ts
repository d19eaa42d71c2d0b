/**
 * The daily backup (job `backup`): a consistent copy of the database written under a temporary
 * name, verified, then renamed to `kotae-YYYYMMDD-HHmmss.sqlite`, with the managed-FAQ sheet beside
 * it and the attachment files mirrored beside it (see backup-attachments.ts); then generations beyond
 * the configured number are deleted. Nothing is deleted when the new copy failed. PostgreSQL is
 * dumped with pg_dump (`kotae-YYYYMMDD-HHmmss.dump`) when it is installed. Databases backed up
 * elsewhere (SQL Server: the DBA's BACKUP DATABASE; PostgreSQL without pg_dump: the server's own
 * backup) are recorded as a skipped run, never as a success, instead of failing every day.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core';
import type { Logger } from '../core';
import type { AuditEntry, AuditHead } from '../core';
import { mirrorAttachments, type AttachmentMirrorResult } from './backup-attachments';
import { copyIntoBackup } from './backup-crypto';
import { backupFileName, listBackups, pruneBackups, stampTime } from './backup-files';
import type { JobRunner } from './job-runner';

/** Port: copies the live database. db/ implements it (`SqlDatabaseBackup`). */
export interface DatabaseBackup {
  /** Why this database is not copied to a file here (e.g. SQL Server), or undefined when it is. */
  unsupportedReason(): string | undefined;
  /** Writes a consistent, verified copy of the database to `file` (which must not exist). */
  copyTo(file: string): Promise<void>;
  /** Extension of the copy: `sqlite` (a database file, the default) or `dump` (pg_dump custom format). */
  readonly extension?: 'sqlite' | 'dump';
}

/** What the backup job needs. */
export interface BackupJobDeps {
  database: DatabaseBackup;
  runner: JobRunner;
  clock: Clock;
  /** Backup folder (config.backup.dir). */
  dir: string;
  /** Generations kept (config.backup.generations, at least 3). */
  generations: number;
  /** Data folder; `managed-kb/faq-managed.csv` and the `attachments` folder in it are copied when present. */
  dataDir: string;
  logger?: Logger;
  /** Issue 11: when set, every file of the backup is encrypted (AES-256-GCM) under this key. */
  encryptionKey?: Buffer;
  /** Issue 11: the audit log — its head is checkpointed with the backup, and the backup is audited. */
  audit?: BackupAudit;
  /** Who takes the backup, for the audit entry (default `system`). */
  actor?: string;
}

/** What the backup needs of the audit log. */
export interface BackupAudit {
  /** Checkpoints the chain head (anchor file and structured log) and returns it. */
  anchor(source: string): Promise<AuditHead>;
  record(entry: AuditEntry): Promise<void>;
}

/** Result of one backup run. */
export type BackupOutcome =
  | {
      status: 'written';
      file: string;
      sizeBytes: number;
      extras: string[];
      pruned: string[];
      /** Attachment files copied to / deleted from `<backup dir>/attachments`. */
      attachments: AttachmentMirrorResult;
      /** Report files copied into `kotae-<stamp>.reports/`. */
      reports: number;
      encrypted: boolean;
      /** The audit chain head checkpointed with this backup (no audit log: undefined). */
      auditHead?: AuditHead;
    }
  | { status: 'skipped'; reason: string };

/** Job name in job_run. */
export const BACKUP_JOB = 'backup';

/** Takes one backup generation and prunes old ones. */
export class BackupJob {
  constructor(private readonly deps: BackupJobDeps) {}

  /** Runs the backup through the JobRunner (recorded in job_run); rejects when every attempt failed. */
  async run(now: Date = this.deps.clock.now()): Promise<BackupOutcome> {
    const { database, runner, logger } = this.deps;
    const reason = database.unsupportedReason();
    if (reason !== undefined) {
      logger?.info('backup skipped', { reason });
      await runner.skip(BACKUP_JOB, `skipped: ${reason}`);
      return { status: 'skipped', reason };
    }
    const key = this.deps.encryptionKey;
    const name = backupFileName(now, database.extension ?? 'sqlite') + (key ? '.enc' : '');
    const outcome = await runner.run(BACKUP_JOB, () => this.write(name), JSON.stringify({ file: name }));
    logger?.info('backup written', {
      file: outcome.file,
      sizeBytes: outcome.sizeBytes,
      pruned: outcome.pruned.length,
      attachmentsCopied: outcome.attachments.copied,
      attachmentsPruned: outcome.attachments.pruned,
    });
    return outcome;
  }

  private async write(name: string): Promise<BackupOutcome & { status: 'written' }> {
    const { database, dir, dataDir, generations, encryptionKey: key, audit } = this.deps;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.narrowFolderMode(dir);
    // Rows up to this head are in the copy taken next: restoring it must not fall below it.
    const auditHead = await audit?.anchor('backup');
    const file = path.join(dir, name);
    // Not `${file}.<pid>.tmp`: that is the encrypting copy's own temporary name.
    const tmp = `${file}.${process.pid}.plain.tmp`;
    try {
      await database.copyTo(tmp);
      if (key) await copyIntoBackup(tmp, file, key);
      else fs.renameSync(tmp, file);
      fs.chmodSync(file, 0o600);
    } finally {
      removeWithSidecars(tmp);
    }
    const base = file.replace(/\.(sqlite|dump)(\.enc)?$/, '');
    const extras: string[] = [];
    const faqs = path.join(dataDir, 'managed-kb', 'faq-managed.csv');
    if (fs.existsSync(faqs)) {
      const target = `${base}.faq-managed.csv`;
      await copyIntoBackup(faqs, target, key);
      extras.push(target);
    }
    const reports = await copyTree(path.join(dataDir, 'reports'), `${base}.reports`, key);
    if (reports > 0) extras.push(`${base}.reports`);
    if (auditHead) {
      const target = `${base}.audit-head.json`;
      fs.writeFileSync(target, `${JSON.stringify({ ...auditHead, file: name })}\n`, { mode: 0o600 });
      extras.push(target);
    }
    const pruned = pruneBackups(dir, generations);
    const oldest = listBackups(dir).at(-1);
    const attachments = await mirrorAttachments(
      path.join(dataDir, 'attachments'),
      path.join(dir, 'attachments'),
      this.deps.clock.now(),
      oldest ? stampTime(oldest.stamp) : undefined,
      (source, target) => copyIntoBackup(source, target, key),
    );
    await audit?.record({
      actor: this.deps.actor ?? 'system',
      action: 'backup.create',
      target: name,
      detail: { encrypted: Boolean(key), auditHeadSeq: auditHead?.seq ?? null, reports, pruned: pruned.length },
    });
    return {
      status: 'written',
      file,
      sizeBytes: fs.statSync(file).size,
      extras,
      pruned,
      attachments,
      reports,
      encrypted: Boolean(key),
      auditHead,
    };
  }

  /** An existing folder keeps its mode through mkdir: narrow it to 0700 on every run (Windows has no modes). */
  private narrowFolderMode(dir: string): void {
    if (process.platform === 'win32') return;
    const mode = fs.statSync(dir).mode & 0o777;
    if (mode === 0o700) return;
    fs.chmodSync(dir, 0o700);
    this.deps.logger?.warn('backup folder mode narrowed to 0700', { dir, was: mode.toString(8).padStart(4, '0') });
  }
}

/** Removes a temporary database copy and any journal files SQLite left beside it. */
function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** Copies every regular file under `source` into `target` (same relative paths); returns the count. */
async function copyTree(source: string, target: string, key: Buffer | undefined): Promise<number> {
  if (!fs.existsSync(source)) return 0;
  let count = 0;
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) count += await copyTree(from, to, key);
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) {
      fs.mkdirSync(target, { recursive: true, mode: 0o700 });
      await copyIntoBackup(from, to, key);
      count += 1;
    }
  }
  return count;
}
