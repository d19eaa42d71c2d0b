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
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { mirrorAttachments, type AttachmentMirrorResult } from './backup-attachments';
import { backupFileName, copyFileAtomically, listBackups, pruneBackups, stampTime } from './backup-files';
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
    const name = backupFileName(now, database.extension ?? 'sqlite');
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
    const { database, dir, dataDir, generations } = this.deps;
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await database.copyTo(tmp);
      fs.renameSync(tmp, file);
    } finally {
      removeWithSidecars(tmp);
    }
    const extras: string[] = [];
    const faqs = path.join(dataDir, 'managed-kb', 'faq-managed.csv');
    if (fs.existsSync(faqs)) {
      const target = file.replace(/\.(sqlite|dump)$/, '.faq-managed.csv');
      copyFileAtomically(faqs, target);
      extras.push(target);
    }
    const pruned = pruneBackups(dir, generations);
    const oldest = listBackups(dir).at(-1);
    const attachments = mirrorAttachments(
      path.join(dataDir, 'attachments'),
      path.join(dir, 'attachments'),
      this.deps.clock.now(),
      oldest ? stampTime(oldest.stamp) : undefined,
    );
    return { status: 'written', file, sizeBytes: fs.statSync(file).size, extras, pruned, attachments };
  }
}

/** Removes a temporary database copy and any journal files SQLite left beside it. */
function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}
