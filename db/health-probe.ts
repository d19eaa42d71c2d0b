/**
 * The database part of /healthz: a read (`SELECT 1`) and a write probe that never waits (SQLite: the
 * write lock; PostgreSQL: server-write-probe.ts), so a lock held elsewhere shows as `degraded` (reads
 * still work) instead of stalling the check.
 */
import type { DataSource } from 'typeorm';
import { runDb } from './run-db';
import { probeServerWrite } from './server-write-probe';
import { probeSqliteWrite, type WriteProbe } from './sqlite-lock-guard';

/** `ok`, `degraded` (reads work, writes are refused with 503 for now) or `error`, with details. */
export interface DatabaseHealth {
  state: 'ok' | 'degraded' | 'error';
  detail?: { writable?: boolean; lastLockedAt?: string; error?: string };
}

/** Probes the database for /healthz. */
export async function probeDatabase(ds: DataSource): Promise<DatabaseHealth> {
  try {
    const write: WriteProbe | undefined = await runDb(ds, async () => {
      await ds.query('SELECT 1 AS ok');
      return probeSqliteWrite(ds) ?? (await probeServerWrite(ds));
    });
    if (write && !write.writable)
      return { state: 'degraded', detail: { writable: false, lastLockedAt: write.lastLockedAt } };
    return { state: 'ok' };
  } catch (err) {
    return { state: 'error', detail: { error: err instanceof Error ? err.message.slice(0, 200) : String(err) } };
  }
}
