/**
 * Every table of Kotae. Change a table only together with a new migration in db/migrations.
 */
import type { TableSpec } from './table-spec';
import { OPERATIONS_TABLES } from './operations-tables';

const id = { kind: 'id', primary: true } as const;
const ref = { kind: 'id' } as const;
const optRef = { kind: 'id', nullable: true } as const;
const date = { kind: 'date' } as const;
const optDate = { kind: 'date', nullable: true } as const;
const long = { kind: 'long' } as const;
const optLong = { kind: 'long', nullable: true } as const;
const short = (length: number, nullable = false) => ({ kind: 'short', length, nullable }) as const;
const int = { kind: 'int' } as const;

/** Conversations between a staff member and the bot. */
export const conversation: TableSpec = {
  name: 'conversation',
  columns: {
    id,
    channel: short(20),
    requesterId: short(200, true),
    requesterName: short(200, true),
    department: short(200, true),
    channelKey: short(400, true),
    channelRef: optLong,
    startedAt: date,
    lastActivityAt: date,
    requesterPhone: short(100, true),
    accessTokenHash: short(64, true),
  },
  indices: [{ columns: ['channelKey'] }, { columns: ['requesterId'] }],
};

/** Transcript lines of a conversation. */
export const transcriptEntry: TableSpec = {
  name: 'transcript_entry',
  columns: { id, conversationId: ref, seq: int, role: short(16), text: long, at: date },
  indices: [{ columns: ['conversationId', 'seq'] }],
};

/** The question log: every question and what the bot did. */
export const question: TableSpec = {
  name: 'question',
  columns: {
    id,
    conversationId: ref,
    askedAt: date,
    text: long,
    outcome: short(16),
    confidence: { kind: 'float' },
    answer: long,
    sources: long,
    categoryGuess: short(100, true),
    channel: short(20),
    requesterId: short(200, true),
    requesterName: short(200, true),
    department: short(200, true),
    latencyMs: int,
  },
  indices: [{ columns: ['askedAt'] }, { columns: ['conversationId'] }],
};

/** Feedback on answers; dedupeKey is the channel activity id (or the row id), unique. */
export const feedback: TableSpec = {
  name: 'feedback',
  columns: {
    id,
    conversationId: ref,
    questionId: optRef,
    resolved: { kind: 'bool' },
    comment: optLong,
    createdAt: date,
    dedupeKey: short(200),
  },
  indices: [{ columns: ['dedupeKey'], unique: true }, { columns: ['createdAt'] }],
};

/** Helpdesk tickets; version is the optimistic lock. */
export const ticket: TableSpec = {
  name: 'ticket',
  columns: {
    id,
    number: short(32),
    year: int,
    seq: int,
    conversationId: optRef,
    status: short(16),
    type: short(16),
    priority: short(16),
    category: short(100),
    title: short(400),
    details: long,
    requesterId: short(200, true),
    requesterName: short(200, true),
    department: short(200, true),
    channel: short(20),
    assignee: short(100, true),
    createdAt: date,
    updatedAt: date,
    firstResponseAt: optDate,
    resolvedAt: optDate,
    closedAt: optDate,
    incidentCause: optLong,
    incidentActions: optLong,
    incidentPrevention: optLong,
    holds: long,
    version: int,
    dedupeKey: short(200),
    requesterPhone: short(100, true),
    requesterRepliedAt: optDate,
    // Issue 16 (migration 1765040000000): 復旧作業開始, the incident report complete, 機密性3 ('3').
    restorationStartedAt: optDate,
    incidentReportAt: optDate,
    confidentiality: short(8, true),
  },
  indices: [
    { columns: ['number'], unique: true },
    { columns: ['dedupeKey'], unique: true },
    { columns: ['status'] },
    { columns: ['createdAt'] },
    { columns: ['assignee'] },
    { columns: ['conversationId'] },
    // Search on PostgreSQL (ILIKE '%…%' on each column, one index each); migration 1765010000002.
    ...['number', 'title', 'details', 'requesterName', 'requesterId', 'department'].map((c) => ({
      columns: [c],
      trigram: true,
    })),
  ],
};

