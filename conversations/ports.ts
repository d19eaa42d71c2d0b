/**
 * Ports of a conversation: its store (transcripts, the question log, feedback) and the sender into a
 * channel. db/ implements the store; adapters implement ChannelSender.
 */
import type {
  BotReply,
  ChannelKind,
  ConversationRecord,
  FeedbackRecord,
  QuestionRecord,
  Requester,
  TranscriptEntry,
} from './records';
import type { AppendListener } from './append-watch';

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
  /** How many lines the conversation's transcript has (a count, nothing read). */
  transcriptLength(conversationId: string): Promise<number>;
  /**
   * Runs `work` and tells `listener` of every transcript line this store appends within it (asked from its async
   * context), once committed, with the line's index: each caller hears its own lines only, also while another
   * caller appends to the same conversation at the same moment (appends to one conversation take turns).
   */
  watchAppends<T>(listener: AppendListener, work: () => Promise<T>): Promise<T>;
  /** Records a question and the bot's answer together with the two transcript lines, atomically. */
  recordQuestion(question: Omit<QuestionRecord, 'id'>): Promise<QuestionRecord>;
  lastQuestion(conversationId: string): Promise<QuestionRecord | undefined>;
  /** The conversation's question log, oldest first (one read: the history joins it to the answers' lines). */
  questionLog(conversationId: string): Promise<QuestionRecord[]>;
  /** Whether feedback (解決した / 解決しない) was recorded on question `questionId` of the conversation. */
  hasFeedback(conversationId: string, questionId: string): Promise<boolean>;
  /**
   * Records feedback with `lines` (what the requester saw: the acknowledgement, a typed はい before it) appended to
   * the transcript in the same transaction. With an activityId already seen, returns the earlier record instead of
   * writing a second one or the lines again (channel redelivery), marked `duplicate` (so it is not audited again).
   */
  recordFeedback(
    input: Omit<FeedbackRecord, 'id' | 'createdAt'> & { activityId?: string; lines?: readonly TranscriptEntry[] },
  ): Promise<FeedbackRecord & { duplicate?: boolean }>;
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
