/**
 * Configuration of the database: SQLite (the default), PostgreSQL or SQL Server, migrations at start and
 * how long start-up waits for the server. A block of its own, merged into config.ts's schema; it does not
 * read the environment itself. (The busy/lock timeout is the trust block's KOTAE_DB_BUSY_TIMEOUT_MS.)
 */
import path from 'node:path';
import { z } from 'zod';
import type { DbConfig } from '../db';
import { bool, optionalText } from './config-fields';

/** The variables of this block (see .env.example). */
export const DB_ENV = {
  KOTAE_DB: z.enum(['sqlite', 'postgres', 'mssql']).default('sqlite'),
  KOTAE_DB_AUTO_MIGRATE: bool.default(true),
  KOTAE_DB_START_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(0),
  KOTAE_PG_HOST: optionalText,
  KOTAE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5432),
  KOTAE_PG_USER: optionalText,
  KOTAE_PG_PASSWORD: optionalText,
  KOTAE_PG_DATABASE: optionalText,
  KOTAE_PG_SSL: bool.default(false),
  KOTAE_PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  KOTAE_MSSQL_HOST: optionalText,
  KOTAE_MSSQL_PORT: z.coerce.number().int().min(1).max(65535).default(1433),
  KOTAE_MSSQL_USER: optionalText,
  KOTAE_MSSQL_PASSWORD: optionalText,
  KOTAE_MSSQL_DATABASE: optionalText,
  KOTAE_MSSQL_ENCRYPT: bool.default(true),
  KOTAE_MSSQL_TRUST_SERVER_CERTIFICATE: bool.default(false),
};

type DbEnv = z.infer<z.ZodObject<typeof DB_ENV>>;

/** Start-up checks: a server database needs its host, user, password and database name. */
export function checkDb(
  env: Pick<DbEnv, 'KOTAE_DB'> & Partial<Record<keyof DbEnv, unknown>>,
  need: (cond: boolean, key: string, message: string) => void,
): void {
  if (env.KOTAE_DB === 'mssql') {
    for (const key of [
      'KOTAE_MSSQL_HOST',
      'KOTAE_MSSQL_USER',
      'KOTAE_MSSQL_PASSWORD',
      'KOTAE_MSSQL_DATABASE',
    ] as const) {
      need(!env[key], key, 'required when KOTAE_DB=mssql');
    }
  }
  if (env.KOTAE_DB === 'postgres') {
    for (const key of ['KOTAE_PG_HOST', 'KOTAE_PG_USER', 'KOTAE_PG_PASSWORD', 'KOTAE_PG_DATABASE'] as const) {
      need(!env[key], key, 'required when KOTAE_DB=postgres');
    }
  }
}

/** The block's part of the validated configuration (SQLite under the data dir). */
export function toDbConfig(e: DbEnv & { KOTAE_DB_BUSY_TIMEOUT_MS: number }, dataDir: string): DbConfig {
  switch (e.KOTAE_DB) {
    case 'sqlite':
      return { kind: 'sqlite', path: path.join(dataDir, 'kotae.sqlite'), busyTimeoutMs: e.KOTAE_DB_BUSY_TIMEOUT_MS };
    case 'postgres':
      return {
        kind: 'postgres',
        host: e.KOTAE_PG_HOST ?? '',
        port: e.KOTAE_PG_PORT,
        user: e.KOTAE_PG_USER ?? '',
        password: e.KOTAE_PG_PASSWORD ?? '',
        database: e.KOTAE_PG_DATABASE ?? '',
        ssl: e.KOTAE_PG_SSL,
        poolSize: e.KOTAE_PG_POOL_SIZE,
        // Issue 11 point 8: the same bound as SQLite's busy timeout, as PostgreSQL's lock_timeout.
        lockTimeoutMs: e.KOTAE_DB_BUSY_TIMEOUT_MS,
      };
    case 'mssql':
      return {
        kind: 'mssql',
        host: e.KOTAE_MSSQL_HOST ?? '',
        port: e.KOTAE_MSSQL_PORT,
        user: e.KOTAE_MSSQL_USER ?? '',
        password: e.KOTAE_MSSQL_PASSWORD ?? '',
        database: e.KOTAE_MSSQL_DATABASE ?? '',
        encrypt: e.KOTAE_MSSQL_ENCRYPT,
        trustServerCertificate: e.KOTAE_MSSQL_TRUST_SERVER_CERTIFICATE,
      };
  }
}

/** The block's part of the start-up summary (no secrets). */
export function describeDb(db: DbConfig): Record<string, unknown> {
  return db.kind === 'sqlite'
    ? { kind: 'sqlite', path: db.path }
    : { kind: db.kind, host: db.host, port: db.port, database: db.database };
}
