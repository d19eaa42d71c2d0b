/**
 * Where a requester's message goes: the pure rules behind RequesterDesk. An open ticket (新規 / 対応中 /
 * 保留) takes it; a ticket resolved within the reopen window takes it after a confirmation; anything
 * else (closed, resolved long ago, someone else's) leaves the message to the bot.
 */
import { type ConversationRecord } from '../conversations';
import { OPEN_TICKET_STATUSES, type TicketRecord } from './records';

/** What to do with a requester's message. */
export type ReplyRoute =
  { kind: 'append'; ticket: TicketRecord } | { kind: 'confirm_reopen'; ticket: TicketRecord } | { kind: 'none' };

/** The calendar the rules need: the end of a window of business days. */
export interface ReopenCalendar {
  businessDaysDeadline(instant: Date, days: number): Date;
}

/** Whether a resolved ticket may still be reopened by its requester at `now` (0 days: never). */
export function withinReopenWindow(
  ticket: TicketRecord,
  now: Date,
  reopenBusinessDays: number,
  calendar: ReopenCalendar,
): boolean {
  if (ticket.status !== 'resolved' || !ticket.resolvedAt || reopenBusinessDays <= 0) return false;
  return now.getTime() < calendar.businessDaysDeadline(ticket.resolvedAt, reopenBusinessDays).getTime();
}

/**
 * Routes a message given the conversation's tickets: the newest open ticket takes it; otherwise the
 * newest resolved ticket inside the window asks for confirmation.
 */
export function routeRequesterMessage(
  tickets: readonly TicketRecord[],
  now: Date,
  reopenBusinessDays: number,
  calendar: ReopenCalendar,
): ReplyRoute {
  const newestFirst = [...tickets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const open = newestFirst.find((t) => OPEN_TICKET_STATUSES.includes(t.status));
  if (open) return { kind: 'append', ticket: open };
  const resolved = newestFirst
    .filter((t) => withinReopenWindow(t, now, reopenBusinessDays, calendar))
    .sort((a, b) => (b.resolvedAt?.getTime() ?? 0) - (a.resolvedAt?.getTime() ?? 0))[0];
  return resolved ? { kind: 'confirm_reopen', ticket: resolved } : { kind: 'none' };
}

/**
 * Whether the conversation's requester may see the ticket: it was opened from this conversation, or
 * both carry the same identity of a channel that authenticates it (e.g. the same Teams user in another
 * chat). The web chat's `user.id` is whatever the page sends, so there only the conversation counts.
 */
export function isRequesterOf(ticket: TicketRecord, conversation: ConversationRecord): boolean {
  if (ticket.conversationId && ticket.conversationId === conversation.id) return true;
  const id = conversation.requester.id;
  if (!id || conversation.channel === 'web' || conversation.channel === 'cli') return false;
  return ticket.requester.id === id && ticket.channel === conversation.channel;
}
