/**
 * The conversation core as seen by every channel adapter (web, CLI, Teams, LoGo chat).
 * Adapters turn their protocol into these calls and render the BotReply they get back.
 */
import type { BotReply, ChannelKind, ConversationRecord, Requester } from '../conversations';
import type { TicketPriority, TicketRecord } from '../tickets';

/** A question from a staff member. Without conversationId a new conversation starts. */
export interface AskInput {
  conversationId?: string;
  channel: ChannelKind;
  requester?: Requester;
  text: string;
  /** Opaque data the channel needs to reach this conversation later (stored for proactive sends). */
  channelRef?: string;
  /**
   * What the requester chose under an earlier reply: `question` = ask the bot even though a ticket is
   * open (ボットに質問する), `reopen` = add it to the resolved ticket and reopen it (再開して追記する).
   */
  intent?: 'question' | 'reopen';
  /** The channel's key of this message (Teams: conversation and activity id), kept when it goes to a ticket. */
  messageKey?: string;
  /**
   * The conversation the caller has just created for this question (its id is `conversationId`, its
   * requester the one given here): it has no tickets and no questions yet, so it is not read again.
   */
  created?: ConversationRecord;
  /**
   * A candidate picked under an answer: that answer's question id (`BotReply.questionId`). When the answer is no
   * longer the conversation's latest unrated exchange, the reply says the choice expired and nothing is asked.
   */
  choiceOf?: string;
}

/** 解決した / 解決しない on the last answer. `activityId` makes redelivery idempotent. */
export interface FeedbackInput {
  conversationId: string;
  resolved: boolean;
  comment?: string;
  activityId?: string;
  /**
   * The answer rated (`BotReply.questionId`). When it is no longer the conversation's latest unrated exchange, the
   * reply says the choice expired and nothing is written; without it the latest question is rated.
   */
  questionId?: string;
}

/** Hand the conversation to a person. `activityId` makes redelivery idempotent. */
export interface EscalateInput {
  conversationId: string;
  details?: string;
  category?: string;
  priority?: TicketPriority;
  requester?: Requester;
  activityId?: string;
  /** 別件として新しく問い合わせる: a new ticket even though the conversation has an open one. */
  separate?: boolean;
}

/** What every channel adapter calls. */
export interface Helpdesk {
  ask(input: AskInput): Promise<BotReply>;
  feedback(input: FeedbackInput): Promise<BotReply>;
  /**
   * Opens a ticket, or adds to the conversation's open ticket (`created` false) unless `separate`;
   * repeated and concurrent calls for one conversation name the same ticket.
   */
  escalate(input: EscalateInput): Promise<{ ticket: TicketRecord; reply: BotReply; created?: boolean }>;
  /** Greeting shown when the bot is added or a chat opens. */
  welcome(conversationId?: string): BotReply;
}
