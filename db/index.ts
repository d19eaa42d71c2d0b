export { createDataSource, dialectOf, mapDbError, type DbConfig } from './data-source';
export { openDatabase, schemaStatus, preMigrationCopyPath, type OpenOptions, type SchemaStatus } from './migrate';
export { SqlConversationStore } from './repositories/sql-conversation-store';
export { SqlTicketStore } from './repositories/sql-ticket-store';
export type * from './schema/rows';
export { SqlAttachmentStore, linkHeldAttachments } from './repositories/sql-attachment-store';
export { FsAttachmentFileStore, attachmentDir } from './files/fs-attachment-file-store';
export { SchemaVersionGuard } from './schema-guard';
export { openDatabaseWithRetry, type StartRetry } from './open-with-retry';
