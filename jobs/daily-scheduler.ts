/**
 * Runs the daily jobs (backup, then retention) once per JST day at or after a wall-clock time,
 * checking every N minutes like the ReportScheduler. A job already succeeded today (a job_run row
 * since 00:00 JST, e.g. a manual `kotae backup`) is skipped; after a run that failed all its
 * attempts, that job waits until the next JST day. A missed time (server down at 02:00) is caught
 * up at the first check after it.
 */
import type { Clock } from '../core';
import { KotaeError, toKotaeError } from '../core';
import type { Logger } from '../core';
import { jstInstant, jstParts } from '../calendar';
import type { LeaseGuard } from './job-lease';
import type { JobRunStore } from './job-run-store';
import { PeriodicCheck, type SchedulerTimers } from './periodic-check';

/** A job run once a day; `name` is its job name in job_run. */
export interface DailyJob {
  name: string;
  run(now: Date): Promise<unknown>;
}

/** What the daily scheduler needs. */
export interface DailySchedulerDeps {
  clock: Clock;
  /** Jobs in the order they run each day. */
  jobs: readonly DailyJob[];
  runs: Pick<JobRunStore, 'recent'>;
  /** Earliest JST wall-clock time 'HH:MM' (config.backup.time). */
  time: string;
  /** Minutes between checks (default 15). */
  intervalMinutes?: number;
  timers?: SchedulerTimers;
  logger?: Logger;
  /** With several instances on one database: a job runs only on the instance holding its lease (named after the job). */
  leases?: LeaseGuard;
}

/** Minutes after midnight of 'HH:MM' (the daily jobs' time); CONFIG_INVALID otherwise. */
export function parseTime(time: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new KotaeError('CONFIG_INVALID', `daily job time must be HH:MM, got "${time}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Timer-driven runner of the daily backup and retention jobs. */
export class DailyScheduler {
  private readonly atMinute: number;
  private readonly periodic: PeriodicCheck<string[]>;
  private readonly gaveUp = new Map<string, string>();

  constructor(private readonly deps: DailySchedulerDeps) {
    this.atMinute = parseTime(deps.time);
    this.periodic = new PeriodicCheck(() => this.check(), deps.intervalMinutes, deps.timers);
  }

  /** Starts checking every interval, with a first check right away. */
  start(): void {
    this.periodic.start();
  }

  /** Stops the timer and waits for a check in progress to finish. */
  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** One check: runs each job due and not yet done today; returns the names run. Never rejects. */
  tick(): Promise<string[]> {
    return this.periodic.tick();
  }

  private async check(): Promise<string[]> {
    const { clock, jobs, logger } = this.deps;
    const now = clock.now();
    const p = jstParts(now);
    if (p.hour * 60 + p.minute < this.atMinute) return [];
    const today = `${p.year}-${p.month}-${p.day}`;
    const dayStart = jstInstant(p.year, p.month, p.day);
    const ran: string[] = [];
    for (const job of jobs) {
      if (this.gaveUp.get(job.name) === today) continue;
      try {
        const once = async () => {
          if (await this.doneSince(job.name, dayStart)) return;
          await job.run(now);
          ran.push(job.name);
        };
        const { leases } = this.deps;
        await (leases ? leases.run(job.name, once, undefined) : once());
      } catch (err) {
        this.gaveUp.set(job.name, today);
        logger?.error('daily job failed', { job: job.name, error: toKotaeError(err).message });
      }
    }
    return ran;
  }

  private async doneSince(job: string, since: Date): Promise<boolean> {
    const recent = await this.deps.runs.recent(job, 20);
    // A skip is the day's deliberate decision too (not retried every check), though not a success.
    return recent.some(
      (r) => (r.status === 'succeeded' || r.status === 'skipped') && r.startedAt.getTime() >= since.getTime(),
    );
  }
}
