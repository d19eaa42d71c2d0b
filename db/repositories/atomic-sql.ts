/**
 * Portable atomic statements for counters: the increment happens inside the database, never as
 * read → add in JavaScript → write back (which two instances on a server database would race).
 */
import type { EntityManager, QueryResult } from 'typeorm';
import { KotaeError } from '../../core';
import { dialectOfDriver, type Dialect } from '../schema';

/** Positional parameter `i` (0-based) in the dialect's syntax. */
function param(dialect: Dialect, i: number): string {
  if (dialect === 'postgres') return `$${i + 1}`;
  if (dialect === 'mssql') return `@${i}`;
  return '?';
}

/**
 * Allocates the next ticket sequence number of `year`: creates the counter row if missing (without
 * failing when another instance creates it at the same moment), then increments it atomically and
 * returns the new value. Inside a transaction the counter row stays locked until commit, so a
 * rolled-back ticket leaves no gap.
 */
export async function nextTicketSeq(em: EntityManager, year: number): Promise<number> {
  const d = dialectOfDriver(em.connection.options.type);
  const p = param(d, 0);
  if (d === 'mssql') {
    await em.query(
      `IF NOT EXISTS (SELECT 1 FROM "ticket_counter" WITH (UPDLOCK, HOLDLOCK) WHERE "year" = ${p}) ` +
        `INSERT INTO "ticket_counter" ("year", "lastSeq") VALUES (${p}, 0)`,
      [year],
    );
  } else {
    await em.query(
      `INSERT INTO "ticket_counter" ("year", "lastSeq") VALUES (${p}, 0) ON CONFLICT ("year") DO NOTHING`,
      [year],
    );
  }
  const sql =
    d === 'mssql'
      ? `UPDATE "ticket_counter" SET "lastSeq" = "lastSeq" + 1 OUTPUT inserted."lastSeq" WHERE "year" = ${p}`
      : `UPDATE "ticket_counter" SET "lastSeq" = "lastSeq" + 1 WHERE "year" = ${p} RETURNING "lastSeq"`;
  const result = await structured(em, sql, [year]);
  const records = result.records as { lastSeq: number | string }[];
  const value = Number(records[0]?.lastSeq);
  if (!Number.isInteger(value) || value < 1) {
    throw new KotaeError('INTERNAL', `ticket counter for ${year} returned ${String(records[0]?.lastSeq)}`);
  }
  return value;
}

/**
 * Holds a lock named `key` until the surrounding transaction ends (PostgreSQL advisory lock, SQL
 * Server application lock), so concurrent units of work on one key take turns across instances.
 * SQLite runs one unit of work at a time already (runDb), so it needs none.
 */
export async function lockKeyForTransaction(em: EntityManager, key: string): Promise<void> {
  const d = dialectOfDriver(em.connection.options.type);
  if (d === 'postgres') {
    // Kotae's own units of work queue here for milliseconds each: not bounded by the session's short
    // lock_timeout (meant for locks held elsewhere), which applies again right after.
    await em.query("SELECT set_config('lock_timeout', '0', true), pg_advisory_xact_lock(hashtext($1))", [key]);
    await em.query('SET LOCAL lock_timeout TO DEFAULT');
  } else if (d === 'mssql')
    await em.query(
      "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @0, @LockMode = 'Exclusive', @LockOwner = 'Transaction'",
      [key],
    );
}

/** Runs a statement on the manager's connection and returns TypeORM's structured result (rows in `records`). */
async function structured(em: EntityManager, sql: string, params: unknown[]): Promise<QueryResult> {
  if (em.queryRunner) return em.queryRunner.query(sql, params, true);
  const qr = em.connection.createQueryRunner();
  try {
    return await qr.query(sql, params, true);
  } finally {
    await qr.release();
  }
}

/** True when a driver error is a unique-constraint violation (SQLite, PostgreSQL 23505, SQL Server 2627/2601). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; number?: unknown; driverError?: { code?: unknown; number?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  const number = e?.number ?? e?.driverError?.number;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  if (number === 2627 || number === 2601) return true;
  const message = err instanceof Error ? err.message : String(err);
  return /UNIQUE constraint|duplicate key/i.test(message);
}
