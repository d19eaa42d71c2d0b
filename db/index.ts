export { createDataSource, openDatabase, mapDbError, type DbConfig } from './data-source';
export { SqlConversationStore } from './repositories/sql-conversation-store';
export { SqlTicketStore } from './repositories/sql-ticket-store';
export type * from './schema/rows';
export { SqlAttachmentStore, linkHeldAttachments } from './repositories/sql-attachment-store';
export { FsAttachmentFileStore, attachmentDir } from './files/fs-attachment-file-store';
