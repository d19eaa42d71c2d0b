/**
 * A SQLite write lock held by another connection (a backup tool, `kotae` run by hand, a stuck
 * process). better-sqlite3 waits for it synchronously — the whole process stalls for the busy timeout
 * on every attempt. After one attempt timed out, this guard turns the busy timeout to 0 for a short
 * while, so further writes fail at once with DB_LOCKED (503, Retry-After) and reads (WAL: they never
 * wait for a writer) and /healthz stay fast; the next write after that window waits the full timeout
 * again. It also gives /healthz a write probe that never waits.
 */
import type { DataSource } from 'typeorm';

/** How long writes fail fast after a lock timeout. */
const FAST_FAIL_MS = 2_000;

interface Handle {
  pragma(source: string): unknown;
  exec(source: string): unknown;
}

const fastUntil = new WeakMap<DataSource, number>();
const lastLocked = new WeakMap<DataSource, Date>();

function handleOf(ds: DataSource): Handle | undefined {
  if (ds.options.type !== 'better-sqlite3' || !ds.isInitialized) return undefined;
  return (ds.driver as unknown as { databaseConnection?: Handle }).databaseConnection;
}

function configuredTimeout(ds: DataSource): number {
  return (ds.options as { timeout?: number }).timeout ?? 5000;
}

/** Before a unit of work: restores the configured busy timeout once the fast-fail window is over. */
export function beforeSqliteWork(ds: DataSource): void {
  const until = fastUntil.get(ds);
  if (until === undefined || Date.now() < until) return;
  fastUntil.delete(ds);
  handleOf(ds)?.pragma(`busy_timeout = ${configuredTimeout(ds)}`);
}

/** After DB_LOCKED: writes fail fast for a while. */
export function afterSqliteLocked(ds: DataSource): void {
  const handle = handleOf(ds);
  if (!handle) return;
  lastLocked.set(ds, new Date());
  if (!fastUntil.has(ds)) handle.pragma('busy_timeout = 0');
  fastUntil.set(ds, Date.now() + FAST_FAIL_MS);
}

/** The write probe of /healthz. */
export interface WriteProbe {
  writable: boolean;
  /** When a write last failed on the lock (this process). */
  lastLockedAt?: string;
}

/**
 * Whether a write could start now (SQLite: takes and releases the write lock without waiting; call
 * inside runDb). Other databases: undefined (their writers do not block the process).
 */
export function probeSqliteWrite(ds: DataSource): WriteProbe | undefined {
  const handle = handleOf(ds);
  if (!handle) return undefined;
  const locked = lastLocked.get(ds)?.toISOString();
  handle.pragma('busy_timeout = 0');
  try {
    handle.exec('BEGIN IMMEDIATE');
    handle.exec('ROLLBACK');
    return { writable: true, ...(locked ? { lastLockedAt: locked } : {}) };
  } catch {
    lastLocked.set(ds, new Date());
    return { writable: false, lastLockedAt: lastLocked.get(ds)?.toISOString() };
  } finally {
    if (!fastUntil.has(ds)) handle.pragma(`busy_timeout = ${configuredTimeout(ds)}`);
  }
}
