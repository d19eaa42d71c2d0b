/** Desk events built from tickets: subject, body and the console link, in Japanese. */
import type { TicketRecord } from '../tickets';
import { NOTIFY_MESSAGES as N } from './messages';
import type { DeskEvent } from './types';

/** Where the console's ticket pages are (e.g. `https://kotae.example.lg.jp/console`). */
export type ConsoleLink = (ticketNumber: string) => string;

function body(t: TicketRecord, link: string, ...lines: string[]): string {
  const who = [t.requester.name, t.requester.department].filter(Boolean).join(' ');
  return [...lines, N.requester(who), '', t.details.slice(0, 500), '', N.open(link)].join('\n');
}

/** A new ticket. */
export function ticketCreated(t: TicketRecord, link: ConsoleLink): DeskEvent {
  const url = link(t.number);
  const subject = N.ticketCreated(t.number, t.title);
  return { event: 'ticket_created', key: `created:${t.id}`, subject, body: body(t, url, subject), link: url };
}

/** A requester wrote to the ticket (`commentId` identifies the message). */
export function requesterReplied(t: TicketRecord, commentId: string, text: string, link: ConsoleLink): DeskEvent {
  const url = link(t.number);
  const subject = N.requesterReplied(t.number, t.title);
  return {
    event: 'requester_replied',
    key: `reply:${commentId}`,
    subject,
    body: [subject, '', text.slice(0, 1000), '', N.open(url)].join('\n'),
    link: url,
  };
}

/**
 * The requester restored a message they had deleted (it is back on the ticket): told like a new message, under
 * its own key per ticket version, since the message's first notification already used `reply:<commentId>`.
 */
export function requesterRestored(t: TicketRecord, commentId: string, text: string, link: ConsoleLink): DeskEvent {
  const event = requesterReplied(t, commentId, `${N.restoredMark}\n${text}`, link);
  return { ...event, key: `restored:${commentId}:${t.version}` };
}

/** The ticket was assigned to `assignee` (one key per ticket version). */
export function assigned(t: TicketRecord, assignee: string, link: ConsoleLink): DeskEvent {
  const url = link(t.number);
  const subject = N.assigned(t.number, t.title);
  return {
    event: 'assigned',
    key: `assigned:${t.id}:${t.version}`,
    subject,
    body: body(t, url, subject),
    link: url,
    onlyFor: assignee,
  };
}
