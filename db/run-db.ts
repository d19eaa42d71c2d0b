/**
 * Every repository call goes through `runDb`: it maps driver errors to KotaeErrors and, on
 * SQLite, runs one unit of work at a time. better-sqlite3 gives TypeORM a single connection, so
 * two overlapping transactions would collide ("cannot start a transaction within a transaction"),
 * and a plain write issued while another request's transaction is open would silently join it
 * (and be lost if that one rolls back). Nested calls from inside a unit of work run directly.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import { mapDbError } from './data-source';
import { noteServerLocked } from './server-write-probe';
import { afterSqliteLocked, beforeSqliteWork } from './sqlite-lock-guard';

const queues = new WeakMap<DataSource, Promise<unknown>>();
const inside = new AsyncLocalStorage<DataSource>();

/** Runs `work` against `ds`: serialized on SQLite, with driver errors mapped. */
export async function runDb<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const guarded = async () => {
    beforeSqliteWork(ds);
    try {
      return await work();
    } catch (err) {
      const mapped = mapDbError(err);
      // A write lock held elsewhere: fail the next writes fast instead of stalling the process.
      if (mapped.code === 'DB_LOCKED') {
        afterSqliteLocked(ds);
        noteServerLocked(ds);
      }
      throw mapped;
    }
  };
  if (ds.options.type !== 'better-sqlite3' || inside.getStore() === ds) return guarded();
  const previous = queues.get(ds) ?? Promise.resolve();
  const next = previous.then(
    () => inside.run(ds, guarded),
    () => inside.run(ds, guarded),
  );
  queues.set(
    ds,
    next.catch(() => undefined),
  );
  return next;
}
