/** Ports of the desk domain, from the ticket store on. db/ implements them; tests use fakes. */
import type { BotReply, ChannelKind, ConversationRecord, TranscriptEntry } from '../conversations';
import type { NewTicket, TicketPriority, TicketRecord, TicketStatus, TicketType } from './records';
import type {
  FaqEntry,
  FaqInput,
  FaqStatus,
  NewFaqEntry,
  IndexedFaq,
  NewWorkLogEntry,
  RecentConversation,
  UnansweredQuestion,
  WorkLogEntry,
} from './types';

/** Filters for the ticket queue. */
export interface TicketQuery {
  status?: TicketStatus[];
  category?: string;
  assignee?: string;
  type?: TicketType;
  priority?: TicketPriority;
  /** Tickets opened from this conversation. */
  conversationId?: string;
  /** Tickets of this requester (channel identity). */
  requesterId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  /**
   * Full-text search: every term occurs (case-insensitively) in the number, title, details, requester
   * name or id, 所属 or a comment of the ticket. Terms come from tickets/ `parseSearch`.
   */
  terms?: readonly string[];
  /** Leaves out tickets marked 機密性3 (a viewer who is not rostered). */
  hideConfidential?: boolean;
  /** Order of the listed tickets (ties: newest first). Default: newest first. */
  order?: TicketOrder;
  limit?: number;
  offset?: number;
}

/**
 * An order of the queue, then newest first. A plain column is compared by the database's collation, a
 * missing value as the empty string (first ascending). With `ranks` (the lifecycle order of the statuses,
 * the urgency order of the priorities) the column is ordered by a value's place in that list, a value not
 * listed before the first one.
 */
export interface TicketOrder {
  column: TicketOrderColumn;
  dir: 'asc' | 'desc';
  ranks?: readonly string[];
}

/** The ticket columns a query can be ordered by. */
export const TICKET_ORDER_COLUMNS = [
  'number',
  'title',
  'status',
  'type',
  'priority',
  'category',
  'requesterName',
  'department',
  'assignee',
  'createdAt',
] as const;

export type TicketOrderColumn = (typeof TICKET_ORDER_COLUMNS)[number];

/** A change to a ticket; `expectedVersion` enforces optimistic locking. */
export interface TicketPatch {
  status?: TicketStatus;
  type?: TicketType;
  priority?: TicketPriority;
  category?: string;
  title?: string;
  assignee?: string | null;
  firstResponseAt?: Date;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  requesterRepliedAt?: Date | null;
  incident?: { cause?: string; actions?: string; prevention?: string };
  restorationStartedAt?: Date;
  incidentReportAt?: Date;
  confidential?: boolean;
}

/**
 * What a comment is: a reply to the requester, an internal note, a message from the requester, a
 * requester's message withdrawn as a question for the bot (ボットに質問する), or one the requester deleted in
 * Teams (both kept for the history).
 */
export type TicketCommentKind = 'reply' | 'note' | 'requester' | 'withdrawn' | 'deleted';

/** A reply to the requester, an internal note, or the requester's own message. */
export interface TicketComment {
  id: string;
  ticketId: string;
  kind: TicketCommentKind;
  author: string;
  body: string;
  createdAt: Date;
  /** When the channel accepted the reply (Teams, LoGo) or it was put in the web chat's history. */
  deliveredAt?: Date;
  deliveryError?: string;
  /** Web chat: when the requester's page fetched the reply (既読). */
  readAt?: Date;
  /** The channel's key of the requester's message (Teams: conversation and activity id), for its edits and deletes. */
  messageKey?: string;
  /** When the requester deleted the message in Teams while it stayed on the ticket (an operator had replied). */
  deletedInChannelAt?: Date;
}

/** One entry of a ticket's change history. */
export interface TicketEvent {
  id: string;
  ticketId: string;
  at: Date;
  actor: string;
  field: string;
  before?: string;
  after?: string;
}

