/**
 * The TypeORM data source: better-sqlite3 (embedded default) or SQL Server. A pure factory;
 * migrations run only through `runMigrations` (the start-up step and `kotae migrate`).
 */
import { DataSource, type DataSourceOptions } from 'typeorm';
import { KotaeError } from '../core/errors';
import { MIGRATIONS } from './migrations';
import { ALL_TABLES } from './schema/tables';
import { toEntitySchema } from './schema/table-spec';
import type { Dialect } from './schema/column-types';

/** Database settings, validated by the config module. */
export type DbConfig =
  | { kind: 'sqlite'; path: string; busyTimeoutMs?: number }
  | {
      kind: 'mssql';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
      encrypt: boolean;
      trustServerCertificate: boolean;
    };

/** Creates (but does not open) a data source for the configured database. */
export function createDataSource(config: DbConfig): DataSource {
  const dialect: Dialect = config.kind;
  const entities = ALL_TABLES.map((t) => toEntitySchema(t, dialect));
  const common = { entities, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  const options: DataSourceOptions =
    config.kind === 'sqlite'
      ? {
          ...common,
          type: 'better-sqlite3',
          database: config.path,
          enableWAL: true,
          timeout: config.busyTimeoutMs ?? 5000,
        }
      : {
          ...common,
          type: 'mssql',
          host: config.host,
          port: config.port,
          username: config.user,
          password: config.password,
          database: config.database,
          options: { encrypt: config.encrypt, trustServerCertificate: config.trustServerCertificate },
        };
  return new DataSource(options);
}

/** Opens the data source and applies pending migrations; returns the names applied. */
export async function openDatabase(dataSource: DataSource): Promise<string[]> {
  try {
    if (!dataSource.isInitialized) await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } catch (err) {
    throw mapDbError(err);
  }
}

/** Translates driver errors into KotaeErrors (locked, unavailable). */
export function mapDbError(err: unknown): KotaeError {
  if (err instanceof KotaeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /database is locked/i.test(message)) {
    return new KotaeError('DB_LOCKED', `database locked: ${message}`, { cause: err });
  }
  if (/SQLITE_CANTOPEN|ECONNREFUSED|ETIMEOUT|ESOCKET|Failed to connect/i.test(message)) {
    return new KotaeError('DB_UNAVAILABLE', `database unavailable: ${message}`, { cause: err });
  }
  return new KotaeError('INTERNAL', `database error: ${message}`, { cause: err });
}
