/**
 * Runs a named job and records every attempt in job_run (running → succeeded/failed). A failed
 * attempt is retried after an exponential backoff, up to `maxAttempts`; errors that a retry
 * cannot fix (invalid input, conflicts) are not retried.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../core';
import { toKotaeError, type ErrorCode, type KotaeError } from '../core';
import type { Logger } from '../core';
import type { JobRunStore } from './job-run-store';

/** Options of a JobRunner. */
export interface JobRunnerOptions {
  store: JobRunStore;
  clock: Clock;
  logger?: Logger;
  /** Attempts per run, at least 1 (default 3). */
  maxAttempts?: number;
  /** Wait before attempt n+1 after attempt n failed (default 1 min × 2^(n-1), at most 30 min). */
  backoffMs?: (attempt: number) => number;
  /** How to wait (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  /** Told when a run failed for good (every attempt failed); e.g. notifies the operators. */
  onFailed?: (job: string, error: KotaeError) => void;
}

/** Error codes a retry will not fix. */
const PERMANENT: readonly ErrorCode[] = [
  'INPUT_INVALID',
  'REPORT_PERIOD_INVALID',
  'CONFLICT',
  'NOT_FOUND',
  'CONFIG_INVALID',
];

/** Default backoff: 1, 2, 4 … minutes, capped at 30. */
export const defaultBackoffMs = (attempt: number): number => Math.min(30 * 60_000, 60_000 * 2 ** (attempt - 1));

/** Runs jobs with bounded retries and a job_run record per attempt. */
export class JobRunner {
  /** Attempts of one run (a failure is retried until this many have failed). */
  readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: JobRunnerOptions) {
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.sleep = options.sleep ?? ((ms) => delay(ms, undefined, { ref: false }));
  }

  /** Records that job `job` was deliberately not done (status skipped, never counted as a success). */
  async skip(job: string, detail: string): Promise<void> {
    const { store, clock, logger } = this.options;
    const id = await store.start(job, 1, clock.now());
    await store.finish(id, { status: 'skipped', at: clock.now(), detail });
    logger?.warn('job skipped', { job, detail });
  }

  /** Runs `work` as job `job`; resolves with its value or rejects with the last error as a KotaeError. */
  async run<T>(job: string, work: () => Promise<T>, detail?: string): Promise<T> {
    const { store, clock, logger } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      const id = await store.start(job, attempt, clock.now());
      try {
        const value = await work();
        await store.finish(id, { status: 'succeeded', at: clock.now(), detail });
        logger?.info('job succeeded', { job, attempt });
        return value;
      } catch (err) {
        const error: KotaeError = toKotaeError(err);
        await store.finish(id, { status: 'failed', at: clock.now(), error: `${error.code}: ${error.message}`, detail });
        const retry = attempt < this.maxAttempts && !PERMANENT.includes(error.code);
        logger?.warn('job attempt failed', { job, attempt, code: error.code, error: error.message, retry });
        if (!retry) {
          this.options.onFailed?.(job, error);
          throw error;
        }
        await this.sleep(this.backoffMs(attempt));
      }
    }
  }
}