/** Tickets, their history and comments. */
export interface TicketStore {
  /** Creates a ticket; with a sourceActivityId already used, returns the ticket it created before. */
  create(input: NewTicket, actor: string): Promise<TicketRecord>;
  /**
   * The conversation's open ticket (新規 / 対応中 / 保留), or a new one when it has none — atomically, so
   * concurrent calls for one conversation get one ticket (`created` is true for exactly one of them).
   */
  openForConversation(
    input: NewTicket & { conversationId: string },
    actor: string,
  ): Promise<{ ticket: TicketRecord; created: boolean }>;
  get(idOrNumber: string): Promise<TicketRecord | undefined>;
  list(query: TicketQuery): Promise<{ items: TicketRecord[]; total: number }>;
  /** Applies a patch; throws KotaeError CONFLICT when the stored version differs from expectedVersion. */
  update(id: string, expectedVersion: number, patch: TicketPatch, actor: string): Promise<TicketRecord>;
  addComment(ticketId: string, comment: Omit<TicketComment, 'id' | 'ticketId' | 'createdAt'>): Promise<TicketComment>;
  markDelivered(commentId: string, result: { deliveredAt?: Date; deliveryError?: string }): Promise<void>;
  /**
   * Withdraws requester comment `commentId` of ticket `ticketId` (ボットに質問する), in one transaction: the
   * ticket takes `patch` and a new version (CONFLICT, nothing written, when its version is not
   * `expectedVersion`), the comment becomes `withdrawn` and the history gets a `requesterWithdrawn` entry
   * (before: the message, after: `reason`). false, nothing written, when it is not (or no longer) a requester
   * comment there. `teams_deleted` marks the comment `deleted` instead of `withdrawn`.
   */
  withdrawRequesterComment(
    ticketId: string,
    commentId: string,
    expectedVersion: number,
    patch: TicketPatch,
    actor: string,
    reason?: WithdrawalReason,
  ): Promise<boolean>;
  /**
   * Message `commentId` deleted in Teams after an operator's reply stays on the ticket (the row is not changed):
   * `deletedInChannelAt` is set and the history gets `requesterWithdrawn` (before: the message, after:
   * `teams_deleted_kept`); `deleted` false (restored in Teams) clears it, after: `teams_undeleted_kept`. false,
   * nothing written, when it is not a requester comment of the ticket or is so already.
   */
  noteRequesterDeletion(ticketId: string, commentId: string, actor: string, deleted?: boolean): Promise<boolean>;
  /**
   * A message withdrawn by a delete in Teams, restored there: in one transaction the ticket takes `patch` and a new
   * version (CONFLICT, nothing written, on another `expectedVersion`), comments `commentIds` still `deleted` become
   * `requester`, one `requesterWithdrawn` entry (before: the first, after: `teams_undeleted`). false: none deleted.
   */
  restoreRequesterComments(
    ticketId: string,
    commentIds: readonly string[],
    expectedVersion: number,
    patch: TicketPatch,
    actor: string,
  ): Promise<boolean>;
  /** Marks the delivered, unread replies of the conversation's tickets read (web chat); returns how many. */
  markRepliesRead(conversationId: string, at: Date): Promise<number>;
  comments(ticketId: string): Promise<TicketComment[]>;
  history(ticketId: string): Promise<TicketEvent[]>;
  transcript(ticketId: string): Promise<TranscriptEntry[]>;
}

/** The history field of a withdrawn requester message, and its values (the console words them). */
export const WITHDRAWN_FIELD = 'requesterWithdrawn';
export const WITHDRAWN_AS_BOT_QUESTION = 'bot_question';
export const WITHDRAWN_AS_TEAMS_DELETED = 'teams_deleted';
/** The requester deleted the message in Teams after an operator's reply: it stays on the ticket. */
export const KEPT_AFTER_TEAMS_DELETE = 'teams_deleted_kept';
/** The requester restored in Teams a message its delete had withdrawn: it is back on the ticket. */
export const RESTORED_AFTER_TEAMS_UNDELETE = 'teams_undeleted';
/** The requester restored in Teams a message its delete had left on the ticket (an operator had replied). */
export const KEPT_AFTER_TEAMS_UNDELETE = 'teams_undeleted_kept';

