/**
 * `kotae restore` on PostgreSQL (issue 11): refuses while any other session uses the database (every
 * instance must be stopped); decrypts the generation's dump, has pg_restore read it whole into a
 * script and checks row counts and the audit chain from it; dumps the current database aside into the
 * backup folder (`before-restore-<stamp>.dump`, encrypted like the backups); then replaces every table
 * in one psql transaction, puts the files back, migrates and finishes like SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_BREAK_LABELS } from '../../core';
import { KotaeError } from '../../core';
import { dumpPostgres } from '../../db';
import { inspectPostgresBackup, postgresState, replacePostgresDatabase } from '../../db';
import { backupStamp, copyIntoBackup, copyOutOfBackup, restoreBackupFiles } from '../../jobs';
import { finishRestore, readTakenWith, type RestoreContext } from './restore-finish';
import { RESTORE_CLI_MESSAGES as M } from './restore-messages';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

/** Restores a pg_dump generation into the configured PostgreSQL database. */
export async function restorePostgres(c: RestoreContext): Promise<number> {
  const { config, generation, io } = c;
  if (config.db.kind !== 'postgres') throw new KotaeError('INTERNAL', 'not a PostgreSQL configuration');
  const options = c.kotae.dataSource().options as PostgresDataSourceOptions;
  const work = path.join(config.dataDir, `restore-${process.pid}`);
  fs.mkdirSync(work, { recursive: true, mode: 0o700 });
  try {
    const before = await postgresState(options);
    if (before.sessions > 0) {
      io.err(M.otherSessions(config.db.database, before.sessions));
      return 1;
    }
    const dump = path.join(work, 'backup.dump');
    await copyOutOfBackup(generation.file, dump, c.backupKey);
    const script = path.join(work, 'backup.sql');
    // A copy of an older release names no source: it is checked as a copy of this database.
    const anchorsOf = (source: string | undefined) => c.kotae.anchorFile().read(source ?? before.identity);
    const inspected = await inspectPostgresBackup(
      dump,
      script,
      c.kotae.auditKey(),
      anchorsOf,
      readTakenWith(generation),
    );
    if (!inspected.audit.ok) {
      io.err(M.tampered(inspected.audit.brokenAtSeq, AUDIT_BREAK_LABELS[inspected.audit.reason]));
      return 1;
    }
    const aside = await dumpAside(options, c, work);
    await replacePostgresDatabase(options, script);
    const files = await restoreBackupFiles(generation, c.dir, config.dataDir, c.backupKey);
    return await finishRestore(
      c.kotae,
      {
        generation,
        inspected: { ...inspected, audit: inspected.audit },
        source: inspected.source ?? before.identity,
        previousHead: before.head,
        aside,
        files,
      },
      io,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A pg_dump of the current database in the backup folder (0600, encrypted when backups are). */
async function dumpAside(options: PostgresDataSourceOptions, c: RestoreContext, work: string): Promise<string> {
  const name = `before-restore-${backupStamp(c.kotae.runtime.clock.now())}.dump${c.backupKey ? '.enc' : ''}`;
  const target = path.join(c.config.backup.dir, name);
  if (fs.existsSync(target)) throw new KotaeError('CONFLICT', `${target} already exists`);
  const plain = path.join(work, 'before.dump');
  await dumpPostgres(options, plain);
  fs.mkdirSync(c.config.backup.dir, { recursive: true, mode: 0o700 });
  if (c.backupKey) await copyIntoBackup(plain, target, c.backupKey);
  else fs.copyFileSync(plain, target);
  fs.chmodSync(target, 0o600);
  return target;
}
