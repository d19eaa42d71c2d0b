/**
 * A TicketStore that tells operators about new tickets, requester replies and assignments after the
 * write succeeded. Wrapping the store catches every path (bot escalation, web chat, Teams, LoGo, console).
 */
import type { TicketComment, TicketEvent, TicketPatch, TicketQuery, TicketStore, WithdrawalReason } from '../tickets';
import type { TranscriptEntry } from '../conversations';
import type { NewTicket, TicketRecord } from '../tickets';
import { assigned, requesterReplied, requesterRestored, ticketCreated, type ConsoleLink } from './desk-events';
import type { DeskEvent } from './types';

/** Where events go (NotificationService.publish, which never throws). */
export type Publish = (event: DeskEvent) => Promise<unknown>;

/** TicketStore decorator publishing desk events. */
export class NotifyingTicketStore implements TicketStore {
  constructor(
    private readonly inner: TicketStore,
    private readonly publish: Publish,
    private readonly link: ConsoleLink,
  ) {}

  async create(input: NewTicket, actor: string): Promise<TicketRecord> {
    const ticket = await this.inner.create(input, actor);
    if (ticket.version === 1) await this.publish(ticketCreated(ticket, this.link));
    return ticket;
  }

  async openForConversation(input: NewTicket & { conversationId: string }, actor: string) {
    const result = await this.inner.openForConversation(input, actor);
    if (result.created) await this.publish(ticketCreated(result.ticket, this.link));
    return result;
  }

  get(idOrNumber: string): Promise<TicketRecord | undefined> {
    return this.inner.get(idOrNumber);
  }

  list(query: TicketQuery): Promise<{ items: TicketRecord[]; total: number }> {
    return this.inner.list(query);
  }

  async update(id: string, expectedVersion: number, patch: TicketPatch, actor: string): Promise<TicketRecord> {
    const before = patch.assignee ? await this.inner.get(id) : undefined;
    const updated = await this.inner.update(id, expectedVersion, patch, actor);
    if (patch.assignee && before && before.assignee !== updated.assignee && updated.assignee === patch.assignee)
      await this.publish(assigned(updated, patch.assignee, this.link));
    return updated;
  }

  async addComment(ticketId: string, comment: Omit<TicketComment, 'id' | 'ticketId' | 'createdAt'>) {
    const stored = await this.inner.addComment(ticketId, comment);
    if (comment.kind === 'requester') {
      const ticket = await this.inner.get(ticketId);
      if (ticket) await this.publish(requesterReplied(ticket, stored.id, stored.body, this.link));
    }
    return stored;
  }

  markDelivered(commentId: string, result: { deliveredAt?: Date; deliveryError?: string }): Promise<void> {
    return this.inner.markDelivered(commentId, result);
  }

  withdrawRequesterComment(
    ticketId: string,
    commentId: string,
    expectedVersion: number,
    patch: TicketPatch,
    actor: string,
    reason?: WithdrawalReason,
  ): Promise<boolean> {
    return this.inner.withdrawRequesterComment(ticketId, commentId, expectedVersion, patch, actor, reason);
  }

  noteRequesterDeletion(ticketId: string, commentId: string, actor: string, deleted?: boolean): Promise<boolean> {
    return this.inner.noteRequesterDeletion(ticketId, commentId, actor, deleted);
  }

  /** A restored message is back on the ticket: the operators hear of it once, with its newest version. */
  async restoreRequesterComments(
    ticketId: string,
    commentIds: readonly string[],
    expectedVersion: number,
    patch: TicketPatch,
    actor: string,
  ): Promise<boolean> {
    const restored = await this.inner.restoreRequesterComments(ticketId, commentIds, expectedVersion, patch, actor);
    if (!restored) return false;
    const [ticket, comments] = await Promise.all([this.inner.get(ticketId), this.inner.comments(ticketId)]);
    const back = comments.filter((c) => commentIds.includes(c.id) && c.kind === 'requester');
    if (ticket && back.length > 0)
      await this.publish(requesterRestored(ticket, back[0]!.id, back.at(-1)!.body, this.link));
    return true;
  }

  markRepliesRead(conversationId: string, at: Date): Promise<number> {
    return this.inner.markRepliesRead(conversationId, at);
  }

  comments(ticketId: string): Promise<TicketComment[]> {
    return this.inner.comments(ticketId);
  }

  history(ticketId: string): Promise<TicketEvent[]> {
    return this.inner.history(ticketId);
  }

  transcript(ticketId: string): Promise<TranscriptEntry[]> {
    return this.inner.transcript(ticketId);
  }
}
