/**
 * The daily sweep of this instance's own attachment folder (KOTAE_ATTACHMENT_STORAGE=instance): retention runs on one
 * instance under its lease and deletes the rows, and the files in that instance's folder; every other instance's folder
 * keeps the same files until its own sweep deletes those no row references any more. Each instance sweeps once a JST
 * day at or after the daily jobs' time (no lease: the folder is its own), recorded in job_run with the instance. It also
 * deletes the quarantined files of its folder kept longer than KOTAE_QUARANTINE_KEEP_DAYS.
 */
import type { Clock, Logger } from '../core';
import { toKotaeError } from '../core';
import { jstParts } from '../calendar';
import type { JobRunner } from './job-runner';
import { parseTime } from './daily-scheduler';
import { PeriodicCheck, type SchedulerTimers } from './periodic-check';

/** job_run name of the sweep (its detail names the instance). */
export const ATTACHMENT_SWEEP_JOB = 'attachment-sweep';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AttachmentSweepDeps {
  clock: Clock;
  files: { removeUnreferencedFiles(olderThan: Date): Promise<number> };
  /** Deletes this folder's quarantined files kept longer than KOTAE_QUARANTINE_KEEP_DAYS. */
  quarantinedFiles?: { removeExpired(now: Date): Promise<number> };
  runner: Pick<JobRunner, 'run'>;
  /** This instance's id (job_run detail). */
  instance: string;
  /** Earliest JST wall-clock time 'HH:MM' (the daily jobs' time). */
  time: string;
  intervalMinutes?: number;
  timers?: SchedulerTimers;
  logger?: Logger;
}

/** Sweeps this instance's attachment folder once a day. */
export class AttachmentSweep {
  private readonly periodic: PeriodicCheck<number | undefined>;
  private readonly atMinute: number;
  private sweptOn?: string;

  constructor(private readonly deps: AttachmentSweepDeps) {
    this.atMinute = parseTime(deps.time);
    this.periodic = new PeriodicCheck(() => this.check(), deps.intervalMinutes, deps.timers);
  }

  start(): void {
    this.periodic.start();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** One check: sweeps when due and not yet swept today; resolves with the files removed (undefined: not due). */
  tick(): Promise<number | undefined> {
    return this.periodic.tick();
  }

  private async check(): Promise<number | undefined> {
    const { clock, files, runner, instance, logger } = this.deps;
    const now = clock.now();
    const p = jstParts(now);
    const today = `${p.year}-${p.month}-${p.day}`;
    if (p.hour * 60 + p.minute < this.atMinute || this.sweptOn === today) return undefined;
    // Tried once a day, failed or not: a failure is in job_run and the log, and the next day sweeps everything left.
    this.sweptOn = today;
    try {
      // A day's grace, as retention gives: a file just stored has its row written right after.
      return await runner.run(
        ATTACHMENT_SWEEP_JOB,
        async () => {
          const removed = await files.removeUnreferencedFiles(new Date(now.getTime() - DAY_MS));
          await this.deps.quarantinedFiles?.removeExpired(now);
          return removed;
        },
        `instance ${instance}`,
      );
    } catch (err) {
      logger?.error('attachment sweep failed', { instance, error: toKotaeError(err).message });
      return undefined;
    }
  }
}