/** Why a requester's message comes off its ticket: ボットに質問する, or deleted in Teams. */
export type WithdrawalReason = typeof WITHDRAWN_AS_BOT_QUESTION | typeof WITHDRAWN_AS_TEAMS_DELETED;

/**
 * What ボットに質問する did with the message on the conversation's open ticket: withdrew it, kept it (an
 * operator already replied after it), or found nothing to withdraw (never added, or withdrawn already).
 */
export type BotQuestionWithdrawal =
  { kind: 'withdrawn' | 'kept'; ticketNumber: string; notice: string } | { kind: 'none' };

/** What the requester asked the desk to do with a message (buttons under a reply). */
export type RequesterIntent = 'auto' | 'reopen';

/**
 * The desk as the conversation core sees it (tickets/ implements it): a requester's messages reach the
 * conversation's ticket, and status questions are answered to the ticket's requester only.
 */
export interface TicketDesk {
  /**
   * When the conversation has an open ticket (or one resolved recently), adds the message to it and
   * returns the reply to show; `reopen` confirms reopening a resolved one. undefined: not about a ticket.
   * `messageKey` (the channel's key of the message) is kept on the comment, for the message's edits and deletes.
   */
  routeRequesterMessage(
    conversation: ConversationRecord,
    text: string,
    intent: RequesterIntent,
    messageKey?: string,
  ): Promise<BotReply | undefined>;
  /** Status of ticket `number` (or of every ticket of the conversation), only to its requester. */
  status(conversation: ConversationRecord, number?: string): Promise<BotReply>;
  /**
   * ボットに質問する: withdraws the message `text` from the conversation's open ticket it was added to (the
   * newest such requester message), unless an operator replied after it. Runs inside the caller's
   * transaction that records the bot's answer; pressing twice withdraws once.
   */
  withdrawForBot(conversation: ConversationRecord, text: string): Promise<BotQuestionWithdrawal>;
}

export type { AttachmentFileStore, AttachmentStore, StagedContent, StoredFileInfo } from './attachment-ports';

/** Which undelivered replies to list. */
export interface OutboxFilter {
  /** Only replies to conversations of this channel. */
  channel?: ChannelKind;
  /** Only replies no worker has claimed at this time (nor keeps off as a failed send's retry delay). */
  claimableAt?: Date;
}

/**
 * Replies not yet delivered to the requester, oldest first, for retrying; and the claims that let one
 * worker of one instance send a reply while the others leave it alone.
 */
export interface TicketOutbox {
  /** Reply comments without deliveredAt that failed, or were created before `createdBefore` (interrupted). */
  undelivered(limit: number, createdBefore: Date, filter?: OutboxFilter): Promise<TicketComment[]>;
  /**
   * Claims an undelivered reply for `worker` until `until`, atomically: true for exactly one of several
   * workers claiming at once; false when it is delivered or claimed (or held back) at `now`.
   */
  claim(commentId: string, worker: string, now: Date, until: Date): Promise<boolean>;
  /** Ends `worker`'s claim; with `retryAfter` nobody claims the reply before that time. */
  release(commentId: string, worker: string, retryAfter?: Date): Promise<void>;
}

/** The work log (作業実績). */
export interface WorkLogStore {
  add(entry: NewWorkLogEntry): Promise<WorkLogEntry>;
  /** Entries whose work started in [from, to), oldest first (for reports). */
  listWorkLogs(from: Date, to: Date): Promise<WorkLogEntry[]>;
  listByTicket(ticketId: string): Promise<WorkLogEntry[]>;
}

