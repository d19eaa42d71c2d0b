/**
 * Consistent online copies of the database. SQLite uses the online backup API on the connection
 * TypeORM already holds: pages are copied a few at a time, yielding to the event loop between
 * steps. The copy runs as one `runDb` unit of work, so no transaction of this process is open
 * while it runs; writes by other processes restart it, and after a few restarts the rest is copied
 * in one step (a WAL read snapshot, which does not block writers). PostgreSQL is dumped with
 * `pg_dump --format=custom` (a consistent snapshot; restore with pg_restore) when pg_dump is installed
 * on this machine, and checked with `pg_restore --list`; without pg_dump the backup is skipped and the
 * server's own backup must be used. SQL Server databases are backed up by their DBA with BACKUP
 * DATABASE; Kotae takes no file copy of them.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Sqlite from 'better-sqlite3';
import type { Database as SqliteHandle } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { KotaeError } from '../core';
import type { DatabaseBackup } from '../jobs';
import { runDb } from './run-db';

/** Why SQL Server databases are not copied by Kotae. */
export const MSSQL_BACKUP_REASON =
  'SQL Server databases are backed up by the DBA (BACKUP DATABASE or a maintenance plan), not by Kotae';

/** Why a PostgreSQL database is not dumped here. */
export const PG_DUMP_MISSING_REASON =
  "pg_dump is not installed on this machine: skipped, use the PostgreSQL server's own backup (pg_dump or pg_basebackup on the server, or the managed service's snapshots)";

/** Tuning of the copy (tests use small steps). */
export interface BackupOptions {
  /** pg_dump and pg_restore to use for PostgreSQL (default: found on PATH). */
  pgDump?: string;
  pgRestore?: string;
  /** Pages copied per step (default 1000, i.e. about 4 MB). */
  pagesPerStep?: number;
  /** Restarts caused by other writers after which the rest is copied in one step (default 3). */
  restartsBeforeOneStep?: number;
}

const ALL_PAGES = 0x7fffffff;

/** Writes a consistent copy of the open database to `targetFile` (must not exist); returns the page count. */
export async function backupDatabase(ds: DataSource, targetFile: string, options: BackupOptions = {}): Promise<number> {
  if (ds.options.type !== 'better-sqlite3') {
    throw new KotaeError('CONFIG_INVALID', `${MSSQL_BACKUP_REASON} (database type ${ds.options.type})`, {
      userMessage: 'SQL Server のバックアップはデータベース管理者が BACKUP DATABASE で取得してください。',
      details: { skipped: true },
    });
  }
  if (fs.existsSync(targetFile)) throw new KotaeError('CONFLICT', `backup target ${targetFile} already exists`);
  const handle: SqliteHandle = (ds.driver as BetterSqlite3Driver).databaseConnection;
  const pagesPerStep = Math.max(1, options.pagesPerStep ?? 1000);
  const restartsBeforeOneStep = options.restartsBeforeOneStep ?? 3;
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  try {
    const result = await runDb(ds, () =>
      handle.backup(targetFile, {
        progress: ({ remainingPages }) => {
          // Each step copies pages, so no progress means another connection wrote and the copy restarted.
          if (remainingPages >= lastRemaining) restarts += 1;
          lastRemaining = remainingPages;
          return restarts >= restartsBeforeOneStep ? ALL_PAGES : pagesPerStep;
        },
      }),
    );
    return result.totalPages;
  } catch (err) {
    throw new KotaeError('INTERNAL', `database backup to ${targetFile} failed: ${(err as Error).message}`, {
      userMessage: 'データベースのバックアップに失敗しました。',
      cause: err,
    });
  }
}

/**
 * Opens a copy, makes it a standalone file (rollback journal instead of WAL) and runs
 * `PRAGMA integrity_check`; returns the number of tables. Throws when the copy is damaged.
 */
export function verifyBackupFile(file: string): { tables: number } {
  let db: SqliteHandle | undefined;
  try {
    db = new Sqlite(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`);
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    return { tables: tables.n };
  } catch (err) {
    throw new KotaeError('INTERNAL', `backup copy ${file} failed verification: ${(err as Error).message}`, {
      userMessage: 'バックアップファイルの検証に失敗しました。',
      cause: err,
    });
  } finally {
    db?.close();
  }
}

/** DatabaseBackup on the application's data source. */
export class SqlDatabaseBackup implements DatabaseBackup {
  constructor(
    private readonly ds: DataSource,
    private readonly options: BackupOptions = {},
  ) {}

  get extension(): 'sqlite' | 'dump' {
    return this.ds.options.type === 'postgres' ? 'dump' : 'sqlite';
  }

  unsupportedReason(): string | undefined {
    if (this.ds.options.type === 'better-sqlite3') return undefined;
    if (this.ds.options.type === 'postgres') {
      return onPath(this.options.pgDump ?? 'pg_dump') ? undefined : PG_DUMP_MISSING_REASON;
    }
    return MSSQL_BACKUP_REASON;
  }

  async copyTo(file: string): Promise<void> {
    if (this.ds.options.type === 'postgres') {
      await dumpPostgres(this.ds.options, file, this.options);
      return;
    }
    await backupDatabase(this.ds, file, this.options);
    verifyBackupFile(file);
  }
}

/** The absolute path of a command found on PATH (or the path given), if it exists. */
export function resolveTool(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v "$0"', command], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

function onPath(command: string): boolean {
  return resolveTool(command) !== undefined;
}

/** Runs a PostgreSQL client tool; resolves with its exit code and stderr. */
export function runTool(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr: stderr.trim() }));
  });
}

/** A minimal environment: the password reaches the tools without appearing on a command line. */
export function pgToolEnv(options?: PostgresDataSourceOptions): Record<string, string> {
  return { PGPASSWORD: String(options?.password ?? ''), PGCONNECT_TIMEOUT: '10', LANG: 'C.UTF-8' };
}

/** `pg_dump --format=custom` of the database into `file`, then `pg_restore --list` to verify it. */
export async function dumpPostgres(
  options: PostgresDataSourceOptions,
  file: string,
  tools: BackupOptions = {},
): Promise<void> {
  if (fs.existsSync(file)) throw new KotaeError('CONFLICT', `backup target ${file} already exists`);
  const env = pgToolEnv(options);
  const pgDump = resolveTool(tools.pgDump ?? 'pg_dump') ?? 'pg_dump';
  const pgRestore = resolveTool(tools.pgRestore ?? 'pg_restore') ?? 'pg_restore';
  const dump = await runTool(
    pgDump,
    [
      '--format=custom',
      '--no-owner',
      `--file=${file}`,
      `--host=${options.host ?? 'localhost'}`,
      `--port=${options.port ?? 5432}`,
      `--username=${options.username ?? ''}`,
      `--dbname=${options.database ?? ''}`,
    ],
    env,
  );
  const check = dump.code === 0 ? await runTool(pgRestore, ['--list', file], env) : dump;
  if (dump.code !== 0 || check.code !== 0) {
    fs.rmSync(file, { force: true });
    throw new KotaeError('INTERNAL', `pg_dump of ${options.database} failed: ${check.stderr || dump.stderr}`, {
      userMessage: 'データベースのバックアップに失敗しました。',
    });
  }
}
