/** Row shapes of the tables in tables.ts, as repositories read and write them. */

export interface ConversationRow {
  id: string;
  channel: string;
  requesterId: string | null;
  requesterName: string | null;
  department: string | null;
  channelKey: string | null;
  channelRef: string | null;
  requesterPhone: string | null;
  accessTokenHash: string | null;
  startedAt: Date;
  lastActivityAt: Date;
}
export interface TranscriptEntryRow {
  id: string;
  conversationId: string;
  seq: number;
  role: string;
  text: string;
  at: Date;
}
export interface QuestionRow {
  id: string;
  conversationId: string;
  askedAt: Date;
  text: string;
  outcome: string;
  confidence: number;
  answer: string;
  sources: string;
  categoryGuess: string | null;
  channel: string;
  requesterId: string | null;
  requesterName: string | null;
  department: string | null;
  latencyMs: number;
  choices?: string | null;
  maskedTypes?: string | null;
  takenBack?: string | null;
}
export interface FeedbackRow {
  id: string;
  conversationId: string;
  questionId: string | null;
  resolved: boolean;
  comment: string | null;
  createdAt: Date;
  dedupeKey: string;
}
export interface TicketRow {
  id: string;
  number: string;
  year: number;
  seq: number;
  conversationId: string | null;
  status: string;
  type: string;
  priority: string;
  category: string;
  title: string;
  details: string;
  requesterId: string | null;
  requesterName: string | null;
  department: string | null;
  channel: string;
  assignee: string | null;
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  incidentCause: string | null;
  incidentActions: string | null;
  incidentPrevention: string | null;
  holds: string;
  version: number;
  dedupeKey: string;
  requesterPhone: string | null;
  requesterRepliedAt: Date | null;
  restorationStartedAt: Date | null;
  incidentReportAt: Date | null;
  confidentiality: string | null;
}
export interface TicketCounterRow {
  year: number;
  lastSeq: number;
}
export interface TicketEventRow {
  id: string;
  ticketId: string;
  at: Date;
  actor: string;
  field: string;
  before: string | null;
  after: string | null;
}
export interface TicketCommentRow {
  id: string;
  ticketId: string;
  kind: string;
  author: string;
  body: string;
  createdAt: Date;
  deliveredAt: Date | null;
  deliveryError: string | null;
  readAt: Date | null;
  claimedBy?: string | null;
  claimedUntil?: Date | null;
  messageKey?: string | null;
  deletedInChannelAt?: Date | null;
}
export interface AttachmentRow {
  id: string;
  ticketId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
  uploadedBy: string;
  conversationId: string | null;
  commentId: string | null;
  kind: string;
  sha256: string | null;
}
export interface OperatorRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: Date | null;
  disabled: boolean;
  createdAt: Date;
}
export interface SessionRow {
  id: string;
  operatorId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  ssoSid?: string | null;
  ssoHint?: string | null;
  ssoRefresh?: string | null;
  ssoCheckAt?: Date | null;
}
export interface WorkLogRow {
  id: string;
  ticketId: string | null;
  startedAt: Date;
  endedAt: Date;
  operatorName: string;
  title: string;
  content: string;
  remarks: string | null;
  createdAt: Date;
  createdBy: string;
}
export interface JobRunRow {
  id: string;
  job: string;
  startedAt: Date;
  finishedAt: Date | null;
  status: string;
  attempt: number;
  error: string | null;
  detail: string | null;
}
export interface ReportRow {
  id: string;
  kind: string;
  period: string;
  status: string;
  generatedAt: Date;
  issuesText: string | null;
  files: string;
  summary: string;
  version: number;
}
export interface AuditLogRow {
  id: string;
  seq: number;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
  prevHash: string;
  hash: string;
  alg: string | null;
}
/** A checkpoint recorded beside its anchor line (table audit_checkpoint). */
export interface AuditCheckpointRow {
  lineMac: string;
  db: string;
  type: string;
  source: string;
  seq: number;
  hash: string;
  at: Date;
  /** The anchor file the line was appended to (its real path): a reader asks only for lines of files it reads. */
  file: string;
}
export interface DeletionCertificateRow {
  id: string;
  createdAt: Date;
  performedBy: string;
  medium: string;
  method: string;
  items: string;
  settings: string;
  total: number;
  residue: string | null;
}
export interface FaqEntryRow {
  id: string;
  category: string;
  question: string;
  alternateQuestions: string;
  answer: string;
  sourceUrl: string | null;
  status: string;
  ticketId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  version: number;
  origin: string | null;
  sourceKey: string | null;
  replacesId: string | null;
  hiddenAt: Date | null;
  deleteRequestedAt: Date | null;
}

/** Notifications (issue 14). */
export interface NotificationRow {
  id: string;
  event: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  link: string | null;
  dedupeKey: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}
export interface NotificationSettingRow {
  username: string;
  email: string | null;
  choices: string;
  updatedAt: Date;
}
export interface SavedViewRow {
  id: string;
  username: string;
  name: string;
  query: string;
  createdAt: Date;
}
export interface ReplyTemplateRow {
  id: string;
  name: string;
  body: string;
  updatedAt: Date;
}
export interface FailedSaveRow {
  id: string;
  sessionId: string;
  ticketId: string;
  form: string;
  fields: string;
  error: string;
  status: number;
  expiresAt: Date;
}
/** A one-time key of a console write (table write_key). */
export interface WriteKeyRow {
  writeKey: string;
  scope: string;
  actor: string;
  ticketId: string;
  commentId: string;
  fingerprint: string;
  createdAt: Date;
}
/** A claimed key of a keyed POST (table request_key). */
export interface RequestKeyRow {
  requestKey: string;
  scope: string;
  fingerprint: string;
  response: string | null;
  claimedAt: Date;
}
export interface ConfidentialRosterRow {
  id: string;
  username: string;
  validFrom: Date;
  validTo: Date;
  approver: string;
  note: string | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}
export interface FySwitchBatchRow {
  id: string;
  fiscalYear: number;
  fileName: string;
  rowCount: number;
  createdAt: Date;
  createdBy: string;
}
export interface FySwitchTaskRow {
  id: string;
  batchId: string;
  ticketId: string;
  action: string;
  system: string;
  department: string;
  staff: string;
}
