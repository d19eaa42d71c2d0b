/**
 * `kotae restore <backup>` (issue 11): puts a backup generation back while no server runs on the
 * data folder (its pid lock). The copy is decrypted when encrypted (AES-256-GCM, tag checked) and
 * checked (integrity, row counts, its audit chain against the key and the checkpoint taken with it)
 * before anything is replaced; the current database is kept aside, not deleted; attachments, report
 * files and the FAQ sheet are put back; the roll-back is declared in the anchor file and audited,
 * and the chain is verified again. SQLite here; PostgreSQL in restore-postgres-command.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dataDirHolder, lockDataDir, openKotae, type DirLock, type KotaeConfig, type KotaeRuntime } from '../../app';
import { AUDIT_BREAK_LABELS } from '../../core';
import { KotaeError, toKotaeError } from '../../core';
import { inspectSqliteBackup, moveDatabaseAside, sqliteAuditHead, sqliteIdentity } from '../../db';
import { backupStamp, copyOutOfBackup, listBackups, restoreBackupFiles, type BackupFile } from '../../jobs';
import type { CliIo } from './io';
import { finishRestore, readTakenWith, type RestoreContext } from './restore-finish';
import { RESTORE_CLI_MESSAGES as M } from './restore-messages';
import { restorePostgres } from './restore-postgres-command';
import { configFromProcess, defaultRuntime } from './runtime';

export { RESTORE_CLI_MESSAGES } from './restore-messages';

function findGeneration(arg: string, defaultDir: string): { generation?: BackupFile; dir: string } {
  const asPath = path.resolve(arg);
  const dir = fs.existsSync(asPath) && fs.statSync(asPath).isFile() ? path.dirname(asPath) : defaultDir;
  const generation = listBackups(dir).find(
    (g) => g.file === asPath || g.stamp === arg || path.basename(g.file) === arg,
  );
  return { generation, dir };
}

/** The command on a given configuration (tests call this). */
export async function runRestoreCommand(
  argv: string[],
  io: CliIo,
  config: Readonly<KotaeConfig>,
  runtime: KotaeRuntime,
): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    io.err(M.usage);
    return 2;
  }
  if (config.db.kind === 'mssql') {
    io.err(M.notSupported);
    return 2;
  }
  const { generation, dir } = findGeneration(argv[0], config.backup.dir);
  if (!generation) {
    io.err(M.notFound(argv[0], config.backup.dir));
    return 2;
  }
  if (!generation.file.includes(config.db.kind === 'postgres' ? '.dump' : '.sqlite')) {
    io.err(M.wrongKind(path.basename(generation.file), config.db.kind));
    return 2;
  }
  let lock: DirLock;
  try {
    const holder = dataDirHolder(config.dataDir);
    if (holder !== undefined) {
      throw new KotaeError('DATA_DIR_IN_USE', `data directory ${config.dataDir} is used by process ${holder}`, {
        userMessage: `データフォルダ ${config.dataDir} は別のKotae（プロセス ${holder}）が使用中です。`,
      });
    }
    lock = lockDataDir(config.dataDir);
  } catch (err) {
    io.err(M.running(toKotaeError(err).userMessage));
    return 1;
  }
  // The key files must exist: a restore creates none.
  const kotae = openKotae(config, runtime, { createKeys: false });
  try {
    const reading = kotae.anchorFile().read();
    if (reading.badLine) {
      io.err(M.badAnchors(reading.badLine.line));
      return 1;
    }
    if (generation.encrypted && !config.integrity.backupKeyFile) {
      io.err(M.needKey);
      return 1;
    }
    const ctx: RestoreContext = { generation, dir, config, io, kotae, backupKey: kotae.backupKey() };
    return await (config.db.kind === 'postgres' ? restorePostgres(ctx) : restoreSqlite(ctx));
  } finally {
    await kotae.close();
    lock.release();
  }
}

async function restoreSqlite(c: RestoreContext): Promise<number> {
  const { config, generation, io } = c;
  if (config.db.kind !== 'sqlite') throw new KotaeError('INTERNAL', 'not a SQLite configuration');
  const dbPath = config.db.path;
  const staged = `${dbPath}.restore-${process.pid}.tmp`;
  try {
    await copyOutOfBackup(generation.file, staged, c.backupKey);
    // A copy of an older release names no source: it is checked as a copy of this database.
    const target = sqliteIdentity(dbPath);
    const anchorsOf = (source: string | undefined) => c.kotae.anchorFile().read(source ?? target);
    const inspected = inspectSqliteBackup(staged, c.kotae.auditKey(), anchorsOf, readTakenWith(generation));
    if (!inspected.audit.ok) {
      io.err(M.tampered(inspected.audit.brokenAtSeq, AUDIT_BREAK_LABELS[inspected.audit.reason]));
      return 1;
    }
    const previousHead = fs.existsSync(dbPath) ? sqliteAuditHead(dbPath) : undefined;
    const aside = fs.existsSync(dbPath)
      ? moveDatabaseAside(dbPath, backupStamp(c.kotae.runtime.clock.now()))
      : undefined;
    fs.renameSync(staged, dbPath);
    fs.chmodSync(dbPath, 0o600);
    const files = await restoreBackupFiles(generation, c.dir, config.dataDir, c.backupKey);
    return await finishRestore(
      c.kotae,
      {
        generation,
        inspected: { ...inspected, audit: inspected.audit },
        source: inspected.source ?? target,
        previousHead,
        aside,
        files,
      },
      io,
    );
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

/** Entry used by the CLI dispatcher. */
export async function restoreCommand(argv: string[], io: CliIo): Promise<number> {
  return runRestoreCommand(argv, io, configFromProcess(), defaultRuntime());
}
