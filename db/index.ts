export { createDataSource, dialectOf, mapDbError, type DbConfig } from './data-source';
export { openDatabase, schemaStatus, preMigrationCopyPath, type OpenOptions, type SchemaStatus } from './migrate';
export {
  jobRunCounts,
  SqlAuditLog,
  SqlConversationStore,
  SqlDeletionCertificates,
  SqlDeskChanges,
  SqlFaqStore,
  SqlIndexGenerations,
  SqlJobLease,
  SqlJobRunStore,
  SqlKnowledgeUsage,
  SqlNotificationSettings,
  SqlNotificationStore,
  SqlOperatorStore,
  SqlProcessedDeliveries,
  SqlRateLimits,
  SqlReplyTemplates,
  SqlReportData,
  SqlReportStore,
  SqlRetentionStore,
  SqlSavedViews,
  SqlSessionStore,
  SqlSharePointDrives,
  SqlTicketLinks,
  SqlTicketMerger,
  SqlTicketOutbox,
  SqlTicketStore,
  SqlUnansweredQuestions,
  SqlWorkLogStore,
} from './repositories';
export type * from './schema';
export { SqlAttachmentStore, linkHeldAttachments } from './repositories';
export { FsAttachmentFileStore, attachmentDir } from './files';
export { SchemaVersionGuard } from './schema-guard';
export { openDatabaseWithRetry, type StartRetry } from './open-with-retry';
export { SqlWebSessions, type WebSessionRow } from './repositories';
export { probeDatabase, type DatabaseHealth } from './health-probe';
export { AuditAnchorFile, KEY_CREATED_SOURCE, loadAuditKey } from './audit';
export { SqlDatabaseBackup } from './backup';
export { countRows, inspectSqliteBackup, moveDatabaseAside, sqliteAuditHead } from './restore-sqlite';
