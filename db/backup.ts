/**
 * Consistent online copies of the database. SQLite uses the online backup API on the connection
 * TypeORM already holds: pages are copied a few at a time, yielding to the event loop between
 * steps. The copy runs as one `runDb` unit of work, so no transaction of this process is open
 * while it runs; writes by other processes restart it, and after a few restarts the rest is copied
 * in one step (a WAL read snapshot, which does not block writers). SQL Server databases are backed
 * up by their DBA with BACKUP DATABASE; Kotae takes no file copy of them.
 */
import fs from 'node:fs';
import Sqlite from 'better-sqlite3';
import type { Database as SqliteHandle } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { KotaeError } from '../core/errors';
import type { DatabaseBackup } from '../jobs';
import { runDb } from './run-db';

/** Why SQL Server databases are not copied by Kotae. */
export const MSSQL_BACKUP_REASON =
  'SQL Server databases are backed up by the DBA (BACKUP DATABASE or a maintenance plan), not by Kotae';

/** Tuning of the SQLite copy (tests use small steps). */
export interface BackupOptions {
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

  unsupportedReason(): string | undefined {
    return this.ds.options.type === 'better-sqlite3' ? undefined : MSSQL_BACKUP_REASON;
  }

  async copyTo(file: string): Promise<void> {
    await backupDatabase(this.ds, file, this.options);
    verifyBackupFile(file);
  }
}
