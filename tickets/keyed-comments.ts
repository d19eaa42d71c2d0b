/**
 * Write keys of replies and notes (issue 17 point 5), as TicketService uses them: the keyed write of a
 * comment, and the answer to a repeated POST — the comment the first one wrote, delivered if still pending.
 */
import { KotaeError } from '../core';
import type { TicketComment, TicketStore } from './ports';
import type { TicketRecord } from './records';
import type { ReplyDelivery } from './reply-delivery';
import { fingerprintOf, type KeyedWrite } from './write-keys';

/** The keyed write of a comment, or undefined without a key; `parts` are what the operator submitted. */
export function commentWrite(
  writeKey: string | undefined,
  scope: 'ticket.reply' | 'ticket.note',
  actor: string,
  ticketId: string,
  parts: readonly string[],
): KeyedWrite | undefined {
  const fingerprint = fingerprintOf(parts);
  return writeKey ? { writeKey, scope, actor, ticketId, fingerprint } : undefined;
}

/** What answering a repeated write needs of the ticket service. */
export interface KeyedCommentDeps {
  /** The ticket as the service's viewer may see it (NOT_FOUND otherwise). */
  get(idOrNumber: string): Promise<TicketRecord>;
  store: Pick<TicketStore, 'comments'>;
  delivery: Pick<ReplyDelivery, 'deliver'>;
}

/** The ticket and the comment an earlier keyed write made on it (CONFLICT when it is gone, e.g. merged). */
export async function earlierComment(
  d: KeyedCommentDeps,
  ticketId: string,
  commentId: string,
): Promise<[TicketRecord, TicketComment]> {
  const ticket = await d.get(ticketId);
  const comment = (await d.store.comments(ticket.id)).find((c) => c.id === commentId);
  if (!comment) throw new KotaeError('CONFLICT', `comment ${commentId} of a write key is gone`);
  return [ticket, comment];
}

/**
 * How long a second POST of a key waits for the first one's send: 2 s was too short on a loaded server (the second
 * POST said 「送信に失敗したため、後で再送します」 while the first was still sending).
 */
const REPLAY_WAIT_MS = 10_000;

/**
 * The reply an earlier POST of the same key wrote, delivered now if it is pending and unclaimed; while
 * that POST still holds its claim (sending), waits up to {@link REPLAY_WAIT_MS} for the outcome so both answer alike.
 */
export async function replyAgain(d: KeyedCommentDeps, ticketId: string, commentId: string): Promise<TicketComment> {
  const [ticket, earlier] = await earlierComment(d, ticketId, commentId);
  let current = earlier.deliveredAt ? earlier : await d.delivery.deliver(ticket, earlier);
  for (let waited = 0; !current.deliveredAt && !current.deliveryError && waited < REPLAY_WAIT_MS; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = (await earlierComment(d, ticketId, commentId))[1];
  }
  return current;
}
