/**
 * Delivers replies to the requester through the ChannelSender of the ticket's conversation, once per
 * reply: written once (the comment), sent once, one line in the conversation's history.
 * A failed delivery is kept on the comment (deliveryError) and retried later; nothing is lost.
 */
import { KotaeError } from '../core/errors';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { ChannelSender, ConversationStore, TicketComment, TicketStore } from '../bot/ports';
import type { BotReply, ChannelKind, TicketRecord } from '../bot/records';
import type { TicketOutbox } from './ports';

/** What ReplyDelivery needs. */
export interface ReplyDeliveryDeps {
  store: Pick<TicketStore, 'get' | 'markDelivered'>;
  conversations: Pick<ConversationStore, 'getConversation' | 'appendTranscript'>;
  senders: ReadonlyMap<ChannelKind, ChannelSender>;
  outbox: TicketOutbox;
  clock: Clock;
  logger: Logger;
}

/** Outcome of a retry run. */
export interface RetryResult {
  attempted: number;
  delivered: number;
}

/** Sends stored reply comments to the requester's channel. */
export class ReplyDelivery {
  constructor(private readonly deps: ReplyDeliveryDeps) {}

  /** Sends one reply comment; records deliveredAt or deliveryError. Never throws for send failures. */
  async deliver(ticket: TicketRecord, comment: TicketComment): Promise<TicketComment> {
    const { conversations, senders, store, clock, logger } = this.deps;
    try {
      if (!ticket.conversationId) throw new KotaeError('CHANNEL_UNSUPPORTED', 'ticket has no conversation to reply to');
      const conversation = await conversations.getConversation(ticket.conversationId);
      if (!conversation) throw new KotaeError('NOT_FOUND', `conversation ${ticket.conversationId} not found`);
      const sender = senders.get(conversation.channel);
      if (!sender) throw new KotaeError('CHANNEL_UNSUPPORTED', `no sender for channel ${conversation.channel}`);
      const reply: BotReply = {
        conversationId: conversation.id,
        text: comment.body,
        sources: [],
        choices: [],
        actions: [],
      };
      await sender.sendToConversation(conversation, reply);
      const deliveredAt = clock.now();
      await store.markDelivered(comment.id, { deliveredAt });
      // The conversation's history gets the line once: the web chat's sender already wrote it.
      if (!sender.writesTranscript) {
        await conversations
          .appendTranscript(conversation.id, { role: 'operator', text: comment.body, at: deliveredAt })
          .catch((err: unknown) =>
            logger.warn('transcript append failed', { ticket: ticket.number, error: String(err) }),
          );
      }
      return { ...comment, deliveredAt, deliveryError: undefined };
    } catch (err) {
      const deliveryError = err instanceof Error ? err.message : String(err);
      logger.warn('ticket reply delivery failed', {
        ticket: ticket.number,
        commentId: comment.id,
        error: deliveryError,
      });
      await store.markDelivered(comment.id, { deliveryError });
      return { ...comment, deliveryError };
    }
  }

  /** Replies not delivered yet (failed, or still being sent), oldest first, with their tickets. */
  async pending(limit = 100): Promise<{ ticket: TicketRecord; comment: TicketComment }[]> {
    const comments = await this.deps.outbox.undelivered(limit, new Date(this.deps.clock.now().getTime() + 1));
    const listed = await Promise.all(
      comments.map(async (comment) => ({ comment, ticket: await this.deps.store.get(comment.ticketId) })),
    );
    return listed.filter((l): l is { ticket: TicketRecord; comment: TicketComment } => l.ticket !== undefined);
  }

  /** Resends replies that failed (or were interrupted over a minute ago), oldest first. */
  async retryUndelivered(limit = 50): Promise<RetryResult> {
    const before = new Date(this.deps.clock.now().getTime() - 60_000);
    const pending = await this.deps.outbox.undelivered(limit, before);
    let delivered = 0;
    for (const comment of pending) {
      const ticket = await this.deps.store.get(comment.ticketId);
      if (!ticket) continue;
      const result = await this.deliver(ticket, comment);
      if (result.deliveredAt) delivered += 1;
    }
    return { attempted: pending.length, delivered };
  }
}
