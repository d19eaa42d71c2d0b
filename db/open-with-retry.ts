/**
 * Opening the database at start when it may not be reachable yet (a server database restarting,
 * the network coming up after a reboot): instead of exiting, and being restarted in a tight loop by
 * the service manager, the instance logs a clear message and retries with exponential backoff.
 * Only DB_UNAVAILABLE is retried; a newer schema, a pending migration with auto-migration off or a
 * failed migration stop the start at once.
 */
import type { DataSource } from 'typeorm';
import { KotaeError } from '../core';
import { openDatabase, type OpenOptions } from './migrate';

/** Backoff of the start-up retries. */
export interface StartRetry {
  /** First wait (default 1 s); doubled after each failure up to `maxDelayMs` (default 30 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this long (default: never, keep retrying). */
  maxWaitMs?: number;
  /** Called before each wait (for the log). */
  onRetry?: (info: { attempt: number; delayMs: number; error: KotaeError }) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** `openDatabase`, retrying while the database is unreachable. */
export async function openDatabaseWithRetry(
  ds: DataSource,
  options: OpenOptions & { retry?: StartRetry } = {},
): Promise<string[]> {
  const retry = options.retry ?? {};
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  let delay = retry.initialDelayMs ?? 1000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await openDatabase(ds, options);
    } catch (err) {
      if (!(err instanceof KotaeError) || err.code !== 'DB_UNAVAILABLE') throw err;
      const waited = Date.now() - started;
      if (retry.maxWaitMs !== undefined && waited + delay > retry.maxWaitMs) {
        throw new KotaeError(
          'DB_UNAVAILABLE',
          `database still unreachable after ${attempt} attempts in ${Math.round(waited / 1000)} s: ${err.message}`,
          { cause: err },
        );
      }
      retry.onRetry?.({ attempt, delayMs: delay, error: err });
      await sleep(delay);
      delay = Math.min(delay * 2, retry.maxDelayMs ?? 30_000);
    }
  }
}
