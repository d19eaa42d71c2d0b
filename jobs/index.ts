/**
 * Scheduled jobs: a JobRunner that records every attempt in job_run with bounded retries, the
 * ReportScheduler that generates the monthly, half-year and annual reports when they fall due, and
 * the DailyScheduler that runs the backup and the retention (deletion of expired personal data).
 */
export { JobRunner, defaultBackoffMs, type JobRunnerOptions } from './job-runner';
export { InMemoryJobRunStore, type JobRunStore, type JobRunResult } from './job-run-store';
export { dueReports, firstBusinessDay, lastBusinessDay, type DueReport, type BusinessDays } from './due-reports';
export { ReportScheduler, type ReportSchedulerDeps, type SchedulerTimers } from './report-scheduler';
export { SchedulerDeliveryDesk } from './report-delivery-desk';
export { deliveryRoundDue } from './delivery-retry';
export {
  BackupJob,
  BACKUP_JOB,
  type BackupAudit,
  type BackupJobDeps,
  type BackupOutcome,
  type DatabaseBackup,
} from './backup';
export {
  copyIntoBackup,
  copyOutOfBackup,
  decryptFile,
  encryptFile,
  isEncryptedFile,
  loadBackupKey,
} from './backup-crypto';
export {
  AuditAnchorJob,
  AUDIT_ANCHOR_JOB,
  AUDIT_CHECKPOINT_LEASE,
  AUDIT_PERIODIC_CHECKPOINT_SOURCE,
  PeriodicAuditCheckpoint,
} from './audit-anchor';
export {
  AuditCheckpointHealth,
  type AuditCheckpointFailure,
  type AuditCheckpointOutcomes,
  type AuditCheckpointState,
} from './audit-checkpoint-health';
export {
  AUDIT_WRITE_CHECKPOINT_SOURCE,
  AuditWriteCheckpoint,
  realDelayTimers,
  type DelayTimers,
} from './audit-write-checkpoint';
export {
  backupFileName,
  backupStamp,
  listBackups,
  pruneBackups,
  pruneBackupsOlderThan,
  stampTime,
  type BackupFile,
} from './backup-files';
export { mirrorAttachments, type AttachmentMirrorResult, type MirrorCopy } from './backup-attachments';
export {
  RetentionJob,
  RETENTION_JOB,
  type RetentionJobDeps,
  type RetentionOutcome,
  type RetentionStore,
  type RetentionTrustDeps,
  type RetentionTrustOutcome,
  type ConversationPurge,
  type TicketPurge,
} from './retention';
export { DailyScheduler, type DailyJob, type DailySchedulerDeps } from './daily-scheduler';
export { AttachmentSweep, ATTACHMENT_SWEEP_JOB, type AttachmentSweepDeps } from './attachment-sweep';
export {
  ATTACHMENT_RESCAN_JOB,
  ScheduledRescan,
  type ScheduledRescanDeps,
  type ScheduledRescanOutcome,
} from './attachment-rescan';
export {
  InMemoryJobLease,
  LeaseGuard,
  newInstanceId,
  type JobLease,
  type LeaseGuardDeps,
  type LeaseHeld,
  type LeaseHolding,
  type RenewTimers,
} from './job-lease';
export { LeaseKeeper, type LeaseKeeperDeps } from './lease-keeper';
export { KnowledgeIngestJob, type IngestJobStatus, type KnowledgeIngestJobDeps } from './knowledge-ingest-job';
export { INGEST_JOB, LISTED_MAX, type IngestRunSummary } from './ingest-run-record';
export { generationBase, restoreBackupFiles, type RestoredFiles } from './restore-files';
export {
  DELETION_ITEM_LABELS,
  type DeletionCertificate,
  type DeletionCertificateStore,
  type DeletionItem,
  type DeletionResidue,
  type RetainedCopy,
} from './deletion-certificate';
export { retainedCopies, type CopyInfo, type RetainedCopies, type RetainedCopyPlaces } from './retained-copies';
export { buildResidue, dailySlots, type ResidueSources } from './retention-residue';
