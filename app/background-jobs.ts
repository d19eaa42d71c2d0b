/**
 * Periodic work of a running instance: scheduled reports, the daily backup, retention and audit
 * anchor, the periodic audit checkpoint (under job leases, so one instance runs each), retrying
 * undelivered replies, the scheduled rescan of stored files and the end of a quarantine's keeping.
 */
import type { DataSource } from 'typeorm';
import type { BusinessCalendar } from '../calendar';
import type { Clock, Logger } from '../core';
import {
  SqlDatabaseBackup,
  SqlJobRunStore,
  SqlRequestKeys,
  SqlRetentionStore,
  SqlWriteKeys,
  type SqlAuditLog,
  type SqlProcessedDeliveries,
} from '../db';
import {
  AttachmentSweep,
  AUDIT_ANCHOR_JOB,
  AuditAnchorJob,
  BACKUP_JOB,
  BackupJob,
  DailyScheduler,
  PeriodicAuditCheckpoint,
  RETENTION_JOB,
  RetentionJob,
  type AuditCheckpointOutcomes,
  type LeaseGuard,
} from '../jobs';
import type { TicketStore } from '../tickets';
import type { KotaeConfig } from './config';
import { backupKeyOf } from './wire-audit';
import type { wireConsole } from './wire-console';
import type { wireReports } from './wire-reports';
import { retentionTrust } from './wire-retention';
import { wireRescanJobs } from './wire-rescan-jobs';

/** What the background jobs read and write. */
export interface BackgroundJobParts {
  config: Readonly<KotaeConfig>;
  operators: Awaited<ReturnType<typeof wireConsole>>;
  reports: ReturnType<typeof wireReports>;
  logger: Logger;
  ds: DataSource;
  clock: Clock;
  leases: LeaseGuard;
  processed: SqlProcessedDeliveries;
  audit: SqlAuditLog;
  tickets: TicketStore;
  calendar: BusinessCalendar;
  /** Told each periodic checkpoint's outcome (the `audit_checkpoint_failed` alert). */
  checkpointOutcomes?: AuditCheckpointOutcomes;
  /** Masks personal data in the file names the scheduled rescan audits and alerts. */
  masker: { mask(text: string): { text: string } };
}

/** Starts the periodic work (nothing when the scheduler is off); `stop` ends it. */
export function startBackgroundJobs(parts: BackgroundJobParts): { stop(): Promise<void> } {
  const { config, operators, reports, logger, ds, clock, leases, processed, audit, tickets, calendar } = parts;
  if (!config.scheduler) return { stop: async () => {} };
  reports.scheduler.start();
  const rescan = wireRescanJobs(parts);
  const backup = new BackupJob({
    database: new SqlDatabaseBackup(ds),
    runner: reports.runner,
    clock,
    dir: config.backup.dir,
    generations: config.backup.generations,
    dataDir: config.dataDir,
    logger,
    encryptionKey: backupKeyOf(config),
    audit,
  });
  const retentionStore = new SqlRetentionStore(ds);
  const retention = new RetentionJob({
    store: retentionStore,
    trust: retentionTrust(config, {
      ds,
      store: retentionStore,
      audit,
      tickets: operators.ticketService,
      ticketStore: tickets,
      calendar,
      logger,
      instance: leases.holder,
    }),
    runner: reports.runner,
    clock,
    retentionDays: config.retentionDays,
    logger,
    attachmentFiles: operators.attachments,
    processedDeliveries: processed,
    writeKeys: new SqlWriteKeys(ds),
    requestKeys: new SqlRequestKeys(ds),
    fileScans: rescan.fileScans,
    quarantinedFiles: rescan.quarantine,
  });
  const daily = new DailyScheduler({
    clock,
    runs: new SqlJobRunStore(ds),
    time: config.backup.time,
    logger,
    leases,
    jobs: [
      { name: BACKUP_JOB, run: (now) => backup.run(now) },
      { name: RETENTION_JOB, run: (now) => retention.run(now) },
      { name: AUDIT_ANCHOR_JOB, run: () => new AuditAnchorJob({ audit, runner: reports.runner }).run() },
    ],
  });
  daily.start();
  // The newest audit rows are covered by a checkpoint within this interval (README 「監査ログ」).
  const checkpoints = new PeriodicAuditCheckpoint({
    audit,
    leases,
    intervalMinutes: config.integrity.auditCheckpointMinutes,
    logger,
    outcomes: parts.checkpointOutcomes,
  });
  checkpoints.start();
  // Each instance's own attachment folder: the files retention's rows left there (README 「保存期間と消去証明」).
  const sweep =
    config.attachmentStorage === 'instance'
      ? new AttachmentSweep({
          clock,
          files: operators.attachments,
          runner: reports.runner,
          instance: leases.holder,
          time: config.backup.time,
          logger,
          quarantinedFiles: rescan.quarantine,
        })
      : undefined;
  sweep?.start();
  // Stored files scanned again when clamd's signatures changed (README 「保存済みファイルの再検査」).
  rescan.scheduled?.start();
  const every = setInterval(() => {
    leases
      .run('reply-retry', () => operators.ticketService.retryUndelivered(), undefined)
      .catch((err: unknown) => logger.warn('reply retry failed', { error: String(err) }));
  }, 5 * 60_000);
  every.unref();
  return {
    async stop() {
      clearInterval(every);
      await reports.scheduler.stop();
      await daily.stop();
      await checkpoints.stop();
      await sweep?.stop();
      await rescan.scheduled?.stop();
    },
  };
}
