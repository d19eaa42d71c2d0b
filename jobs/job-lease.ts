/**
 * Leases make a scheduled job run on one instance at a time when several instances share one
 * database: a job runs only while this instance holds the lease named after it. A lease is held
 * until it expires, is renewed by its holder or released; a lease of an instance that died is taken
 * over by another once it has expired.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core';
import { toKotaeError } from '../core';
import type { Logger } from '../core';

/** A lease as stored. */
export interface LeaseHeld {
  name: string;
  expiresAt: Date;
}

/** A live lease and the instance holding it (for /healthz). */
export interface LeaseHolding extends LeaseHeld {
  holder: string;
}

/** Port: named leases shared by every instance of one database. */
export interface JobLease {
  /**
   * Takes the lease `name` for `holder` until `expiresAt` when it is free, expired at `now`, or
   * already held by `holder` (which renews it). True when `holder` holds it afterwards.
   */
  acquire(name: string, holder: string, now: Date, expiresAt: Date): Promise<boolean>;
  /** Gives the lease up if `holder` holds it. */
  release(name: string, holder: string): Promise<void>;
  /** The leases `holder` holds at `now`. */
  heldBy(holder: string, now: Date): Promise<LeaseHeld[]>;
  /** Every lease not expired at `now`, by name, with its holder. */
  live(now: Date): Promise<LeaseHolding[]>;
}

/** An id naming this process among the instances: host, pid and a random part. */
export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** In-memory JobLease (one process; tests and single-instance CLI runs). */
export class InMemoryJobLease implements JobLease {
  private readonly leases = new Map<string, { holder: string; expiresAt: Date }>();

  async acquire(name: string, holder: string, now: Date, expiresAt: Date): Promise<boolean> {
    const current = this.leases.get(name);
    if (current && current.holder !== holder && current.expiresAt.getTime() >= now.getTime()) return false;
    this.leases.set(name, { holder, expiresAt });
    return true;
  }

  async release(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }

  async heldBy(holder: string, now: Date): Promise<LeaseHeld[]> {
    return [...this.leases]
      .filter(([, l]) => l.holder === holder && l.expiresAt.getTime() >= now.getTime())
      .map(([name, l]) => ({ name, expiresAt: l.expiresAt }));
  }

  async live(now: Date): Promise<LeaseHolding[]> {
    return [...this.leases]
      .filter(([, l]) => l.expiresAt.getTime() >= now.getTime())
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, l]) => ({ name, holder: l.holder, expiresAt: l.expiresAt }));
  }
}

/** Timer functions for renewing a lease during a long run. */
export interface RenewTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realRenewTimers: RenewTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/** What a LeaseGuard needs. */
export interface LeaseGuardDeps {
  lease: JobLease;
  /** This instance's id (newInstanceId()). */
  holder: string;
  clock: Clock;
  /** How long a lease lasts without renewal (default 5 minutes); renewed every third of it while a run lasts. */
  ttlMs?: number;
  logger?: Logger;
  timers?: RenewTimers;
}

/** Runs work under a named lease of this instance. */
export class LeaseGuard {
  readonly holder: string;
  private readonly ttlMs: number;

  constructor(private readonly deps: LeaseGuardDeps) {
    this.holder = deps.holder;
    this.ttlMs = deps.ttlMs ?? 5 * 60_000;
  }

  /**
   * Runs `work` if this instance gets the lease `name` (renewing it while `work` runs, releasing it
   * after); otherwise returns `skipped` without running it. A lease store failure also skips.
   */
  async run<T>(name: string, work: () => Promise<T>, skipped: T): Promise<T> {
    if (!(await this.take(name))) return skipped;
    const timers = this.deps.timers ?? realRenewTimers;
    const renew = timers.setInterval(() => void this.take(name), Math.max(1, Math.floor(this.ttlMs / 3)));
    try {
      return await work();
    } finally {
      timers.clearInterval(renew);
      await this.deps.lease.release(name, this.holder).catch((err: unknown) => {
        this.deps.logger?.warn('job lease release failed', { lease: name, error: toKotaeError(err).message });
      });
    }
  }

  /** The leases this instance holds now. */
  held(): Promise<LeaseHeld[]> {
    return this.deps.lease.heldBy(this.holder, this.deps.clock.now());
  }

  /** Every live lease of every instance, with its holder. */
  all(): Promise<LeaseHolding[]> {
    return this.deps.lease.live(this.deps.clock.now());
  }

  private async take(name: string): Promise<boolean> {
    const now = this.deps.clock.now();
    try {
      return await this.deps.lease.acquire(name, this.holder, now, new Date(now.getTime() + this.ttlMs));
    } catch (err) {
      this.deps.logger?.warn('job lease not taken', { lease: name, error: toKotaeError(err).message });
      return false;
    }
  }
}
