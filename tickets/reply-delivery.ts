/**
 * Delivers replies to the requester through the ChannelSender of the ticket's conversation, once per
 * reply: written once (the comment), sent once, one line in the conversation's history.
 * A failed delivery is kept on the comment (deliveryError) and retried later; nothing is lost.
 * Several workers (instances) may deliver at once: each reply is claimed in the database first, and
 * only the worker holding the claim sends it.
 */
import { randomUUID } from 'node:crypto';
import { KotaeError } from '../core';
import type { Clock } from '../core';
import type { Logger } from '../core';
import type { ChannelSender, ConversationStore } from '../conversations';
import type { TicketComment, TicketStore } from './ports';
import type { BotReply, ChannelKind } from '../conversations';
import type { TicketRecord } from './records';
import type { TicketOutbox } from './ports';

/** What ReplyDelivery needs. */
export interface ReplyDeliveryDeps {
  store: Pick<TicketStore, 'get' | 'markDelivered'>;
  conversations: Pick<ConversationStore, 'getConversation' | 'appendTranscript'>;
  senders: ReadonlyMap<ChannelKind, ChannelSender>;
  outbox: TicketOutbox;
  clock: Clock;
  logger: Logger;
  /** This worker's id in delivery claims (the instance id; default a random one). */
  worker?: string;
  /** How long a claim keeps other workers off while sending (default 5 min: a LoGo send may queue ~2 min). */
  claimMs?: number;
  /** How long after a failed send the reply may be retried at the earliest (default 0: at the next retry). */
  retryDelayMs?: number;
}

/** Outcome of a retry run. */
export interface RetryResult {
  attempted: number;
  delivered: number;
}

/** Sends stored reply comments to the requester's channel. */
export class ReplyDelivery {
  private readonly worker: string;

  constructor(private readonly deps: ReplyDeliveryDeps) {
    this.worker = deps.worker ?? `worker-${randomUUID()}`;
  }

  /**
   * Sends one reply comment if this worker can claim it; records deliveredAt or deliveryError. A reply
   * claimed by another worker, or for a channel another instance holds, is returned as it is (pending).
   * Never throws for send failures.
   */
  async deliver(ticket: TicketRecord, comment: TicketComment): Promise<TicketComment> {
    const { conversations, senders, store, clock, logger, outbox } = this.deps;
    const claimedAt = clock.now();
    const until = new Date(claimedAt.getTime() + (this.deps.claimMs ?? 5 * 60_000));
    if (!(await outbox.claim(comment.id, this.worker, claimedAt, until))) {
      logger.info('ticket reply delivery: claimed by another worker', { ticket: ticket.number, commentId: comment.id });
      return comment;
    }
    try {
      if (!ticket.conversationId) throw new KotaeError('CHANNEL_UNSUPPORTED', 'ticket has no conversation to reply to');
      const conversation = await conversations.getConversation(ticket.conversationId);
      if (!conversation) throw new KotaeError('NOT_FOUND', `conversation ${ticket.conversationId} not found`);
      const sender = senders.get(conversation.channel);
      if (!sender) throw new KotaeError('CHANNEL_UNSUPPORTED', `no sender for channel ${conversation.channel}`);
      if (sender.available && !sender.available()) {
        await outbox.release(comment.id, this.worker);
        logger.info('ticket reply left for the instance holding the channel', {
          ticket: ticket.number,
          commentId: comment.id,
          channel: conversation.channel,
        });
        return comment;
      }
      const reply: BotReply = {
        conversationId: conversation.id,
        commentId: comment.id,
        text: comment.body,
        sources: [],
        choices: [],
        actions: [],
      };
      await sender.sendToConversation(conversation, reply);
      const deliveredAt = clock.now();
      await store.markDelivered(comment.id, { deliveredAt });
      await outbox.release(comment.id, this.worker).catch(() => undefined);
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
      const delay = this.deps.retryDelayMs ?? 0;
      await outbox.release(comment.id, this.worker, delay > 0 ? new Date(clock.now().getTime() + delay) : undefined);
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

  /** Resends replies that failed (or were interrupted over a minute ago) and nobody holds, oldest first. */
  async retryUndelivered(limit = 50): Promise<RetryResult> {
    const now = this.deps.clock.now();
    const before = new Date(now.getTime() - 60_000);
    return this.sendEach(await this.deps.outbox.undelivered(limit, before, { claimableAt: now }));
  }

  /**
   * Sends every reply of `channel` still waiting and not held by a worker, however recent (the instance
   * holding a channel's connection picks up what the other instances left for it).
   */
  async deliverQueued(channel: ChannelKind, limit = 50): Promise<RetryResult> {
    const now = this.deps.clock.now();
    const all = new Date(now.getTime() + 1);
    return this.sendEach(await this.deps.outbox.undelivered(limit, all, { channel, claimableAt: now }));
  }

  private async sendEach(pending: TicketComment[]): Promise<RetryResult> {
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
