/**
 * The requester's side of a ticket, for every channel: messages while a ticket is open are added to it
 * (保留 → 対応中, a resolved one reopened after a confirmation) and flagged for the operators
 * (「依頼者から返信あり」); status questions are answered to the ticket's requester only.
 */
import { KotaeError } from '../core';
import type { Clock } from '../core';
import type { ConversationStore } from '../conversations';
import type { BotQuestionWithdrawal, RequesterIntent, TicketDesk, TicketStore } from './ports';
import type { BotReply, ConversationRecord } from '../conversations';
import { OPEN_TICKET_STATUSES, type TicketRecord } from './records';
import { formatJstDayTime } from '../calendar';
import { TICKET_MESSAGES as M } from './messages';
import { isRequesterOf, routeRequesterMessage, type ReopenCalendar } from './reply-routing';
import { markRequesterReplied } from './requester-replied';
import {
  answeredAfter,
  pendingMessage,
  REQUESTER_ACTOR,
  restorePatch,
  type TicketWithComments,
} from './requester-withdrawal';

/** The calendar the desk needs: the reopen window and desk hours. */
export interface DeskCalendar extends ReopenCalendar {
  isOpen(at: Date): boolean;
  nextOpening(at: Date): Date;
}

/** What RequesterDesk needs. */
export interface RequesterDeskDeps {
  store: TicketStore;
  conversations: Pick<ConversationStore, 'appendTranscript'>;
  calendar: DeskCalendar;
  clock: Clock;
  /** A resolved ticket takes the requester's messages (after confirmation) for this many business days. */
  reopenBusinessDays: number;
}

const ACTOR = REQUESTER_ACTOR;
/** Tickets listed in a status answer without a number. */
const STATUS_LIST_LIMIT = 5;

/** Implements the bot's TicketDesk port on the ticket store. */
export class RequesterDesk implements TicketDesk {
  constructor(private readonly deps: RequesterDeskDeps) {}

  async routeRequesterMessage(
    conversation: ConversationRecord,
    text: string,
    intent: RequesterIntent,
    messageKey?: string,
  ): Promise<BotReply | undefined> {
    const { store, clock, calendar, reopenBusinessDays } = this.deps;
    const { items } = await store.list({ conversationId: conversation.id, limit: 20 });
    const route = routeRequesterMessage(items, clock.now(), reopenBusinessDays, calendar);
    if (route.kind === 'append') return this.append(route.ticket, conversation, text, messageKey);
    if (route.kind === 'confirm_reopen') {
      if (intent === 'reopen') return this.append(route.ticket, conversation, text, messageKey);
      return this.reply(conversation, M.confirmReopen(route.ticket.number), ['reopen', 'ask_bot'], {
        pendingText: text,
        ticketNumber: route.ticket.number,
      });
    }
    if (intent !== 'reopen') return undefined;
    // The button was pressed after the window closed (or the ticket was closed meanwhile): nothing is written.
    const latest = items[0];
    return this.reply(conversation, latest ? M.reopenExpired(latest.number) : M.nothingToReopen, ['ask_bot'], {
      pendingText: text,
    });
  }

  async status(conversation: ConversationRecord, number?: string): Promise<BotReply> {
    const { store } = this.deps;
    let text: string;
    if (number) {
      const ticket = number.length <= 64 ? await store.get(number) : undefined;
      text = ticket && isRequesterOf(ticket, conversation) ? this.statusText(ticket) : M.statusNotFound;
    } else {
      const { items } = await store.list({ conversationId: conversation.id, limit: STATUS_LIST_LIMIT });
      text = items.length ? items.map((t) => this.statusText(t)).join('\n\n') : M.statusNone;
    }
    return this.reply(conversation, text, []);
  }

  async withdrawForBot(conversation: ConversationRecord, text: string): Promise<BotQuestionWithdrawal> {
    const { store } = this.deps;
    for (let attempt = 0; ; attempt += 1) {
      const { items } = await store.list({ conversationId: conversation.id, limit: 20 });
      const open: TicketWithComments[] = [];
      for (const ticket of items.filter((t) => OPEN_TICKET_STATUSES.includes(t.status)))
        open.push({ ticket, comments: await store.comments(ticket.id) });
      const found = pendingMessage(open, text);
      if (!found || found.comment.kind !== 'requester') return { kind: 'none' };
      const { ticket, comment, comments } = found;
      // The operator's reply answers it: the thread stays as the operator saw it.
      if (answeredAfter(comments, comment))
        return { kind: 'kept', ticketNumber: ticket.number, notice: M.keptForBot(ticket.number) };
      const patch = restorePatch(ticket, comments, await store.history(ticket.id), comment);
      try {
        const withdrawn = await store.withdrawRequesterComment(ticket.id, comment.id, ticket.version, patch, ACTOR);
        if (!withdrawn) return { kind: 'none' };
        return { kind: 'withdrawn', ticketNumber: ticket.number, notice: M.withdrawnForBot(ticket.number) };
      } catch (err) {
        // An operator saved the ticket meanwhile (nothing was written): read it again.
        if (!(err instanceof KotaeError) || err.code !== 'CONFLICT' || attempt >= 2) throw err;
      }
    }
  }

  private statusText(t: TicketRecord): string {
    return M.statusOf(t.number, t.title, t.status, formatJstDayTime(t.updatedAt), Boolean(t.assignee));
  }

  /** Adds the message to the ticket: the status moves first (so a stale ticket writes nothing), then the comment. */
  private async append(
    ticket: TicketRecord,
    conversation: ConversationRecord,
    text: string,
    messageKey?: string,
  ): Promise<BotReply> {
    const { store, conversations, clock, calendar } = this.deps;
    const now = clock.now();
    const updated = await markRequesterReplied(store, ticket, now);
    await store.addComment(updated.id, {
      kind: 'requester',
      author: (conversation.requester.name ?? M.requesterAuthor).slice(0, 100),
      body: text,
      deliveredAt: now,
      ...(messageKey ? { messageKey } : {}),
    });
    const afterHours = calendar.isOpen(now) ? undefined : M.afterHours(formatJstDayTime(calendar.nextOpening(now)));
    const ack = M.requesterAdded(updated.number, afterHours);
    await conversations.appendTranscript(conversation.id, { role: 'user', text, at: now });
    await conversations.appendTranscript(conversation.id, { role: 'system', text: ack, at: clock.now() });
    return {
      conversationId: conversation.id,
      text: ack,
      sources: [],
      choices: [],
      actions: ['ask_bot'],
      pendingText: text,
      ticketNumber: updated.number,
      ...(afterHours ? { afterHoursNotice: afterHours } : {}),
    };
  }

  private async reply(
    conversation: ConversationRecord,
    text: string,
    actions: BotReply['actions'],
    extra: Pick<BotReply, 'pendingText' | 'ticketNumber'> = {},
  ): Promise<BotReply> {
    return { conversationId: conversation.id, text, sources: [], choices: [], actions, ...extra };
  }
}