/** Per-year ticket number counters. */
export const ticketCounter: TableSpec = {
  name: 'ticket_counter',
  columns: { year: { kind: 'int', primary: true }, lastSeq: int },
};

/** Change history of tickets. */
export const ticketEvent: TableSpec = {
  name: 'ticket_event',
  columns: { id, ticketId: ref, at: date, actor: short(100), field: short(64), before: optLong, after: optLong },
  indices: [{ columns: ['ticketId'] }],
};

/** Replies to the requester and internal notes. */
export const ticketComment: TableSpec = {
  name: 'ticket_comment',
  columns: {
    id,
    ticketId: ref,
    kind: short(16),
    author: short(100),
    body: long,
    createdAt: date,
    deliveredAt: optDate,
    deliveryError: optLong,
    readAt: optDate,
    // Delivery claims across instances (migration 1764800000000).
    claimedBy: short(200, true),
    claimedUntil: optDate,
  },
  indices: [{ columns: ['ticketId'] }, { columns: ['body'], trigram: true }],
};

/**
 * Attachments: on a ticket, or held on a conversation (ticketId null) until it is escalated. The
 * content is a file under `<dataDir>/attachments` named by sha256 (null for metadata-only rows).
 */
export const attachment: TableSpec = {
  name: 'attachment',
  columns: {
    id,
    ticketId: optRef,
    fileName: short(400),
    contentType: short(200),
    sizeBytes: int,
    createdAt: date,
    uploadedBy: short(100),
    conversationId: optRef,
    commentId: optRef,
    kind: short(16),
    sha256: short(64, true),
  },
  indices: [{ columns: ['ticketId'] }, { columns: ['conversationId'] }, { columns: ['sha256'] }],
};

/** Operator accounts of the console. */
export const operator: TableSpec = {
  name: 'operator',
  columns: {
    id,
    username: short(100),
    displayName: short(200),
    role: short(16),
    passwordHash: short(400),
    failedAttempts: int,
    lockedUntil: optDate,
    disabled: { kind: 'bool' },
    createdAt: date,
  },
  indices: [{ columns: ['username'], unique: true }],
};

/** Console sessions; id is the SHA-256 of the session token. */
export const session: TableSpec = {
  name: 'session',
  columns: {
    id: { kind: 'short', length: 128, primary: true },
    operatorId: ref,
    csrfToken: short(128),
    createdAt: date,
    expiresAt: date,
    lastSeenAt: date,
  },
  indices: [{ columns: ['operatorId'] }],
};

/** Work log (作業実績): attached to a ticket or standalone planned work. */
export const workLog: TableSpec = {
  name: 'work_log',
  columns: {
    id,
    ticketId: optRef,
    startedAt: date,
    endedAt: date,
    operatorName: short(200),
    title: short(400),
    content: long,
    remarks: optLong,
    createdAt: date,
    createdBy: short(100),
  },
  indices: [{ columns: ['startedAt'] }, { columns: ['ticketId'] }],
};

/** Runs of scheduled jobs (ingest, backup, retention, reports). */
export const jobRun: TableSpec = {
  name: 'job_run',
  columns: {
    id,
    job: short(64),
    startedAt: date,
    finishedAt: optDate,
    status: short(16),
    attempt: int,
    error: optLong,
    detail: optLong,
  },
  indices: [{ columns: ['job', 'startedAt'] }],
};

/** Generated reports and their editable 課題・対策 text. */
export const report: TableSpec = {
  name: 'report',
  columns: {
    id,
    kind: short(16),
    period: short(16),
    status: short(16),
    generatedAt: date,
    issuesText: optLong,
    files: long,
    summary: long,
    version: int,
  },
  indices: [{ columns: ['kind', 'period'], unique: true }],
};

