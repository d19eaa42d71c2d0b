/**
 * The databases every store suite runs on: SQLite and PostgreSQL always; SQL Server when
 * KOTAE_TEST_MSSQL_URL (mssql://user:password@host:port, a login that may create databases) points at
 * a server. Each suite gets its own fresh, migrated database (a new SQLite file; a new randomly named
 * PostgreSQL or SQL Server database); `reset()` empties every table between tests.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource, openDatabase, type DbConfig } from '../../db';
import { ALL_TABLES } from '../../db/schema/tables';
import { tamperAuditTables } from './audit';
import { createTestDatabase, dropTestDatabase, postgresServer } from './postgres';
import { tempDir } from './temp-dir';

/** A database kind the suites run on. */
export type TestDbKind = DbConfig['kind'];

const MSSQL_URL = process.env.KOTAE_TEST_MSSQL_URL;

/** The kinds this run covers. */
export const TEST_DB_KINDS: readonly TestDbKind[] = ['sqlite', 'postgres', ...(MSSQL_URL ? (['mssql'] as const) : [])];

/** An empty database with its configuration (not yet opened, not migrated). */
export interface EmptyTestDb {
  kind: TestDbKind;
  config: DbConfig;
  /** Removes the database (the data source must be closed). */
  drop(): Promise<void>;
}

/** Creates a new empty database of a kind. */
export async function emptyTestDb(kind: TestDbKind): Promise<EmptyTestDb> {
  if (kind === 'sqlite') {
    const { dir, cleanup } = tempDir('kotae-db-');
    return { kind, config: { kind, path: path.join(dir, 'kotae.sqlite') }, drop: async () => cleanup() };
  }
  if (kind === 'postgres') {
    const server = await postgresServer();
    const database = await createTestDatabase(server);
    return {
      kind,
      config: {
        kind,
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        database,
        ssl: false,
      },
      drop: () => dropTestDatabase(server, database),
    };
  }
  const url = new URL(MSSQL_URL ?? '');
  const master: DbConfig = {
    kind: 'mssql',
    host: url.hostname,
    port: Number(url.port || 1433),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: 'master',
    encrypt: false,
    trustServerCertificate: true,
  };
  const database = `kotae_${randomBytes(6).toString('hex')}`;
  await onMaster(master, `CREATE DATABASE [${database}]`);
  return {
    kind,
    config: { ...master, database },
    drop: () =>
      onMaster(
        master,
        `ALTER DATABASE [${database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [${database}]`,
      ),
  };
}

/** Runs one statement on the SQL Server's master database (creating and dropping test databases). */
async function onMaster(master: DbConfig, statement: string): Promise<void> {
  const ds = await createDataSource(master).initialize();
  try {
    await ds.query(statement);
  } finally {
    await ds.destroy();
  }
}

/** A migrated database. */
export interface TestDb {
  kind: TestDbKind;
  config: DbConfig;
  ds: DataSource;
  /** Deletes every row of every table. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Creates and migrates a fresh database of a kind. */
export async function openTestDb(kind: TestDbKind): Promise<TestDb> {
  const empty = await emptyTestDb(kind);
  const ds = createDataSource(empty.config);
  await openDatabase(ds);
  return {
    kind,
    config: empty.config,
    ds,
    reset: () => resetTables(ds),
    close: async () => {
      if (ds.isInitialized) await ds.destroy();
      await empty.drop();
    },
  };
}

async function resetTables(ds: DataSource): Promise<void> {
  const tables = ALL_TABLES.map((t) => `"${t.name}"`);
  // The audit tables are append-only (migration 1765610000000): lifted inside this transaction only.
  await tamperAuditTables(ds, async (em) => {
    if (ds.options.type === 'postgres') await em.query(`TRUNCATE ${tables.join(', ')}`);
    else for (const table of tables) await em.query(`DELETE FROM ${table}`);
  });
}

/**
 * Registers before/after hooks in the current `describe` that open one database of `kind` for the
 * suite; the returned handle's `db` is valid inside tests and hooks.
 */
export function useTestDb(kind: TestDbKind): { readonly db: TestDb } {
  let current: TestDb | undefined;
  before(async function () {
    this.timeout(120_000);
    current = await openTestDb(kind);
  });
  after(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get db(): TestDb {
      if (!current) throw new Error(`test database ${kind} is not open (use inside tests or hooks)`);
      return current;
    },
  };
}

/** The handle `describeEachDb` gives a suite: its database kind and (inside tests and hooks) the open database. */
export interface EachDb {
  kind: TestDbKind;
  readonly db: TestDb;
}

/**
 * `describe(title, body)` once per database kind (titles get ` (sqlite)`, ` (postgres)`…), with one fresh
 * database per suite opened before and closed after it.
 */
export function describeEachDb(title: string, body: (each: EachDb) => void): void {
  for (const kind of TEST_DB_KINDS) {
    describe(`${title} (${kind})`, () => {
      const handle = useTestDb(kind);
      body({
        kind,
        get db() {
          return handle.db;
        },
      });
    });
  }
}
