/**
 * ボットに質問する after a message went to the open ticket: which requester message comes off the ticket, and
 * how the ticket's flags go back to what they were before it (pure rules; RequesterDesk reads and writes).
 */
import type { TicketComment, TicketEvent, TicketPatch } from './ports';
import { OPEN_TICKET_STATUSES, type TicketRecord, type TicketStatus } from './records';

/** The actor the requester's own changes are recorded under. */
export const REQUESTER_ACTOR = 'requester';

/** A ticket with its comments, oldest first. */
export interface TicketWithComments {
  ticket: TicketRecord;
  comments: readonly TicketComment[];
}

/**
 * The requester's newest message `text` on the open tickets, withdrawn ones included (so a second press finds
 * the withdrawn one and does nothing). Messages on resolved or closed tickets are never taken back.
 */
export function pendingMessage(
  tickets: readonly TicketWithComments[],
  text: string,
): (TicketWithComments & { comment: TicketComment }) | undefined {
  let found: (TicketWithComments & { comment: TicketComment }) | undefined;
  for (const entry of tickets) {
    if (!OPEN_TICKET_STATUSES.includes(entry.ticket.status)) continue;
    for (const comment of entry.comments) {
      if (comment.body !== text || (comment.kind !== 'requester' && comment.kind !== 'withdrawn')) continue;
      if (!found || comment.createdAt.getTime() >= found.comment.createdAt.getTime()) found = { ...entry, comment };
    }
  }
  return found;
}

/** Whether an operator replied to the requester at or after the message (it is then part of the thread). */
export function answeredAfter(comments: readonly TicketComment[], message: TicketComment): boolean {
  return comments.some((c) => c.kind === 'reply' && c.createdAt.getTime() >= message.createdAt.getTime());
}

/**
 * What puts the ticket back once `message` is withdrawn: 「依頼者から返信あり」 points at the newest requester
 * message still unanswered (or is cleared), and a status the message moved (保留 / 解決 → 対応中) goes back
 * when nothing changed the status since and no other requester message came after that move.
 */
export function restorePatch(
  ticket: TicketRecord,
  comments: readonly TicketComment[],
  history: readonly TicketEvent[],
  message: TicketComment,
): TicketPatch {
  const remaining = comments.filter((c) => c.kind === 'requester' && c.id !== message.id);
  const lastReply = Math.max(
    -Infinity,
    ...comments.filter((c) => c.kind === 'reply').map((c) => c.createdAt.getTime()),
  );
  const unanswered = remaining.map((c) => c.createdAt.getTime()).filter((at) => at > lastReply);
  const patch: TicketPatch = {};
  if (ticket.requesterRepliedAt)
    patch.requesterRepliedAt = unanswered.length ? new Date(Math.max(...unanswered)) : null;
  const moved = history.filter((e) => e.field === 'status').at(-1);
  const before = moved?.before as TicketStatus | undefined;
  if (
    moved &&
    ticket.status === 'in_progress' &&
    moved.actor === REQUESTER_ACTOR &&
    moved.after === 'in_progress' &&
    (before === 'on_hold' || before === 'resolved') &&
    moved.at.getTime() <= message.createdAt.getTime() &&
    !remaining.some((c) => c.createdAt.getTime() >= moved.at.getTime())
  ) {
    patch.status = before;
    if (before === 'resolved') {
      // The resolution time the reopening cleared, so the reopen window and the reports stay as they were.
      const cleared = history.find((e) => e.field === 'resolvedAt' && e.at.getTime() === moved.at.getTime());
      patch.resolvedAt = cleared?.before ? new Date(cleared.before) : moved.at;
    }
  }
  return patch;
}