/** Tamper-evident audit log: each row's hash covers the previous row's hash. */
export const auditLog: TableSpec = {
  name: 'audit_log',
  columns: {
    id,
    seq: int,
    at: date,
    actor: short(100),
    action: short(100),
    target: short(200, true),
    detail: optLong,
    prevHash: short(64),
    hash: short(64),
    // Issue 11 (audit): 'hmac-sha256' for keyed rows; null for rows chained with plain SHA-256 before.
    alg: short(16, true),
  },
  indices: [{ columns: ['seq'], unique: true }],
};

/** FAQs managed in the console (promoted from tickets or edited); indexed with the KB folder. */
export const faqEntry: TableSpec = {
  name: 'faq_entry',
  columns: {
    id: { kind: 'short', length: 32, primary: true },
    category: short(100),
    question: long,
    alternateQuestions: long,
    answer: long,
    sourceUrl: short(400, true),
    status: short(16),
    ticketId: optRef,
    createdBy: short(100),
    createdAt: date,
    updatedAt: date,
    approvedBy: short(100, true),
    approvedAt: optDate,
    version: int,
    origin: short(16, true),
    sourceKey: short(200, true),
    replacesId: short(32, true),
  },
  indices: [{ columns: ['status'] }, { columns: ['sourceKey'] }],
};

/** Operational alerts (issue 11): the open incident of each condition, shared by the instances. */
export const alertState: TableSpec = {
  name: 'alert_state',
  columns: {
    name: { kind: 'short', length: 64, primary: true },
    since: optDate,
    detail: optLong,
    notifiedAt: optDate,
    updatedAt: date,
  },
};

/** Which instance runs a scheduled job until when (several instances on one database). */
export const jobLease: TableSpec = {
  name: 'job_lease',
  columns: { name: { kind: 'short', length: 64, primary: true }, holder: short(200), expiresAt: date },
};

/** Teams activity ids already handled by some instance (redelivery dedupe across instances). */
export const processedActivity: TableSpec = {
  name: 'processed_activity',
  columns: {
    activityId: { kind: 'short', length: 200, primary: true },
    createdAt: date,
    // The response of a handled invoke, answered again to a redelivery (migration 1764800000000).
    result: optLong,
  },
  indices: [{ columns: ['createdAt'] }],
};

/** How many times a shared resource (the knowledge index) was rebuilt; instances poll it. */
export const indexGeneration: TableSpec = {
  name: 'index_generation',
  columns: { name: { kind: 'short', length: 64, primary: true }, generation: int, updatedAt: date },
};

// --- Issue 11 (audit, retention): deletion certificates -------------------------------------
/** One certificate per retention run (消去証明): what was deleted, from where, how, by whom and when. */
export const deletionCertificate: TableSpec = {
  name: 'deletion_certificate',
  columns: {
    id,
    createdAt: date,
    performedBy: short(100),
    medium: short(200),
    method: long,
    /** JSON: [{ item, table, count }] */
    items: long,
    /** JSON: cutoffs and settings of the run. */
    settings: long,
    total: int,
  },
  indices: [{ columns: ['createdAt'] }],
};
// --- end issue 11 (audit, retention) ------------------------------------------------------------
/** Web chat sign-ins through Entra ID: `id` is the SHA-256 of the cookie token; the directory identity. */
export const webSession: TableSpec = {
  name: 'web_session',
  columns: {
    id: { kind: 'short', length: 64, primary: true },
    subject: short(200),
    name: short(200, true),
    department: short(200, true),
    email: short(320, true),
    createdAt: date,
    expiresAt: date,
  },
  indices: [{ columns: ['expiresAt'] }],
};

/** Fixed-window request counters shared by every instance (`key` names the limit, the caller and the window). */
export const rateLimit: TableSpec = {
  name: 'rate_limit',
  columns: { key: { kind: 'short', length: 200, primary: true }, hits: int, expiresAt: date },
  indices: [{ columns: ['expiresAt'] }],
};

