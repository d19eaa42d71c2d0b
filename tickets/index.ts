/**
 * The helpdesk desk domain: tickets (lifecycle, incident rule, replies, SLA), the work log, FAQ
 * curation, the operators who work them and the audit trail. No express, no typeorm.
 */
export { DEFAULT_CATEGORIES } from './categories';
export { TICKET_TRANSITIONS, canTransition, assertTransition, statusPatch } from './lifecycle';
export { INCIDENT_FIELDS, missingIncidentFields, assertIncidentComplete } from './incident-rule';
export { TICKET_MESSAGES } from './messages';
export { TICKET_STATUS_LABELS, TICKET_TYPE_LABELS, TICKET_PRIORITY_LABELS } from './labels';
export { RequesterDesk, type RequesterDeskDeps, type DeskCalendar } from './requester-desk';
export {
  TicketMessageChanges,
  type MessageChange,
  type RequesterMessageChanges,
  type TicketMessageChangesDeps,
} from './requester-message-changes';
export {
  routeRequesterMessage,
  withinReopenWindow,
  isRequesterOf,
  type ReplyRoute,
  type ReopenCalendar,
} from './reply-routing';
export { ReplyDelivery, type ReplyDeliveryDeps, type RetryResult } from './reply-delivery';
export {
  ticketSla,
  ticketClocks,
  clocksOf,
  overallSlaState,
  slaRisk,
  ticketSlaRisk,
  SLA_AT_RISK_MINUTES,
} from './sla-view';
export {
  createSlaTargets,
  DEFAULT_INCIDENT_REPORT_BUSINESS_DAYS,
  DEFAULT_RESTORATION_START_MINUTES,
  type SlaTargetOverrides,
  type SlaTargets,
} from './sla-targets';
export { computeTicketClocks, type TicketClockInput } from './ticket-clocks';
export {
  QUEUE_IN_MEMORY_LIMIT,
  QUEUE_SORT_KEYS,
  compareTies,
  sortQueue,
  type QueueSort,
  type QueueSortKey,
} from './queue-sort';
export {
  parseSearch,
  searchExcerpt,
  MAX_SEARCH_LENGTH,
  MAX_SEARCH_TERMS,
  SEARCH_MESSAGES,
  type SearchExcerpt,
} from './search';
export {
  TicketService,
  MAX_COMMENT_LENGTH,
  type TicketServiceDeps,
  type TicketChanges,
  type QueueFilter,
  type QueuePage,
  type TicketDetail,
} from './ticket-service';
export {
  AttachmentService,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  type AttachmentServiceDeps,
  type StagedAttachment,
  type RequesterUpload,
  type RequesterUploadResult,
} from './attachment-service';
export { ATTACHMENT_MESSAGES, formatBytes } from './attachment-messages';
export {
  UploadScan,
  type InfectedUpload,
  type UploadOrigin,
  type UploadScanDeps,
  type ScannedFile,
} from './attachment-scan';
export type { FileScanner, ScanVerdict, ScannerStatus } from './file-scanner';
export type {
  ClaimOutcome,
  FileScanStore,
  Quarantine,
  QuarantinedContent,
  ScanClaim,
  StoredFileKind,
  StoredFileRef,
} from './file-scan-store';
export {
  StoredFileRescan,
  type QuarantinedFile,
  type RescanAlert,
  type RescanFailure,
  type RescanItem,
  type RescanOptions,
  type RescanSource,
  type RescanSummary,
  type StoredFileRescanDeps,
} from './stored-file-rescan';
export { attachmentRescanSource, type AttachmentRescanDeps } from './attachment-rescan-source';
export { QuarantinedAttachments } from './quarantined-attachments';
export { QuarantineRemoval, quarantineEndsAt, type QuarantineRemovalDeps } from './quarantine-removal';
export {
  QuarantineRelease,
  RELEASE_REASON_MAX_CHARS,
  type QuarantineReleaseDeps,
  type ReleasedManual,
  type ReleasedQuarantine,
  type ReleaseRequest,
} from './quarantine-release';
export { manualCopyPlace } from './quarantined-manuals';
export type {
  ManualCopyHere,
  ManualCopyPlace,
  ManualReleaseRequest,
  QuarantinedManualCopy,
  QuarantinedManualFiles,
  RecordedManualQuarantine,
} from './quarantined-manuals';
export type { ListedQuarantine, QuarantineList, QuarantineListPage } from './quarantine-list';
export { SCAN_MESSAGES } from './scan-messages';
export { checkClaim, imageExtensionOf, isInlineImage, safeFileName, type AttachmentClaim } from './attachment-policy';
export { FileLinkSigner } from './file-links';
export { WorkLogService, validateWorkLog } from './work-log';
export {
  FaqService,
  proposeFaqFromTicket,
  validateFaq,
  type FaqActor,
  type FaqChange,
  type FaqListItem,
  type FaqServiceDeps,
  type FaqVisibility,
} from './faq-service';
export { depersonalize } from './faq-depersonalize';
export { OPERATOR_ROLES, hasRole, isOperatorRole, worksTickets } from './operators';
export type { OperatorRole, OperatorRecord, OperatorStore, SessionRecord, SessionStore } from './operators';
export type { AuditBreak, AuditEntry, AuditHead, AuditRecord, AuditTrail, AuditVerification } from './audit';
export * from './records';
export {
  TICKET_ORDER_COLUMNS,
  WITHDRAWN_FIELD,
  WITHDRAWN_AS_BOT_QUESTION,
  WITHDRAWN_AS_TEAMS_DELETED,
  KEPT_AFTER_TEAMS_DELETE,
  RESTORED_AFTER_TEAMS_UNDELETE,
  KEPT_AFTER_TEAMS_UNDELETE,
  type WithdrawalReason,
  type BotQuestionWithdrawal,
  type TicketQuery,
  type TicketOrder,
  type TicketOrderColumn,
  type TicketPatch,
  type TicketCommentKind,
  type TicketComment,
  type TicketEvent,
  type TicketStore,
  type RequesterIntent,
  type TicketDesk,
} from './ports';
export type {
  AttachmentStore,
  AttachmentFileStore,
  StagedContent,
  StoredFileInfo,
  TicketOutbox,
  OutboxFilter,
  WorkLogStore,
  FaqStore,
  IndexedFaqSource,
  UnansweredQuestions,
  DeskChanges,
  SavedView,
  SavedViews,
  TicketMerger,
  TicketLinks,
  RequesterConversations,
  FailedSave,
  FailedSaves,
} from './ports';
export { MERGE_MESSAGES, assertMergeable } from './merge';
export type * from './types';
export {
  fillTemplate,
  validateTemplate,
  TEMPLATE_MESSAGES,
  type ReplyTemplate,
  type ReplyTemplates,
} from './reply-templates';
export {
  ConfidentialRoster,
  inForce,
  lastDayOf,
  type ConfidentialRosterStore,
  type NewRosterEntry,
  type RosterEntry,
  type TicketViewer,
} from './confidential-roster';
export {
  ACCOUNT_ACTIONS,
  TRANSFER_COLUMNS,
  MAX_TRANSFER_BYTES,
  decodeTransferCsv,
  parseTransferCsv,
  type AccountAction,
  type TransferRow,
  type TransferRowError,
} from './fy-switch-csv';
export {
  ACCOUNT_ACTION_LABELS,
  FySwitchService,
  planAccountTasks,
  upcomingFiscalYear,
  type AccountTask,
  type ChecklistItem,
  type FyBatch,
  type FySwitchStore,
  type FyTask,
  type TaskStaff,
} from './fy-switch';
export {
  parseWriteKey,
  fingerprintOf,
  oncePerKey,
  earlierWrite,
  MAX_WRITE_KEY_LENGTH,
  WRITE_KEY_MESSAGES,
  type WriteKeyRecord,
  type WriteKeyStore,
  type KeyedWrite,
} from './write-keys';
