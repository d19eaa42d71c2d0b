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
import type { KotaeConfig } from '../../app';
import { dataDirHolder, lockDataDir, type DirLock } from '../../app';
import { AUDIT_BREAK_LABELS } from '../../core';
import type { Clock } from '../../core';
import { KotaeError, toKotaeError } from '../../core';
import type { Logger } from '../../core';
import { createDataSource, openDatabase } from '../../db';
import { anchorFileOf } from '../../app';
import { loadAuditKey } from '../../db';
import { inspectSqliteBackup, moveDatabaseAside, sqliteAuditHead } from '../../db';
import {
  backupStamp,
  copyOutOfBackup,
  listBackups,
  loadBackupKey,
  restoreBackupFiles,
  type BackupFile,
} from '../../jobs';
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
  runtime: { clock: Clock; logger: Logger },
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
  try {
    const { key } = loadAuditKey(config.integrity.auditKeyFile, { create: false });
    const anchorFile = anchorFileOf(config, key);
    const reading = anchorFile.read();
    if (reading.badLine) {
      io.err(M.badAnchors(reading.badLine.line));
      return 1;
    }
    if (generation.encrypted && !config.integrity.backupKeyFile) {
      io.err(M.needKey);
      return 1;
    }
    const backupKey = config.integrity.backupKeyFile
      ? loadBackupKey(config.integrity.backupKeyFile, { create: false })
      : undefined;
    const ctx: RestoreContext = { generation, dir, config, io, runtime, key, anchorFile, reading, backupKey };
    return await (config.db.kind === 'postgres' ? restorePostgres(ctx) : restoreSqlite(ctx));
  } finally {
    lock.release();
  }
}

async function restoreSqlite(c: RestoreContext): Promise<number> {
  const { config, generation, io } = c;
  if (config.db.kind !== 'sqlite') throw new KotaeError('INTERNAL', 'not a SQLite configuration');
  const dbPath = config.db.path;
  const staged = `${dbPath}.restore-${process.pid}.tmp`;
  const ds = createDataSource(config.db);
  try {
    await copyOutOfBackup(generation.file, staged, c.backupKey);
    const inspected = inspectSqliteBackup(staged, c.key, c.reading, readTakenWith(generation));
    if (!inspected.audit.ok) {
      io.err(M.tampered(inspected.audit.brokenAtSeq, AUDIT_BREAK_LABELS[inspected.audit.reason]));
      return 1;
    }
    const previousHead = fs.existsSync(dbPath) ? sqliteAuditHead(dbPath) : undefined;
    const aside = fs.existsSync(dbPath) ? moveDatabaseAside(dbPath, backupStamp(c.runtime.clock.now())) : undefined;
    fs.renameSync(staged, dbPath);
    fs.chmodSync(dbPath, 0o600);
    const files = await restoreBackupFiles(generation, c.dir, config.dataDir, c.backupKey);
    await openDatabase(ds, { migrate: config.dbAutoMigrate });
    return await finishRestore(
      ds,
      { generation, inspected: { ...inspected, audit: inspected.audit }, previousHead, aside, files },
      { io, anchors: c.anchorFile, key: c.key, runtime: c.runtime },
    );
  } finally {
    fs.rmSync(staged, { force: true });
    if (ds.isInitialized) await ds.destroy();
  }
}

/** Entry used by the CLI dispatcher. */
export async function restoreCommand(argv: string[], io: CliIo): Promise<number> {
  return runRestoreCommand(argv, io, configFromProcess(), defaultRuntime());
}