/** Notifications to operators (issue 14): an outbox retried until sent or failed for good. */
export const notification: TableSpec = {
  name: 'notification',
  columns: {
    id,
    event: short(32),
    channel: short(16),
    recipient: short(400),
    subject: short(400),
    body: long,
    link: short(400, true),
    dedupeKey: short(200),
    status: short(16),
    attempts: int,
    nextAttemptAt: date,
    lastError: optLong,
    createdAt: date,
    sentAt: optDate,
  },
  indices: [{ columns: ['dedupeKey'], unique: true }, { columns: ['status', 'nextAttemptAt'] }],
};

/** Each operator's notification choices (e-mail address, events per channel). */
export const notificationSetting: TableSpec = {
  name: 'notification_setting',
  columns: {
    username: { kind: 'short', length: 100, primary: true },
    email: short(400, true),
    choices: long,
    updatedAt: date,
  },
};

/** A synced SharePoint library: its drive, the saved delta link and the last sync's result (JSON). */
export const sharepointDrive: TableSpec = {
  name: 'sharepoint_drive',
  columns: {
    libraryKey: { kind: 'short', length: 400, primary: true },
    driveId: short(200, true),
    deltaLink: optLong,
    syncedAt: optDate,
    result: optLong,
  },
};

/** Unanswered questions the desk marked 対応済み (left out of the 未回答の質問 groups). */
export const questionGapClosed: TableSpec = {
  name: 'question_gap_closed',
  columns: { questionId: { kind: 'id', primary: true }, closedAt: date, closedBy: short(100) },
};

/** Queue views saved by operators (a name and the queue's query string). */
export const savedView: TableSpec = {
  name: 'saved_view',
  columns: { id, username: short(100), name: short(100), query: short(2000), createdAt: date },
  indices: [{ columns: ['username', 'name'], unique: true }],
};

/** Canned replies (テンプレート) managed by admins. */
export const replyTemplate: TableSpec = {
  name: 'reply_template',
  columns: { id, name: short(100), body: long, updatedAt: date },
};

/** What an operator typed in a ticket save that failed (post/redirect/get), per session and ticket, for minutes. */
export const failedSave: TableSpec = {
  name: 'failed_save',
  columns: {
    id,
    sessionId: short(128),
    ticketId: ref,
    form: short(16),
    fields: long,
    error: long,
    status: int,
    expiresAt: date,
  },
  indices: [{ columns: ['sessionId', 'ticketId'], unique: true }, { columns: ['expiresAt'] }],
};

/**
 * One-time keys of console writes (issue 17 point 5): a reply or note posted with a key the page
 * rendered; the primary key refuses a second write with the same key on every instance, and a retried
 * POST answers with the comment written first. `fingerprint` is a hash of what was submitted.
 */
export const writeKey: TableSpec = {
  name: 'write_key',
  columns: {
    writeKey: { kind: 'short', length: 64, primary: true },
    scope: short(32),
    actor: short(100),
    ticketId: ref,
    commentId: ref,
    fingerprint: short(64),
    createdAt: date,
  },
  indices: [{ columns: ['createdAt'] }],
};

/**
 * Keyed POSTs of the web chat and console forms (issue 17): the key hashed with its scope and owner, a
 * hash of what was submitted, and the response of the first request (null while it runs).
 */
export const requestKey: TableSpec = {
  name: 'request_key',
  columns: {
    requestKey: { kind: 'short', length: 64, primary: true },
    scope: short(32),
    fingerprint: short(64),
    response: optLong,
    claimedAt: date,
  },
  indices: [{ columns: ['claimedAt'] }],
};

// --- Issue 16 point 2: registers (IP addresses, computer names), equipment lending, licences ---------
// Site and terminal are free text / optional ids without foreign keys (the terminal tables are separate).

