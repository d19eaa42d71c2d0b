/**
 * Tables of the conversations with the bot: conversations, transcripts, the question log, feedback,
 * the gaps the desk closed and the Teams activities already handled.
 * Part of ALL_TABLES (tables.ts); change a table only together with a new migration in db/migrations.
 */
import type { TableSpec } from './table-spec';
import { date, id, int, long, optDate, optLong, optRef, ref, short } from './columns';

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
    // The candidate questions offered with the answer, as JSON (migration 1765400000000): a reloaded web chat shows them again.
    choices: optLong,
    // The personal-data types masked in the question, comma-separated (migration 1765800000000): a reloaded web chat
    // shows the notice the answer was shown with.
    maskedTypes: short(200, true),
    // ボットに質問する took the message off its ticket (`withdrawn:HD-…`) or kept it (`kept:HD-…`) (migration
    // 1766400000000): a reloaded web chat shows the notice the answer was shown below.
    takenBack: short(60, true),
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
  indices: [{ columns: ['dedupeKey'], unique: true }, { columns: ['createdAt'] }, { columns: ['conversationId'] }],
};

/** Unanswered questions the desk marked 対応済み (left out of the 未回答の質問 groups). */
export const questionGapClosed: TableSpec = {
  name: 'question_gap_closed',
  columns: { questionId: { kind: 'id', primary: true }, closedAt: date, closedBy: short(100) },
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

/**
 * What LoGoチャット waits for an answer to, shared by the instances (migration 1766800000000): one row per
 * select or yes/no stamp (`stamp:<message id>`), per conversation its current reply (`reply:<id>`, whose
 * `generation` makes older stamps stale) and numbered list (`numbered:<id>`), and per user the "send the
 * details" step (`details:<user key>`). `answeredAt` is set by the one conditional update that takes an answer.
 */
export const logoStamp: TableSpec = {
  name: 'logo_stamp',
  columns: {
    id: { kind: 'short', length: 250, primary: true },
    kind: short(16),
    conversationId: short(64, true),
    generation: short(36),
    payload: optLong,
    answeredAt: optDate,
    createdAt: date,
    expiresAt: date,
  },
  indices: [{ columns: ['expiresAt'] }],
};
