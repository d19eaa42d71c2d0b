/**
 * Every table of Kotae, in creation order; the tables themselves live by domain in the *-tables.ts files
 * beside this one. Change a table only together with a new migration in db/migrations.
 */
import type { TableSpec } from './table-spec';
import { OPERATIONS_TABLES } from './operations-tables';
import {
  conversation,
  feedback,
  processedActivity,
  question,
  questionGapClosed,
  transcriptEntry,
} from './conversation-tables';
import {
  attachment,
  confidentialRoster,
  failedSave,
  faqEntry,
  fySwitchBatch,
  fySwitchTask,
  replyTemplate,
  savedView,
  ticket,
  ticketComment,
  ticketCounter,
  ticketEvent,
  workLog,
  writeKey,
  requestKey,
} from './ticket-tables';
import {
  auditCheckpoint,
  auditLog,
  deletionCertificate,
  operator,
  rateLimit,
  session,
  webSession,
} from './access-tables';
import {
  alertRepeat,
  alertState,
  indexGeneration,
  jobLease,
  jobRun,
  notification,
  notificationSetting,
  report,
  reportDelivery,
  sharepointDrive,
} from './job-tables';
import { lendingBooking, lendingItem, licenceGrant, licencePool, registerEntry } from './register-tables';
import { fileScan } from './scan-tables';

/** All tables, in creation order. */
export const ALL_TABLES: readonly TableSpec[] = [
  conversation,
  transcriptEntry,
  question,
  feedback,
  ticket,
  ticketCounter,
  ticketEvent,
  ticketComment,
  attachment,
  operator,
  session,
  workLog,
  jobRun,
  report,
  auditLog,
  faqEntry,
  jobLease,
  processedActivity,
  indexGeneration,
  deletionCertificate,
  webSession,
  rateLimit,
  notification,
  notificationSetting,
  sharepointDrive,
  questionGapClosed,
  savedView,
  replyTemplate,
  alertState,
  failedSave,
  writeKey,
  requestKey,
  ...OPERATIONS_TABLES,
  registerEntry,
  lendingItem,
  lendingBooking,
  licencePool,
  licenceGrant,
  confidentialRoster,
  fySwitchBatch,
  fySwitchTask,
  auditCheckpoint,
  reportDelivery,
  fileScan,
  alertRepeat,
];
