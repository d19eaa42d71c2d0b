/**
 * The SLA watch on several instances: only the instance holding the `sla-watch` lease checks the SLA
 * clocks (every minute); the others stand by and take over when it stops (release) or dies (expiry).
 * The notification keys would stop duplicates anyway; the lease stops every instance reading every open
 * ticket every minute.
 */
import type { Clock } from '../core';
import { toKotaeError } from '../core';
import type { Logger } from '../core';
import { LeaseKeeper, type JobLease } from '../jobs';

/** The lease naming the instance that runs the SLA watch. */
export const SLA_WATCH_LEASE = 'sla-watch';

/** What the leased SLA watch needs. */
export interface LeasedSlaWatchDeps {
  lease: JobLease;
  holder: string;
  clock: Clock;
  logger: Logger;
  /** One check of the SLA clocks. */
  check: () => Promise<unknown>;
  /** How often the holder checks (default 60 s). */
  everyMs?: number;
  /** Lease TTL (default 30 s): a dead holder is replaced within TTL + TTL/3. */
  ttlMs?: number;
}

/** Starts and stops the SLA watch with the lease; `keeper` shows whether this instance holds it. */
export function leasedSlaWatch(d: LeasedSlaWatchDeps): { keeper: LeaseKeeper; start(): void; stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const check = () => {
    running ??= d
      .check()
      .catch((err: unknown) => d.logger.warn('sla watch failed', { error: toKotaeError(err).message }))
      .finally(() => (running = undefined));
  };
  const keeper = new LeaseKeeper({
    lease: d.lease,
    name: SLA_WATCH_LEASE,
    holder: d.holder,
    clock: d.clock,
    logger: d.logger,
    ttlMs: d.ttlMs,
    onGained: () => {
      timer = setInterval(check, d.everyMs ?? 60_000);
      timer.unref();
    },
    onLost: async () => {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  });
  return { keeper, start: () => keeper.start(), stop: () => keeper.stop() };
}
