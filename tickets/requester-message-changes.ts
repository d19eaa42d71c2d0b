/**
 * A requester's message that went to an open ticket was edited, deleted or restored (undeleted) in Teams. An
 * edit adds the new text as the requester's correction (masked, flagged and notified like a new message); a
 * delete withdraws the message as ボットに質問する does, unless an operator replied after it: then it stays and
 * the history says that the requester deleted it. An undelete puts a withdrawn message back (flagged and notified
 * like a new message) or notes the restore of a kept one; an edit of a withdrawn message (delivered after the
 * delete) is held with it, withdrawn, until an undelete brings both back. Messages are found by the key the
 * channel gave them (`messageKey`); any other message (a question the bot answered, someone else's, another
 * chat's) changes nothing.
 */
import { KotaeError } from '../core';
import type { Clock } from '../core';
import type { ConversationRecord } from '../conversations';
import type { PiiMasker } from '../privacy';
import { TICKET_MESSAGES as M } from './messages';
import { masked } from './personal-data';
import { WITHDRAWN_AS_TEAMS_DELETED, type TicketComment, type TicketStore } from './ports';
import { OPEN_TICKET_STATUSES, type TicketRecord } from './records';
import { markRequesterReplied, requesterRepliedPatch } from './requester-replied';
import { answeredAfter, REQUESTER_ACTOR, restorePatch } from './requester-withdrawal';

/**
 * What a change did: nothing, a correction, a correction held with the withdrawn message, a withdrawal, a kept
 * message, a restored message, the restore of a kept message noted, or a refused edit (with its notice).
 */
export type MessageChange =
  | { kind: 'none' }
  | { kind: 'corrected' | 'held' | 'withdrawn' | 'kept' | 'restored' | 'noted'; ticketNumber: string }
  | { kind: 'refused'; ticketNumber: string; notice: string };

/** Edits, deletes and undeletes of a requester's messages in their channel, as the desk takes them. */
export interface RequesterMessageChanges {
  /** Message `messageKey` of the conversation now reads `text` (as the channel shows it, unmasked). */
  edited(conversation: ConversationRecord, messageKey: string, text: string): Promise<MessageChange>;
  /** Message `messageKey` of the conversation was deleted. */
  deleted(conversation: ConversationRecord, messageKey: string): Promise<MessageChange>;
  /** Message `messageKey` of the conversation was restored after a delete. */
  undeleted(conversation: ConversationRecord, messageKey: string): Promise<MessageChange>;
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
    const author = (conversation.requester.name ?? M.requesterAuthor).slice(0, 100);
    const correction = { author, body: M.teamsCorrection(body), deliveredAt: now, messageKey };
    if (versions[0]!.kind === 'deleted') {
      // Withdrawn by a delete (the edit was delivered after it): kept with the message, withdrawn, unflagged and
      // untold, so that an undelete brings it back with the rest.
      await store.addComment(ticket.id, { kind: 'deleted', ...correction });
      return { kind: 'held', ticketNumber: ticket.number };
    }
    const updated = await markRequesterReplied(store, ticket, now);
    await store.addComment(updated.id, { kind: 'requester', ...correction });
    return { kind: 'corrected', ticketNumber: updated.number };
  }

  async deleted(conversation: ConversationRecord, messageKey: string): Promise<MessageChange> {
    const { store } = this.deps;
    const found = await this.find(conversation, messageKey);
    if (!found) return NONE;
    const { ticket, comments, versions } = found;
    const original = versions[0]!;
    if (original.kind !== 'requester') return NONE; // withdrawn already
    if (answeredAfter(comments, original)) {
      // The operator's reply refers to it: the thread stays as the operator saw it (noted once per delete).
      const noted = await store.noteRequesterDeletion(ticket.id, original.id, REQUESTER_ACTOR);
      return noted ? { kind: 'kept', ticketNumber: ticket.number } : NONE;
    }
    // Oldest first; the flags go back with the last version (the earlier ones leave them to it).
    const live = versions.filter((v) => v.kind === 'requester');
    for (const [i, version] of live.entries()) await this.withdraw(ticket.id, version.id, i === live.length - 1);
    return { kind: 'withdrawn', ticketNumber: ticket.number };
  }

  async undeleted(conversation: ConversationRecord, messageKey: string): Promise<MessageChange> {
    const { store } = this.deps;
    const found = await this.find(conversation, messageKey);
    if (!found) return NONE;
    const { ticket, versions } = found;
    const original = versions[0]!;
    if (original.kind === 'deleted') {
      const ids = versions.filter((v) => v.kind === 'deleted').map((v) => v.id);
      return (await this.restore(ticket.id, ids)) ? { kind: 'restored', ticketNumber: ticket.number } : NONE;
    }
    // Kept on the ticket when it was deleted: only the history learns that it is back (never deleted: nothing).
    if (!original.deletedInChannelAt) return NONE;
    const noted = await store.noteRequesterDeletion(ticket.id, original.id, REQUESTER_ACTOR, false);
    return noted ? { kind: 'noted', ticketNumber: ticket.number } : NONE;
  }

  /** Puts the withdrawn comments back, flagging the ticket as a new message would; read again on CONFLICT. */
  private async restore(ticketId: string, commentIds: readonly string[]): Promise<boolean> {
    const { store, clock } = this.deps;
    for (let attempt = 0; ; attempt += 1) {
      const ticket = await store.get(ticketId);
      if (!ticket) return false;
      const patch = requesterRepliedPatch(ticket, clock.now());
      try {
        return await store.restoreRequesterComments(ticketId, commentIds, ticket.version, patch, REQUESTER_ACTOR);
      } catch (err) {
        if (!(err instanceof KotaeError) || err.code !== 'CONFLICT' || attempt >= 2) throw err;
      }
    }
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
   * The message on one of the conversation's open tickets, on it or withdrawn by a delete in Teams (its first
   * version a `requester` or `deleted` comment); undefined for a message the desk never got, withdrawn by
   * ボットに質問する, or on a resolved or closed ticket.
   */
  private async find(conversation: ConversationRecord, messageKey: string): Promise<FoundMessage | undefined> {
    const { store } = this.deps;
    const status = [...OPEN_TICKET_STATUSES];
    const { items } = await store.list({ conversationId: conversation.id, status, limit: 20 });
    for (const ticket of items) {
      const comments = await store.comments(ticket.id);
      const versions = comments.filter((c) => c.messageKey === messageKey);
      if (versions.length === 0) continue;
      const first = versions[0]!.kind;
      return first === 'requester' || first === 'deleted' ? { ticket, comments, versions } : undefined;
    }
    return undefined;
  }
}
