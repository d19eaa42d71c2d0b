/**
 * A requester's message that went to an open ticket was edited or deleted in Teams. An edit adds the new text
 * as the requester's correction (masked, flagged and notified like a new message); a delete withdraws the
 * message as ボットに質問する does, unless an operator replied after it: then it stays and the history says
 * that the requester deleted it. Messages are found by the key the channel gave them (`messageKey`); any other
 * message (a question the bot answered, someone else's, another chat's) changes nothing.
 */
import { KotaeError } from '../core';
import type { Clock } from '../core';
import type { ConversationRecord } from '../conversations';
import type { PiiMasker } from '../privacy';
import { TICKET_MESSAGES as M } from './messages';
import { masked } from './personal-data';
import { WITHDRAWN_AS_TEAMS_DELETED, type TicketComment, type TicketStore } from './ports';
import { OPEN_TICKET_STATUSES, type TicketRecord } from './records';
import { markRequesterReplied } from './requester-replied';
import { answeredAfter, REQUESTER_ACTOR, restorePatch } from './requester-withdrawal';

/** What a change did: nothing, a correction, a withdrawal, a kept message, or a refused edit (with its notice). */
export type MessageChange =
  | { kind: 'none' }
  | { kind: 'corrected' | 'withdrawn' | 'kept'; ticketNumber: string }
  | { kind: 'refused'; ticketNumber: string; notice: string };

/** Edits and deletes of a requester's messages in their channel, as the desk takes them. */
export interface RequesterMessageChanges {
  /** Message `messageKey` of the conversation now reads `text` (as the channel shows it, unmasked). */
  edited(conversation: ConversationRecord, messageKey: string, text: string): Promise<MessageChange>;
  /** Message `messageKey` of the conversation was deleted. */
  deleted(conversation: ConversationRecord, messageKey: string): Promise<MessageChange>;
}

/** What TicketMessageChanges needs. */
export interface TicketMessageChangesDeps {
  store: TicketStore;
  clock: Clock;
  /** The configured personal-data masker (all types when absent). */
  masker?: PiiMasker;
  /** The longest message the desk takes (the question limit). */
  maxChars: number;
}

/** A message on an open ticket: its first version and the corrections after it, oldest first. */
interface FoundMessage {
  ticket: TicketRecord;
  comments: TicketComment[];
  versions: TicketComment[];
}

const NONE: MessageChange = { kind: 'none' };

/** Implements RequesterMessageChanges on the ticket store. */
export class TicketMessageChanges implements RequesterMessageChanges {
  constructor(private readonly deps: TicketMessageChangesDeps) {}

  async edited(conversation: ConversationRecord, messageKey: string, text: string): Promise<MessageChange> {
    const { store, clock, masker, maxChars } = this.deps;
    const found = await this.find(conversation, messageKey);
    if (!found) return NONE;
    const body = masked(text.trim(), masker);
    if (!body) return NONE;
    const { ticket, versions } = found;
    if (body.length > maxChars)
      return { kind: 'refused', ticketNumber: ticket.number, notice: M.correctionTooLong(ticket.number, maxChars) };
    // The same text again (a redelivery, an edit that changed only formatting or the @mention): nothing new.
    const latest = versions.length === 1 ? body : M.teamsCorrection(body);
    if (versions.at(-1)?.body === latest) return NONE;
    const now = clock.now();
    const updated = await markRequesterReplied(store, ticket, now);
    await store.addComment(updated.id, {
      kind: 'requester',
      author: (conversation.requester.name ?? M.requesterAuthor).slice(0, 100),
      body: M.teamsCorrection(body),
      deliveredAt: now,
      messageKey,
    });
    return { kind: 'corrected', ticketNumber: updated.number };
  }

  async deleted(conversation: ConversationRecord, messageKey: string): Promise<MessageChange> {
    const { store } = this.deps;
    const found = await this.find(conversation, messageKey);
    if (!found) return NONE;
    const { ticket, comments, versions } = found;
    const original = versions[0]!;
    if (answeredAfter(comments, original)) {
      // The operator's reply refers to it: the thread stays as the operator saw it.
      const noted = await store.noteRequesterDeletion(ticket.id, original.id, REQUESTER_ACTOR);
      return noted ? { kind: 'kept', ticketNumber: ticket.number } : NONE;
    }
    // Oldest first; the flags go back with the last version (the earlier ones leave them to it).
    for (const [i, version] of versions.entries())
      await this.withdraw(ticket.id, version.id, i === versions.length - 1);
    return { kind: 'withdrawn', ticketNumber: ticket.number };
  }

  /** Withdraws one comment (with the flags put back when `restore`); read again when an operator saved meanwhile. */
  private async withdraw(ticketId: string, commentId: string, restore: boolean): Promise<void> {
    const { store } = this.deps;
    for (let attempt = 0; ; attempt += 1) {
      const [ticket, comments, history] = await Promise.all([
        store.get(ticketId),
        store.comments(ticketId),
        store.history(ticketId),
      ]);
      const comment = comments.find((c) => c.id === commentId);
      if (!ticket || comment?.kind !== 'requester') return;
      const patch = restore ? restorePatch(ticket, comments, history, comment) : {};
      try {
        const reason = WITHDRAWN_AS_TEAMS_DELETED;
        await store.withdrawRequesterComment(ticketId, commentId, ticket.version, patch, REQUESTER_ACTOR, reason);
        return;
      } catch (err) {
        if (!(err instanceof KotaeError) || err.code !== 'CONFLICT' || attempt >= 2) throw err;
      }
    }
  }

  /**
   * The message on one of the conversation's open tickets, still on it (its first version a requester
   * comment); undefined for a message the desk never got, withdrawn, deleted, or on a resolved or closed ticket.
   */
  private async find(conversation: ConversationRecord, messageKey: string): Promise<FoundMessage | undefined> {
    const { store } = this.deps;
    const status = [...OPEN_TICKET_STATUSES];
    const { items } = await store.list({ conversationId: conversation.id, status, limit: 20 });
    for (const ticket of items) {
      const comments = await store.comments(ticket.id);
      const versions = comments.filter((c) => c.messageKey === messageKey);
      if (versions.length === 0) continue;
      return versions[0]!.kind === 'requester' ? { ticket, comments, versions } : undefined;
    }
    return undefined;
  }
}
