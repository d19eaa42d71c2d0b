/**
 * Keeps one named lease for as long as this instance runs something that must run on one instance
 * only (the LoGoチャット connection): the instance tries to take the lease every `ttl / 3`; the one
 * that gets it starts the work and renews the lease; the others stand by. When the holder dies its
 * lease expires and a standby takes over within `ttl + ttl / 3`; when it stops it releases the lease
 * and a standby takes over at its next try. A holder that cannot renew (database lost) stops the work
 * before its lease can expire, so two instances never run it at once.
 */
import type { Clock } from '../core';
import { toKotaeError } from '../core';
import type { Logger } from '../core';
import type { JobLease } from './job-lease';

/** What a LeaseKeeper needs. */
export interface LeaseKeeperDeps {
  lease: JobLease;
  /** The lease's name (e.g. `logo-chat`). */
  name: string;
  /** This instance's id. */
  holder: string;
  clock: Clock;
  logger: Logger;
  /** How long the lease lasts without renewal (default 30 s); tried or renewed every third of it. */
  ttlMs?: number;
  /** Called when this instance got the lease (start the work). */
  onGained: () => void;
  /** Called when this instance lost or gave up the lease (stop the work); awaited before a release. */
  onLost: () => Promise<void>;
}

/** Takes, renews and gives up one lease; runs the work only while holding it. */
export class LeaseKeeper {
  private holding = false;
  private lastRenewed = 0;
  private handle: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;
  private readonly ttlMs: number;

  constructor(private readonly deps: LeaseKeeperDeps) {
    this.ttlMs = deps.ttlMs ?? 30_000;
  }

  /** True while this instance holds the lease. */
  get held(): boolean {
    return this.holding;
  }

  /** Tries at once, then every third of the TTL. */
  start(): void {
    if (this.handle) return;
    this.stopped = false;
    void this.tick();
    this.handle = setInterval(() => void this.tick(), Math.max(1, Math.floor(this.ttlMs / 3)));
    this.handle.unref();
  }

  /** Stops trying; a holder stops the work, then releases the lease so a standby takes over. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle) clearInterval(this.handle);
    this.handle = undefined;
    await this.ticking;
    if (!this.holding) return;
    await this.lose('stopping');
    await this.deps.lease.release(this.deps.name, this.deps.holder).catch((err: unknown) => {
      this.deps.logger.warn('lease release failed', { lease: this.deps.name, error: toKotaeError(err).message });
    });
  }

  /** One try (or the one in progress). Never rejects. */
  tick(): Promise<void> {
    this.ticking ??= this.tryTake().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async tryTake(): Promise<void> {
    if (this.stopped) return;
    const { lease, name, holder, clock, logger } = this.deps;
    const now = clock.now();
    let got: boolean;
    try {
      got = await lease.acquire(name, holder, now, new Date(now.getTime() + this.ttlMs));
    } catch (err) {
      logger.warn('lease not renewed', { lease: name, error: toKotaeError(err).message });
      // Without a renewal the lease may expire before the next try: stop the work while it is still ours.
      const renewEvery = this.ttlMs / 3;
      if (this.holding && clock.now().getTime() - this.lastRenewed >= this.ttlMs - renewEvery * 1.5) {
        await this.lose('renewal failed');
      }
      return;
    }
    if (this.stopped) {
      if (got && !this.holding) await lease.release(name, holder).catch(() => undefined);
      return;
    }
    if (got) {
      this.lastRenewed = now.getTime();
      if (!this.holding) {
        this.holding = true;
        logger.info('lease taken: this instance runs it', { lease: name, holder });
        this.deps.onGained();
      }
    } else if (this.holding) {
      await this.lose('taken by another instance');
    }
  }

  private async lose(reason: string): Promise<void> {
    this.holding = false;
    this.deps.logger.warn('lease given up: this instance stops it', { lease: this.deps.name, reason });
    await this.deps.onLost().catch((err: unknown) =>
      this.deps.logger.warn('stopping the leased work failed', {
        lease: this.deps.name,
        error: toKotaeError(err).message,
      }),
    );
  }
}
