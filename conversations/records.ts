/**
 * Channel- and storage-neutral records of a conversation with a staff member: who asked, where, what
 * was said and replied. Shared by the conversation core (bot/) and the desk (tickets/), below both;
 * db/ maps its entities to these; adapters render them.
 */
import type { PiiType } from '../privacy';

/** Where a staff member asked. */
export type ChannelKind = 'web' | 'teams' | 'logo' | 'cli';
export const CHANNEL_KINDS: readonly ChannelKind[] = ['web', 'teams', 'logo', 'cli'];

/**
 * What the bot did with a question: answered, tentative (the top answer proposed with the other
 * candidates: 「こちらの回答でよろしいでしょうか」), clarify (candidate questions) or no_answer.
 */
export type Outcome = 'answered' | 'tentative' | 'clarify' | 'no_answer';
export const OUTCOMES: readonly Outcome[] = ['answered', 'tentative', 'clarify', 'no_answer'];

/** The person asking (staff member). */
export interface Requester {
  id?: string;
  name?: string;
  department?: string;
  /** 内線 or telephone number given at escalation (web chat). */
  phone?: string;
}

/** A source shown with an answer. */
export interface SourceRef {
  title: string;
  url?: string;
  snippet: string;
  documentId?: string;
}

/** A conversation between one staff member and the bot, in one channel. */
export interface ConversationRecord {
  id: string;
  channel: ChannelKind;
  requester: Requester;
  /** Opaque channel data needed to send proactively (e.g. a Teams ConversationReference as JSON). */
  channelRef?: string;
  /** Web chat: SHA-256 (hex) of the page's secret; requests about the conversation must present the secret. */
  accessTokenHash?: string;
  startedAt: Date;
  lastActivityAt: Date;
}

/** One question asked and what the bot did: the usage log the reports read. */
export interface QuestionRecord {
  id: string;
  conversationId: string;
  askedAt: Date;
  text: string;
  outcome: Outcome;
  confidence: number;
  answer: string;
  sources: SourceRef[];
  categoryGuess?: string;
  channel: ChannelKind;
  requester: Requester;
  latencyMs: number;
  /** The candidate questions offered with the answer (tentative, clarify), for showing the answer again. */
  choices?: { label: string; value: string }[];
  /**
   * The kinds of personal data masked in the question (the answer was shown below the notice naming them), so a
   * reloaded chat shows that notice again. Absent when nothing was masked, and on rows written before it was kept.
   */
  maskedTypes?: PiiType[];
  /**
   * ボットに質問する: the message answered had gone to ticket `ticketNumber`, and was taken off it (`withdrawn`) or
   * kept because an operator had replied (`kept`); the answer was shown below the notice saying so. Absent otherwise,
   * and on rows written before it was kept.
   */
  takenBack?: TakenBack;
}

/** What ボットに質問する did to the message on the ticket it had gone to. */
export interface TakenBack {
  kind: 'withdrawn' | 'kept';
  ticketNumber: string;
}

/** One line of a conversation transcript. */
export type TranscriptRole = 'user' | 'bot' | 'operator' | 'system';
export interface TranscriptEntry {
  role: TranscriptRole;
  text: string;
  at: Date;
}

/** Staff feedback on an answer. */
export interface FeedbackRecord {
  id: string;
  conversationId: string;
  questionId?: string;
  resolved: boolean;
  comment?: string;
  createdAt: Date;
}

/**
 * A channel-neutral reply. Each channel adapter renders it as richly as it can
 * (HTML, Adaptive Card, numbered plain text).
 */
export interface BotReply {
  conversationId: string;
  questionId?: string;
  outcome?: Outcome;
  text: string;
  sources: SourceRef[];
  /** Candidate questions the user may pick (clarify). */
  choices: { label: string; value: string }[];
  /** Actions offered after the reply. */
  actions: BotAction[];
  confidence?: number;
  /** The requester's message the actions `ask_bot` and `reopen` apply to (sent back with the button). */
  pendingText?: string;
  /** The ticket this reply is about (a requester reply added to it, a status answer). */
  ticketNumber?: string;
  /** The reply comment this message delivers (operator replies: its files go with it). */
  commentId?: string;
  /** Out of desk hours: when a person will look (「…12月3日（木）8時30分以降に担当者が確認します。」), also in `text`. */
  afterHoursNotice?: string;
}

/**
 * 解決した / 解決しない / 担当者に問い合わせる, and around a ticket: ボットに質問する (re-run the pending
 * message as a question), 再開して追記する (reopen a resolved ticket with it), お問い合わせ状況, and
 * 別件として新しく問い合わせる (a new ticket although one is open).
 */
export type BotAction = 'resolved' | 'not_resolved' | 'escalate' | 'ask_bot' | 'reopen' | 'status' | 'new_ticket';
export const BOT_ACTIONS: readonly BotAction[] = [
  'resolved',
  'not_resolved',
  'escalate',
  'ask_bot',
  'reopen',
  'status',
  'new_ticket',
];