/** FAQs kept in the faq_entry table. */
export interface FaqStore {
  create(input: NewFaqEntry): Promise<FaqEntry>;
  get(id: string): Promise<FaqEntry | undefined>;
  list(status?: FaqStatus): Promise<FaqEntry[]>;
  /** Entries (published override and drafts) of one indexed FAQ id, oldest first. */
  findBySourceKey(sourceKey: string): Promise<FaqEntry[]>;
  /** Updates an entry; CONFLICT when the stored version differs from expectedVersion. */
  update(id: string, expectedVersion: number, input: FaqInput): Promise<FaqEntry>;
  /** Hides an entry (hiddenAt: now) or publishes it again; CONFLICT on a stale version. */
  setHidden(id: string, expectedVersion: number, hidden: boolean): Promise<FaqEntry>;
  /**
   * Publishes a draft (into the entry it replaces, if any, with the draft's hiddenAt); CONFLICT on a stale version
   * or a non-draft.
   */
  approve(id: string, expectedVersion: number, approvedBy: string): Promise<FaqEntry>;
  delete(id: string): Promise<void>;
}

/** The FAQs of the knowledge folder's sheets and the synced SharePoint libraries, as indexed. */
export interface IndexedFaqSource {
  list(): Promise<IndexedFaq[]>;
}

/** Read port over the question log: questions the bot could not answer, newest first. */
export interface UnansweredQuestions {
  /** `hideConfidential`: without the questions of conversations that led to a 機密性3 ticket. */
  list(limit: number, options?: { hideConfidential?: boolean }): Promise<UnansweredQuestion[]>;
}

/**
 * Cheap markers that change whenever the desk or one ticket changes (any instance, since they are read
 * from the database); the console's live pages poll them.
 */
export interface DeskChanges {
  /** Changes when a ticket is created or updated, or a comment is added. */
  deskMarker(): Promise<string>;
  /** Changes when the ticket is updated or gets a comment or an attachment. */
  ticketMarker(ticketId: string): Promise<string>;
}

/** A queue view an operator saved: a name and the queue's query string. */
export interface SavedView {
  id: string;
  name: string;
  query: string;
}

/** Saved queue views, per operator. */
export interface SavedViews {
  list(username: string): Promise<SavedView[]>;
  /** Saves (or replaces, by name) a view of `username`. */
  save(username: string, name: string, query: string): Promise<void>;
}

/** Moves a ticket's comments, attachments and history to another ticket (merging duplicates), atomically. */
export interface TicketMerger {
  moveContent(fromTicketId: string, toTicketId: string, actor: string, at: Date): Promise<void>;
}

/** Links between related tickets (recorded on both, in their history). */
export interface TicketLinks {
  link(ticketId: string, otherId: string, actor: string, at: Date): Promise<void>;
  /** Numbers of the tickets linked to this one, oldest link first. */
  related(ticketId: string): Promise<string[]>;
}

/** The bot conversations of one requester (by channel identity), for the ticket page. */
export interface RequesterConversations {
  /**
   * The `limit` conversations of `requesterId` with the latest activity, newest first, without `excludeId`;
   * each with its questions and its newest `transcriptLines` transcript lines.
   */
  recent(
    requesterId: string,
    options: { limit: number; transcriptLines: number; excludeId?: string },
  ): Promise<RecentConversation[]>;
}

/** What an operator typed in a ticket form whose save failed, and the error shown with it. */
export interface FailedSave {
  /** Which form of the ticket page (update, reply, note, merge, link). */
  form: string;
  fields: Readonly<Record<string, string>>;
  /** The user-facing (Japanese) error. */
  error: string;
  /** The HTTP status of the failure (400, 409, …), given again when the page shows it. */
  status: number;
}

/**
 * Failed saves kept between the POST and the page the browser is redirected to (post/redirect/get):
 * in the database, so any instance can show it; per console session and ticket; shown once.
 */
export interface FailedSaves {
  /** Keeps `save` for the session and ticket a few minutes from `now`, replacing an earlier one; drops expired ones. */
  put(sessionId: string, ticketId: string, save: FailedSave, now: Date): Promise<void>;
  /** The unexpired failed save of the session and ticket, deleted as it is read (one reader gets it). */
  take(sessionId: string, ticketId: string, now: Date): Promise<FailedSave | undefined>;
}
