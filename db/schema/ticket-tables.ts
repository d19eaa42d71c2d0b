/**
 * Tables of the helpdesk desk: tickets and their numbers, history, comments and attachments, the
 * work log, FAQs, queue views, reply templates, failed saves, write keys, the confidential roster and
 * the 年度切替 imports.
 * Part of ALL_TABLES (tables.ts); change a table only together with a new migration in db/migrations.
 */
import type { TableSpec } from './table-spec';
import { date, id, int, long, optDate, optLong, optRef, ref, short } from './columns';

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
    // The Teams message a requester comment holds, for its edits and deletes (migration 1765700000000).
    messageKey: short(200, true),
    // A Teams delete of a requester message kept on the ticket, until it is restored (migration 1765710000000).
    deletedInChannelAt: optDate,
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
    // Hidden (非公開) since then: not answered from (migration 1767600000000); on a draft, a request to hide.
    hiddenAt: optDate,
    // On a draft: an operator's request to delete the entry it replaces (migration 1767700000000).
    deleteRequestedAt: optDate,
  },
  indices: [{ columns: ['status'] }, { columns: ['sourceKey'] }],
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
