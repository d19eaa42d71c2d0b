/**
 * Audit checkpoints on a schedule (issue 11): the daily one (job `audit-anchor`, recorded in job_run)
 * and the periodic one (session 31) every N minutes, under the lease `audit-checkpoint` so one instance
 * writes it, and only when the chain's head moved since this database's last checkpoint. Rows deleted
 * from the newest end of the chain are detected once a checkpoint covers them: the checkpoint after
 * every write (jobs/audit-write-checkpoint.ts) keeps that window at about a second; the periodic one
 * bounds it when that one is off (KOTAE_AUDIT_CHECKPOINT_DELAY_MS=0) or failed.
 */
import type { AuditHead } from '../core';
import { toKotaeError, type Logger } from '../core';
import type { AuditCheckpointOutcomes } from './audit-checkpoint-health';
import type { JobRunner } from './job-runner';
import { PeriodicCheck, type SchedulerTimers } from './periodic-check';

/** Job name in job_run. */
export const AUDIT_ANCHOR_JOB = 'audit-anchor';

/** Lease name of the periodic checkpoint. */
export const AUDIT_CHECKPOINT_LEASE = 'audit-checkpoint';

/** Checkpoints the audit chain head through the JobRunner (recorded in job_run). */
export class AuditAnchorJob {
  constructor(private readonly deps: { audit: { anchor(source: string): Promise<AuditHead> }; runner: JobRunner }) {}

  run(): Promise<AuditHead> {
    return this.deps.runner.run(AUDIT_ANCHOR_JOB, () => this.deps.audit.anchor('daily'));
  }
}

/** What the periodic checkpoint needs. */
export interface PeriodicAuditCheckpointDeps {
  audit: { anchorIfMoved(source: string): Promise<AuditHead | undefined> };
  /** Runs work under a named lease of this instance (LeaseGuard). */
  leases: { run<T>(name: string, work: () => Promise<T>, skipped: T): Promise<T> };
  /** Minutes between checkpoints (KOTAE_AUDIT_CHECKPOINT_MINUTES). */
  intervalMinutes: number;
  logger?: Logger;
  timers?: SchedulerTimers;
  /** Told each outcome of a checkpoint this instance tried (the `audit_checkpoint_failed` alert reads it). */
  outcomes?: AuditCheckpointOutcomes;
}

/** Source of the periodic checkpoints (anchor file and audit_checkpoint). */
export const AUDIT_PERIODIC_CHECKPOINT_SOURCE = 'periodic';

/** Checkpoints the head every N minutes when it moved; never rejects. */
export class PeriodicAuditCheckpoint {
  private readonly periodic: PeriodicCheck<AuditHead | undefined>;

  constructor(private readonly deps: PeriodicAuditCheckpointDeps) {
    this.periodic = new PeriodicCheck(() => this.check(), deps.intervalMinutes, deps.timers);
  }

  /** Starts the timer (with a first check right away). */
  start(): void {
    this.periodic.start();
  }

  /** Stops the timer and waits for a checkpoint being written. */
  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** One check now: the head written, or undefined (unchanged, another instance holds the lease, or failed). */
  tick(): Promise<AuditHead | undefined> {
    return this.periodic.tick();
  }

  private async check(): Promise<AuditHead | undefined> {
    const { audit, leases, logger, outcomes } = this.deps;
    const source = AUDIT_PERIODIC_CHECKPOINT_SOURCE;
    try {
      // Reported from inside the lease: an instance that does not hold it tried nothing.
      const work = async () => {
        const head = await audit.anchorIfMoved(source);
        outcomes?.succeeded(source);
        return head;
      };
      return await leases.run(AUDIT_CHECKPOINT_LEASE, work, undefined);
    } catch (err) {
      const error = toKotaeError(err).message;
      logger?.warn('periodic audit checkpoint failed', { error });
      outcomes?.failed(source, error);
      return undefined;
    }
  }
}
