/**
 * The write side of /healthz on PostgreSQL (issue 11 point 8), never waiting: the server accepts
 * writes (not read-only / a standby), the tables every question and ticket writes to can be locked
 * for writing within 100 ms (a table lock held elsewhere shows), and no write of this process was
 * refused on a lock (lock_timeout, 55P03) in the last 5 s (a row lock held elsewhere shows).
 */
import type { DataSource } from 'typeorm';
import type { WriteProbe } from './sqlite-lock-guard';

/** How long a refused write keeps /healthz degraded. */
const RECENT_MS = 5_000;

const lastLocked = new WeakMap<DataSource, Date>();

/** Records that a write on a server database was refused on a lock (runDb calls it). */
export function noteServerLocked(ds: DataSource): void {
  if (ds.options.type !== 'better-sqlite3') lastLocked.set(ds, new Date());
}

/** The PostgreSQL write probe; undefined for other databases. */
export async function probeServerWrite(ds: DataSource): Promise<WriteProbe | undefined> {
  if (ds.options.type !== 'postgres') return undefined;
  const locked = lastLocked.get(ds);
  const qr = ds.createQueryRunner();
  try {
    await qr.startTransaction();
    await qr.query("SET LOCAL lock_timeout = '100ms'");
    const [{ ro }] = (await qr.query("SELECT current_setting('transaction_read_only') AS ro")) as { ro: string }[];
    if (ro === 'on') return { writable: false, ...(locked ? { lastLockedAt: locked.toISOString() } : {}) };
    await qr.query(
      'LOCK TABLE "conversation", "transcript_entry", "question", "ticket", "ticket_counter", "audit_log" IN ROW EXCLUSIVE MODE',
    );
  } catch {
    const now = new Date();
    lastLocked.set(ds, now);
    return { writable: false, lastLockedAt: now.toISOString() };
  } finally {
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    await qr.release();
  }
  const recent = locked !== undefined && Date.now() - locked.getTime() < RECENT_MS;
  return { writable: !recent, ...(locked ? { lastLockedAt: locked.toISOString() } : {}) };
}
