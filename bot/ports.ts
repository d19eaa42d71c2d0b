/**
 * Ports the conversation core needs. db/ implements the stores; adapters implement ChannelSender;
 * knowledge/ implements KnowledgeSearch.
 */
import type {
  BotReply,
  ChannelKind,
  ConversationRecord,
  FeedbackRecord,
  NewTicket,
  QuestionRecord,
  Requester,
  TicketPriority,
  TicketRecord,
  TicketStatus,
  TicketType,
  TranscriptEntry,
} from './records';

export type { KnowledgeSearch, Retrieval, SearchHit } from '../knowledge';

/** Conversations, their transcripts, the question log and feedback. */
export interface ConversationStore {
  /** Starts a conversation; `channelKey` is the channel's own id for it (e.g. Teams conversation id + user). */
  createConversation(input: {
    channel: ChannelKind;
    requester: Requester;
    channelRef?: string;
    channelKey?: string;
    /** SHA-256 (hex) of the secret the web chat page holds for this conversation. */
    accessTokenHash?: string;
  }): Promise<ConversationRecord>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /** The latest conversation a channel opened under its own key. */
  findByChannelKey(channel: ChannelKind, channelKey: string): Promise<ConversationRecord | undefined>;
  /** Updates requester details and the proactive reference when a channel learns them. */
  touchConversation(id: string, patch: { requester?: Requester; channelRef?: string }): Promise<void>;
  appendTranscript(conversationId: string, entry: TranscriptEntry): Promise<void>;
  transcript(conversationId: string): Promise<TranscriptEntry[]>;
  /** Records a question and the bot's answer together with the two transcript lines, atomically. */
  recordQuestion(question: Omit<QuestionRecord, 'id'>): Promise<QuestionRecord>;
  lastQuestion(conversationId: string): Promise<QuestionRecord | undefined>;
  /**
   * Records feedback. With an activityId already seen, returns the earlier record instead of
   * writing a second one (channel redelivery), marked `duplicate` (so it is not audited again).
   */
  recordFeedback(
    input: Omit<FeedbackRecord, 'id' | 'createdAt'> & { activityId?: string },
  ): Promise<FeedbackRecord & { duplicate?: boolean }>;
}

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
  /**
   * Order by a plain column (ties: newest first), compared by the database's collation; a missing value
   * sorts as the empty string (first ascending). Default: newest first.
   */
  order?: { column: TicketOrderColumn; dir: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
}

/** The ticket columns a query can be ordered by. */
export const TICKET_ORDER_COLUMNS = [
  'number',
  'title',
  'type',
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

/** What a comment is: a reply to the requester, an internal note, or a message from the requester. */
export type TicketCommentKind = 'reply' | 'note' | 'requester';

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
  /** Marks the delivered, unread replies of the conversation's tickets read (web chat); returns how many. */
  markRepliesRead(conversationId: string, at: Date): Promise<number>;
  comments(ticketId: string): Promise<TicketComment[]>;
  history(ticketId: string): Promise<TicketEvent[]>;
  transcript(ticketId: string): Promise<TranscriptEntry[]>;
}

/** Port to send a reply into a channel: now in reply to a turn, or later to a stored conversation. */
export interface ChannelSender {
  readonly channel: ChannelKind;
  /**
   * True when sending writes the line into the conversation's transcript (the web chat, whose page reads
   * it): the delivery then writes no second line.
   */
  readonly writesTranscript?: boolean;
  /**
   * False while this instance cannot send on the channel because another instance holds its connection
   * (LoGoチャット): a reply is then left queued for the instance that holds it. Absent = always.
   */
  available?(): boolean;
  /** Sends proactively to a conversation (ticket replies, status changes). */
  sendToConversation(conversation: ConversationRecord, reply: BotReply): Promise<void>;
}

/** Looks up organisational data of a staff member by Entra ID (AAD) object id (e.g. Microsoft Graph). */
export interface DirectoryLookup {
  /** The member's department (所属), or undefined when unknown or the directory is unreachable. */
  lookupDepartment(aadObjectId: string): Promise<string | undefined>;
}

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
   */
  routeRequesterMessage(
    conversation: ConversationRecord,
    text: string,
    intent: RequesterIntent,
  ): Promise<BotReply | undefined>;
  /** Status of ticket `number` (or of every ticket of the conversation), only to its requester. */
  status(conversation: ConversationRecord, number?: string): Promise<BotReply>;
}
