/**
 * Wiring of the operational alerts (issue 11 point 9): the conditions the configuration turns on,
 * checked every minute. The conditions read shared state (job_run, the backup folder, the reply
 * outbox) and run under the `alerts` job lease, on one instance at a time; the LoGoチャット condition
 * is checked by every instance, but only the one holding the connection has an opinion. Incidents are
 * kept in alert_state, so a notice is sent once whichever instance sees it.
 */
import type { DataSource } from 'typeorm';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { SqlAlertStates } from '../db';
import { SqlJobRunStore } from '../db';
import { SqlTicketOutbox } from '../db';
import { BACKUP_JOB, listBackups, stampTime, type LeaseGuard } from '../jobs';
import {
  AlertWatch,
  auditCheckpointCondition,
  backupMissingCondition,
  logoDownCondition,
  teamsDownCondition,
  type AlertCondition,
  type BackupEvidence,
  type ConnectionHealth,
  type FailingCheckpoint,
  type PublishAlert,
} from '../notify';
import type { KotaeConfig } from './config';

/** The job lease under which the shared conditions are checked. */
export const ALERTS_LEASE = 'alerts';

/** What the alert wiring needs. */
export interface AlertWiringDeps {
  config: Readonly<KotaeConfig>;
  ds: DataSource;
  clock: Clock;
  logger: Logger;
  publish: PublishAlert;
  leases: LeaseGuard;
  /** The LoGoチャット connection's health on this instance. */
  logo: () => ConnectionHealth;
  /** This server's audit checkpoint outcomes (jobs/audit-checkpoint-health.ts): `audit_checkpoint_failed`. */
  auditCheckpoints?: () => { failing: FailingCheckpoint[]; everFailed: boolean };
  /** This instance's id, named in the audit checkpoint notice. */
  instance?: string;
  /** Between checks (default 60 s). */
  intervalMs?: number;
}

/** The newest counting backup run and the newest generation in the folder. */
async function backupEvidence(runs: SqlJobRunStore, dir: string): Promise<BackupEvidence> {
  const recent = await runs.recent(BACKUP_JOB, 20);
  const last = recent.find((r) => r.status === 'succeeded' || r.status === 'skipped');
  const newest = listBackups(dir)[0];
  return {
    lastRun: last && { status: last.status as 'succeeded' | 'skipped', at: last.startedAt },
    newestFile: newest ? stampTime(newest.stamp) : undefined,
  };
}

/** Builds the watches; `start` checks every interval, `stop` ends it and waits for a running check. */
export function wireAlerts(d: AlertWiringDeps) {
  const { config } = d;
  const a = config.notify.alerts;
  const states = new SqlAlertStates(d.ds);
  const shared: AlertCondition[] = [];
  if (a.backupGraceMinutes !== undefined && config.scheduler) {
    const runs = new SqlJobRunStore(d.ds);
    shared.push(
      backupMissingCondition({
        time: config.backup.time,
        graceMinutes: a.backupGraceMinutes,
        watchingSince: d.clock.now(),
        evidence: () => backupEvidence(runs, config.backup.dir),
        dir: config.backup.dir,
      }),
    );
  }
  if (a.teamsUndelivered) {
    const outbox = new SqlTicketOutbox(d.ds);
    shared.push(
      teamsDownCondition({
        threshold: a.teamsUndelivered.count,
        minutes: a.teamsUndelivered.minutes,
        stuck: async (olderThan) => {
          const replies = (await outbox.undelivered(500, olderThan, { channel: 'teams' })).filter(
            (c) => c.createdAt.getTime() < olderThan.getTime(),
          );
          return { count: replies.length, oldest: replies[0]?.createdAt };
        },
      }),
    );
  }
  const local: AlertCondition[] = [];
  if (a.logoDownMinutes !== undefined && config.logo.mode === 'direct')
    local.push(logoDownCondition({ health: d.logo, minutes: a.logoDownMinutes }));
  // Each server writes its own checkpoints: checked on every instance, like the LoGo connection.
  if (d.auditCheckpoints) local.push(auditCheckpointCondition({ state: d.auditCheckpoints, instance: d.instance }));
  const watch = (conditions: AlertCondition[]) =>
    new AlertWatch({ conditions, states, publish: d.publish, clock: d.clock, logger: d.logger });
  const sharedWatch = watch(shared);
  const localWatch = watch(local);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const check = async () => {
    const results = { ...(await d.leases.run(ALERTS_LEASE, () => sharedWatch.check(), {})) };
    return { ...results, ...(await localWatch.check()) };
  };
  const tick = () => {
    running ??= check()
      .catch((err: unknown) => d.logger.warn('alert check failed', { error: String(err) }))
      .finally(() => (running = undefined));
    return running;
  };
  return {
    /** One check of every condition now (tests; the timer calls the same). */
    check,
    start(): void {
      if (shared.length + local.length === 0 || timer) return;
      timer = setInterval(() => void tick(), d.intervalMs ?? 60_000);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