/**
 * IP addresses and computer names issued and withdrawn (発行・削除の管理簿). `activeKey` is
 * `<kind>:<value>` while issued and the row's id after withdrawal, so one unique index refuses a
 * second issue of a value in use on every dialect (no partial index needed).
 */
export const registerEntry: TableSpec = {
  name: 'register_entry',
  columns: {
    id,
    kind: short(20),
    value: short(100),
    activeKey: short(140),
    status: short(16),
    department: short(200),
    requester: short(200),
    site: short(200, true),
    terminalRef: short(100, true),
    issuedAt: date,
    issuedBy: short(100),
    issueReason: short(1000),
    withdrawnAt: optDate,
    withdrawnBy: short(100, true),
    withdrawReason: short(1000, true),
  },
  indices: [
    { columns: ['activeKey'], unique: true },
    { columns: ['kind', 'value'] },
    { columns: ['issuedAt'] },
    { columns: ['withdrawnAt'] },
  ],
};

/** Equipment lent to departments (Web会議端末, 研修用端末, ペーパーレス会議端末) with their accessories. */
export const lendingItem: TableSpec = {
  name: 'lending_item',
  columns: {
    id,
    name: short(200),
    kind: short(20),
    accessories: long,
    site: short(200, true),
    note: short(1000, true),
    createdAt: date,
    retiredAt: optDate,
  },
};

/** Booking requests for an item: approval, check-out and return with the accessories lent. */
export const lendingBooking: TableSpec = {
  name: 'lending_booking',
  columns: {
    id,
    itemId: ref,
    requester: short(200),
    department: short(200),
    purpose: short(1000),
    startsAt: date,
    endsAt: date,
    status: short(16),
    createdAt: date,
    createdBy: short(100),
    decidedAt: optDate,
    decidedBy: short(100, true),
    rejectReason: short(1000, true),
    checkedOutAt: optDate,
    checkedOutBy: short(100, true),
    accessoriesOut: optLong,
    returnedAt: optDate,
    returnedBy: short(100, true),
    accessoriesReturned: optLong,
    returnNote: short(1000, true),
  },
  indices: [{ columns: ['itemId', 'startsAt'] }, { columns: ['startsAt'] }],
};

/** A pool of paid licences (e.g. a web-conference licence pool of N seats). */
export const licencePool: TableSpec = {
  name: 'licence_pool',
  columns: { id, name: short(200), seats: int, createdAt: date },
};

/** A licence of a pool granted for a booking's window. */
export const licenceGrant: TableSpec = {
  name: 'licence_grant',
  columns: {
    id,
    poolId: ref,
    bookingId: ref,
    startsAt: date,
    endsAt: date,
    grantedAt: date,
    grantedBy: short(100),
    releasedAt: optDate,
    releasedBy: short(100, true),
  },
  indices: [{ columns: ['poolId', 'startsAt'] }, { columns: ['bookingId'] }],
};
/** Operators rostered for 機密性3 data: a period [validFrom, validTo) and who approved it. */
export const confidentialRoster: TableSpec = {
  name: 'confidential_roster',
  columns: {
    id,
    username: short(100),
    validFrom: date,
    validTo: date,
    approver: short(200),
    note: short(400, true),
    createdAt: date,
    createdBy: short(100),
    revokedAt: optDate,
    revokedBy: short(100, true),
  },
  indices: [{ columns: ['username'] }],
};

/** One imported personnel-transfer file (年度切替). */
export const fySwitchBatch: TableSpec = {
  name: 'fy_switch_batch',
  columns: { id, fiscalYear: int, fileName: short(400), rowCount: int, createdAt: date, createdBy: short(100) },
};

/** One account task of an import: the 依頼 ticket made for an action, system and department. */
export const fySwitchTask: TableSpec = {
  name: 'fy_switch_task',
  columns: {
    id,
    batchId: ref,
    ticketId: ref,
    action: short(16),
    system: short(200),
    department: short(200),
    staff: long,
  },
  indices: [{ columns: ['batchId'] }],
};

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
];
