/**
 * The TypeORM data source: better-sqlite3 (embedded default), PostgreSQL or SQL Server. A pure
 * factory; migrations run only through `openDatabase` (the start-up step and `kotae migrate`).
 */
import { DataSource, type DataSourceOptions } from 'typeorm';
import { KotaeError } from '../core';
import { MIGRATIONS } from './migrations';
import { ALL_TABLES } from './schema';
import { toEntitySchema } from './schema';
import { dialectOfDriver, type Dialect } from './schema';
import { pinPostgresDatesToUtc } from './postgres-dates';

/** A server database reached over the network. */
export interface ServerDbConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** Database settings, validated by the config module. */
export type DbConfig =
  | { kind: 'sqlite'; path: string; busyTimeoutMs?: number }
  | ({
      kind: 'postgres';
      ssl: boolean;
      poolSize?: number;
      connectTimeoutMs?: number;
      /** How long a statement waits for a lock held elsewhere (`lock_timeout`; 0 or absent: no limit). */
      lockTimeoutMs?: number;
    } & ServerDbConfig)
  | ({ kind: 'mssql'; encrypt: boolean; trustServerCertificate: boolean } & ServerDbConfig);

/** Creates (but does not open) a data source for the configured database. */
export function createDataSource(config: DbConfig): DataSource {
  const dialect: Dialect = config.kind;
  const entities = ALL_TABLES.map((t) => toEntitySchema(t, dialect));
  const common = { entities, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  return new DataSource(dataSourceOptions(config, common));
}

function dataSourceOptions(
  config: DbConfig,
  common: Pick<DataSourceOptions, 'entities' | 'migrations' | 'synchronize' | 'logging'>,
): DataSourceOptions {
  switch (config.kind) {
    case 'sqlite':
      return {
        ...common,
        type: 'better-sqlite3',
        database: config.path,
        enableWAL: true,
        timeout: config.busyTimeoutMs ?? 5000,
        // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut can lose the last
        // commits but never corrupts the file; FULL made each question's commits wait for the disk.
        prepareDatabase: (db: SqliteHandle) => {
          db.pragma('synchronous = NORMAL');
          beginImmediately(db);
        },
      };
    case 'postgres':
      pinPostgresDatesToUtc();
      return {
        ...common,
        type: 'postgres',
        host: config.host,
        port: config.port,
        username: config.user,
        password: config.password,
        database: config.database,
        ssl: config.ssl,
        poolSize: config.poolSize ?? 10,
        connectTimeoutMS: config.connectTimeoutMs ?? 5000,
        // Sessions in UTC, like the stored timestamps (see postgres-dates.ts); a row or table lock held
        // elsewhere fails the statement after lock_timeout (55P03 → DB_LOCKED, 503) instead of stalling.
        extra: {
          options: `-c TimeZone=UTC${config.lockTimeoutMs ? ` -c lock_timeout=${config.lockTimeoutMs}` : ''}`,
        },
      };
    case 'mssql':
      return {
        ...common,
        type: 'mssql',
        host: config.host,
        port: config.port,
        username: config.user,
        password: config.password,
        database: config.database,
        options: { encrypt: config.encrypt, trustServerCertificate: config.trustServerCertificate },
      };
  }
}

/** The part of a better-sqlite3 connection `prepareDatabase` touches. */
interface SqliteHandle {
  pragma(source: string): unknown;
  prepare(source: string): unknown;
}

/**
 * TypeORM opens every SQLite transaction with a deferred `BEGIN TRANSACTION`. Such a transaction reads
 * first and asks for the write lock at its first write; if another connection (the checkpoint worker's
 * RESTART, a backup, a CLI command) holds the lock at that instant, SQLite returns SQLITE_BUSY at once
 * without calling the busy handler (waiting could deadlock a reader that holds a snapshot), so the busy
 * timeout never applied and a request failed with DB_LOCKED under an ordinary, momentary lock. runDb
 * already runs one unit of work at a time on the single connection, so taking the write lock at BEGIN
 * costs nothing here and lets the busy timeout apply; WAL readers on other connections are not blocked.
 */
function beginImmediately(db: SqliteHandle): void {
  const prepare = db.prepare.bind(db);
  db.prepare = (source: string) => prepare(source === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : source);
}

/** The dialect of a data source. */
export function dialectOf(ds: DataSource): Dialect {
  return dialectOfDriver(ds.options.type);
}

const UNAVAILABLE =
  /SQLITE_CANTOPEN|ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ETIMEOUT|ESOCKET|Failed to connect|Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error|Connection is closed|not connected/i;

/** Translates driver errors into KotaeErrors (locked, unavailable). */
export function mapDbError(err: unknown): KotaeError {
  if (err instanceof KotaeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  // SQLite busy; PostgreSQL 55P03 lock_not_available (lock_timeout); SQL Server 1222 (LOCK_TIMEOUT).
  const number = (err as { number?: unknown } | null)?.number;
  if (
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_LOCKED' ||
    code === '55P03' ||
    number === 1222 ||
    /database is locked/i.test(message)
  ) {
    return new KotaeError('DB_LOCKED', `database locked: ${message}`, { cause: err });
  }
  // PostgreSQL SQLSTATE class 08 (connection exception), 57P01-03 (shutdown, cannot connect now).
  const pgUnavailable = typeof code === 'string' && (/^08/.test(code) || /^57P0[123]$/.test(code));
  if (pgUnavailable || UNAVAILABLE.test(message)) {
    return new KotaeError('DB_UNAVAILABLE', `database unavailable: ${message}`, { cause: err });
  }
  return new KotaeError('INTERNAL', `database error: ${message}`, { cause: err });
}
