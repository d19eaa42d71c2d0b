export { createDataSource, dialectOf, mapDbError, type DbConfig } from './data-source';
export { openDatabase, schemaStatus, preMigrationCopyPath, type OpenOptions, type SchemaStatus } from './migrate';
export {
  jobRunCounts,
  SqlAlertRepeats,
  SqlAlertStates,
  SqlAuditLog,
  SqlCampaignStore,
  SqlConfidentialRoster,
  SqlConversationStore,
  SqlDeletionCertificates,
  SqlDeskChanges,
  SqlFailedSaves,
  SqlFaqStore,
  SqlFileScans,
  SqlQuarantineList,
  SqlFySwitchStore,
  SqlIndexGenerations,
  SqlJobRunStore,
  SqlLendingStore,
  SqlLicenceStore,
  SqlOperatorStore,
  SqlRateLimits,
  SqlRegisterStore,
  SqlReplyTemplates,
  SqlReportData,
  SqlReportDeliveries,
  SqlReportStore,
  SqlRequesterConversations,
  SqlSavedViews,
  SqlSessionStore,
  SqlSiteStore,
  SqlStagedImports,
  SqlTerminalStore,
  SqlTicketLinks,
  SqlTicketMerger,
  SqlTicketOutbox,
  SqlTicketStore,
  SqlTicketTerminals,
  SqlUnansweredQuestions,
  SqlWorkLogStore,
  SqlWriteKeys,
  SqlRequestKeys,
} from './repositories';
export type * from './schema';
export { SqlAttachmentStore, linkHeldAttachments } from './repositories';
export { FsAttachmentFileStore, attachmentDir } from './files';
export { SchemaVersionGuard } from './schema-guard';
export { openDatabaseWithRetry, type StartRetry } from './open-with-retry';
export { SqlWebSessions, type WebSessionRow } from './repositories';
export { probeDatabase, type DatabaseHealth } from './health-probe';
export { startSqliteCheckpointer, type SqliteCheckpointer } from './sqlite-checkpointer';
export { type AnchorReading, AuditAnchorFile, loadAuditKey, sqliteIdentity } from './audit';
export {
  countRows,
  type InspectedBackup,
  inspectSqliteBackup,
  moveDatabaseAside,
  sqliteAuditHead,
} from './restore-sqlite';
export { dumpPostgres, SqlDatabaseBackup } from './backup';
export { inspectPostgresBackup, postgresState, replacePostgresDatabase } from './restore-postgres';
export { KEY_CREATED_SOURCE } from './audit';
export {
  SqlJobLease,
  SqlKnowledgeUsage,
  SqlNotificationSettings,
  SqlNotificationStore,
  SqlOpenStamps,
  SqlProcessedDeliveries,
  SqlRetentionStore,
  previewRetentionRows,
  type RetentionPreviewRows,
  SqlSharePointDrives,
} from './repositories';
