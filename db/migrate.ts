/**
 * Opening a database: connect, check the schema version against the migrations this build knows,
 * and apply pending ones safely.
 * - A database migrated by a newer build (names this build does not know) is refused: this older
 *   instance must stop, it could write rows the new schema does not expect.
 * - Pending migrations run in one transaction (all or nothing; PostgreSQL and SQL Server roll back
 *   DDL too). On PostgreSQL an advisory lock lets one starting instance migrate while others wait.
 * - On a SQLite file a copy is taken before migrating and put back if a migration fails, so even a
 *   statement SQLite cannot roll back leaves the previous release's file intact.
 */
import fs from 'node:fs';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../core';
import { backupDatabase } from './backup';
import { dialectOf, mapDbError } from './data-source';

/** Migrations applied, pending, and applied-but-unknown to this build (a newer schema). */
export interface SchemaStatus {
  applied: string[];
  pending: string[];
  unknown: string[];
}

/** How `openDatabase` treats pending migrations. */
export interface OpenOptions {
  /** Apply pending migrations (default true); when false, pending migrations are an error. */
  migrate?: boolean;
}

const MIGRATIONS_TABLE = 'migrations';
/** Key of the PostgreSQL advisory lock held while migrating ("kotae" in ASCII). */
const MIGRATION_LOCK_KEY = 0x6b6f746165;

/** Reads the migration history and compares it with the migrations this build carries. */
export async function schemaStatus(ds: DataSource): Promise<SchemaStatus> {
  const known = ds.migrations.map((m) => m.name ?? m.constructor.name);
  const qr = ds.createQueryRunner();
  try {
    const exists = await qr.hasTable(MIGRATIONS_TABLE);
    const rows: { name: string }[] = exists ? await qr.query(`SELECT "name" FROM "${MIGRATIONS_TABLE}"`) : [];
    const applied = rows.map((r) => r.name);
    return {
      applied,
      pending: known.filter((n) => !applied.includes(n)),
      unknown: applied.filter((n) => !known.includes(n)),
    };
  } finally {
    await qr.release();
  }
}

/** Opens the data source, refuses a newer schema, applies pending migrations; returns the names applied. */
export async function openDatabase(ds: DataSource, options: OpenOptions = {}): Promise<string[]> {
  try {
    if (!ds.isInitialized) await ds.initialize();
    const status = await schemaStatus(ds);
    assertNotNewer(status);
    if (status.pending.length === 0) return [];
    if (options.migrate === false) {
      throw new KotaeError(
        'DB_MIGRATION_PENDING',
        `database schema is older than this build; pending migrations: ${status.pending.join(', ')}. ` +
          'Run `kotae migrate` (or enable KOTAE_DB_AUTO_MIGRATE) before starting.',
        { details: { pending: status.pending } },
      );
    }
    const dialect = dialectOf(ds);
    if (dialect === 'postgres') return await withAdvisoryLock(ds, () => migrateIfPending(ds));
    if (dialect === 'sqlite') return await migrateSqliteWithCopy(ds, status);
    return await migrateIfPending(ds);
  } catch (err) {
    throw mapDbError(err);
  }
}

function assertNotNewer(status: SchemaStatus): void {
  if (status.unknown.length > 0) throw newerSchemaError(status.unknown);
}

/** DB_SCHEMA_NEWER for migrations this build does not know, with the instruction in English and Japanese. */
export function newerSchemaError(unknown: readonly string[]): KotaeError {
  return new KotaeError(
    'DB_SCHEMA_NEWER',
    `database schema is newer than this build (unknown migrations: ${unknown.join(', ')}); ` +
      'stop this instance and run the newer release. / データベースはこのKotaeより新しいバージョンで更新されています。' +
      'このインスタンスを停止し、新しいバージョンで起動してください。',
    { details: { unknown: [...unknown] } },
  );
}

async function migrateIfPending(ds: DataSource): Promise<string[]> {
  // Re-read under the lock: another instance may have migrated while this one waited.
  const status = await schemaStatus(ds);
  assertNotNewer(status);
  if (status.pending.length === 0) return [];
  try {
    const applied = await ds.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } catch (err) {
    throw migrationFailed(err, status.pending);
  }
}

function migrationFailed(err: unknown, pending: string[], restoredFrom?: string): KotaeError {
  const mapped = mapDbError(err);
  if (mapped.code === 'DB_UNAVAILABLE') return mapped;
  const restored = restoredFrom ? `; the database file was restored from ${restoredFrom}` : '';
  return new KotaeError(
    'DB_MIGRATION_FAILED',
    `migration failed, nothing was applied (${pending.join(', ')})${restored}: ${mapped.message}`,
    { cause: err, details: { pending, restoredFrom } },
  );
}

async function withAdvisoryLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    // Waiting for another instance's migration may take long: not bounded by the short lock_timeout.
    await qr.query('SET lock_timeout = 0');
    await qr.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await qr.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await qr.query('RESET lock_timeout');
    }
  } finally {
    await qr.release();
  }
}

/** The file `openDatabase` copies a SQLite database to before migrating it. */
export function preMigrationCopyPath(file: string, at: Date): string {
  return `${file}.pre-migration-${at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`;
}

async function migrateSqliteWithCopy(ds: DataSource, status: SchemaStatus): Promise<string[]> {
  const file = String(ds.options.database ?? '');
  const onDisk = file !== '' && file !== ':memory:' && status.applied.length > 0;
  if (!onDisk) return migrateIfPending(ds);
  const copy = preMigrationCopyPath(file, new Date());
  await backupDatabase(ds, copy);
  try {
    return await migrateIfPending(ds);
  } catch (err) {
    await ds.destroy();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.copyFileSync(copy, file);
    throw migrationFailed(err instanceof KotaeError && err.cause ? err.cause : err, status.pending, copy);
  }
}
