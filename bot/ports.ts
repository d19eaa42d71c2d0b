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

export type { KnowledgeSearch, Retrieval, SearchHit } from '../knowledge/types';

/** Conversations, their transcripts, the question log and feedback. */
export interface ConversationStore {
  /** Starts a conversation; `channelKey` is the channel's own id for it (e.g. Teams conversation id + user). */
  createConversation(input: {
    channel: ChannelKind;
    requester: Requester;
    channelRef?: string;
    channelKey?: string;
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
   * writing a second one (channel redelivery).
   */
  recordFeedback(input: Omit<FeedbackRecord, 'id' | 'createdAt'> & { activityId?: string }): Promise<FeedbackRecord>;
}

/** Filters for the ticket queue. */
export interface TicketQuery {
  status?: TicketStatus[];
  category?: string;
  assignee?: string;
  type?: TicketType;
  priority?: TicketPriority;
  createdFrom?: Date;
  createdTo?: Date;
  limit?: number;
  offset?: number;
}

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
  incident?: { cause?: string; actions?: string; prevention?: string };
}

/** A reply to the requester or an internal note. */
export interface TicketComment {
  id: string;
  ticketId: string;
  kind: 'reply' | 'note';
  author: string;
  body: string;
  createdAt: Date;
  deliveredAt?: Date;
  deliveryError?: string;
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
  get(idOrNumber: string): Promise<TicketRecord | undefined>;
  list(query: TicketQuery): Promise<{ items: TicketRecord[]; total: number }>;
  /** Applies a patch; throws KotaeError CONFLICT when the stored version differs from expectedVersion. */
  update(id: string, expectedVersion: number, patch: TicketPatch, actor: string): Promise<TicketRecord>;
  addComment(ticketId: string, comment: Omit<TicketComment, 'id' | 'ticketId' | 'createdAt'>): Promise<TicketComment>;
  markDelivered(commentId: string, result: { deliveredAt?: Date; deliveryError?: string }): Promise<void>;
  comments(ticketId: string): Promise<TicketComment[]>;
  history(ticketId: string): Promise<TicketEvent[]>;
  transcript(ticketId: string): Promise<TranscriptEntry[]>;
}

/** Port to send a reply into a channel: now in reply to a turn, or later to a stored conversation. */
export interface ChannelSender {
  readonly channel: ChannelKind;
  /** Sends proactively to a conversation (ticket replies, status changes). */
  sendToConversation(conversation: ConversationRecord, reply: BotReply): Promise<void>;
}

/** Looks up organisational data of a staff member by Entra ID (AAD) object id (e.g. Microsoft Graph). */
export interface DirectoryLookup {
  /** The member's department (所属), or undefined when unknown or the directory is unreachable. */
  lookupDepartment(aadObjectId: string): Promise<string | undefined>;
}
