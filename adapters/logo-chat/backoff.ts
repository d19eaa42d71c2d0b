/** Exponential restart delays with a cap: initial, 2×, 4×, … up to maxMs (never a tight loop). */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** Default: 1 s doubling to 5 minutes. */
export const DEFAULT_BACKOFF: Backoff = Object.freeze({ initialMs: 1000, maxMs: 5 * 60_000 });

/** The delay before restart number `attempt` (0-based). */
export function backoffDelay(b: Backoff, attempt: number): number {
  return Math.min(b.maxMs, b.initialMs * 2 ** Math.min(attempt, 30));
}
