/**
 * The scheduled rescan of stored files (`kotae scan-attachments` run by the server): every check (15 minutes) asks
 * the scanner's signature version (clamd `VERSION`, one short connection) unless a run of this folder succeeded
 * within the interval (KOTAE_RESCAN_INTERVAL_HOURS); when the version differs from the last successful run's, the
 * rescan runs under a lease, recorded in job_run (`attachment-rescan`, detail `folder <f> version <v>`). A run that
 * failed or was stopped is continued at the next check (files scanned since are current and skipped).
 */
import type { Clock, Logger } from '../core';
import { toKotaeError } from '../core';
import type { LeaseGuard } from './job-lease';
import type { JobRunner } from './job-runner';
import type { JobRunStore } from './job-run-store';
import { PeriodicCheck, type SchedulerTimers } from './periodic-check';

/** job_run name (and lease name, with shared storage) of the scheduled rescan. */
export const ATTACHMENT_RESCAN_JOB = 'attachment-rescan';

const HOUR_MS = 3_600_000;

/** What the scheduled rescan needs. */
export interface ScheduledRescanDeps {
  clock: Clock;
  runs: Pick<JobRunStore, 'recent'>;
  runner: Pick<JobRunner, 'run'>;
  leases: Pick<LeaseGuard, 'run'>;
  /** The scanner's signature version now; undefined when it cannot be reached. */
  scannerVersion(): Promise<string | undefined>;
  /** One rescan (the `kotae scan-attachments` run); rejects when it did not finish (the next check continues it). */
  rescan(signal: AbortSignal): Promise<void>;
  /** At most one successful run per this many hours. */
  intervalHours: number;
  /**
   * Whose files: `shared` (one folder for every instance: one instance runs it under the lease) or this host's
   * name (each instance's own folder: each runs its own, under a lease of its own).
   */
  folder: string;
  intervalMinutes?: number;
  timers?: SchedulerTimers;
  logger?: Logger;
}

/** Why a check did not run the rescan, or that it ran. */
export type ScheduledRescanOutcome = 'ran' | 'recent' | 'unreachable' | 'current' | 'busy' | 'failed';

/** Runs the rescan when the signatures changed, at most once per interval. */
export class ScheduledRescan {
  private readonly periodic: PeriodicCheck<ScheduledRescanOutcome>;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: ScheduledRescanDeps) {
    this.periodic = new PeriodicCheck(() => this.check(), deps.intervalMinutes, deps.timers);
  }

  start(): void {
    this.periodic.start();
  }

  /** Stops the timer; a run in progress stops after the file being scanned. */
  stop(): Promise<void> {
    this.stopping.abort();
    return this.periodic.stop();
  }

  /** One check (never rejects). */
  tick(): Promise<ScheduledRescanOutcome> {
    return this.periodic.tick();
  }

  private get lease(): string {
    const { folder } = this.deps;
    // job_lease names hold 64 characters.
    return (folder === 'shared' ? ATTACHMENT_RESCAN_JOB : `${ATTACHMENT_RESCAN_JOB}@${folder}`).slice(0, 64);
  }

  private async check(): Promise<ScheduledRescanOutcome> {
    const { clock, runs, logger, folder } = this.deps;
    try {
      const now = clock.now();
      const mine = (await runs.recent(ATTACHMENT_RESCAN_JOB, 50)).filter(
        (r) => r.status === 'succeeded' && r.detail?.startsWith(`folder ${folder} version `),
      );
      const last = mine[0];
      if (last && now.getTime() - last.startedAt.getTime() < this.deps.intervalHours * HOUR_MS) return 'recent';
      const version = await this.deps.scannerVersion();
      if (version === undefined) {
        logger?.info('rescan: scanner unreachable, scheduled check skipped', { folder });
        return 'unreachable';
      }
      const detail = `folder ${folder} version ${version}`;
      if (last?.detail === detail) return 'current';
      const run = async (): Promise<ScheduledRescanOutcome> => {
        await this.deps.runner.run(ATTACHMENT_RESCAN_JOB, () => this.deps.rescan(this.stopping.signal), detail);
        return 'ran';
      };
      return await this.deps.leases.run(this.lease, run, 'busy');
    } catch (err) {
      logger?.error('scheduled rescan failed', { folder, error: toKotaeError(err).message });
      return 'failed';
    }
  }
}
