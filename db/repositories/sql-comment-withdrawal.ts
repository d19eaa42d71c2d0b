/**
 * ボットに質問する on SQL: a requester's message comes off its ticket in one transaction — the ticket's
 * flags put back under optimistic locking, the comment marked `withdrawn`, the withdrawal in the history.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { KotaeError } from '../../core';
import { WITHDRAWN_AS_BOT_QUESTION, WITHDRAWN_FIELD, type TicketPatch } from '../../tickets';
import type { TicketCommentRow, TicketEventRow, TicketRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction } from '../transaction-scope';
import { diffPatch } from './ticket-mapping';

/** What one withdrawal changes. */
export interface CommentWithdrawal {
  ticketId: string;
  commentId: string;
  expectedVersion: number;
  patch: TicketPatch;
  actor: string;
  at: Date;
}

/**
 * Withdraws the comment (see TicketStore.withdrawRequesterComment). The ticket row is updated first, on its
 * version: of two presses at once the second waits on that row and then finds a newer version (CONFLICT,
 * nothing written), so the comment is marked once. Inside a caller's transaction (the bot's answer) it
 * joins it; a CONFLICT or a false leaves no write of its own behind.
 */
export function withdrawRequesterComment(ds: DataSource, w: CommentWithdrawal): Promise<boolean> {
  return runDb(ds, () =>
    inTransaction(ds, async (em) => {
      const comment = await em
        .getRepository<TicketCommentRow>('ticket_comment')
        .findOneBy({ id: w.commentId, ticketId: w.ticketId });
      if (!comment || comment.kind !== 'requester') return false;
      const row = await em.getRepository<TicketRow>('ticket').findOneBy({ id: w.ticketId });
      if (!row || row.version !== w.expectedVersion)
        throw new KotaeError('CONFLICT', `ticket ${w.ticketId} is not at version ${w.expectedVersion}`);
      const { set, changes } = diffPatch(row, w.patch, w.at);
      const version = () => `${em.connection.driver.escape('version')} + 1`;
      const moved = await em
        .createQueryBuilder()
        .update('ticket')
        .set({ ...set, updatedAt: w.at, version })
        .where('id = :id AND version = :version', { id: row.id, version: w.expectedVersion })
        .execute();
      if (moved.affected === 0) throw new KotaeError('CONFLICT', `ticket ${row.number} changed concurrently`);
      const marked = await em
        .createQueryBuilder()
        .update('ticket_comment')
        .set({ kind: 'withdrawn' })
        .where('id = :id AND kind = :kind', { id: w.commentId, kind: 'requester' })
        .execute();
      // Every withdrawal updates the ticket row first, so nothing else can have marked it meanwhile.
      if (marked.affected === 0) throw new Error(`comment ${w.commentId} changed under the ticket's lock`);
      for (const c of changes) await addEvent(em, w, c.field, c.before, c.after);
      await addEvent(em, w, WITHDRAWN_FIELD, comment.body, WITHDRAWN_AS_BOT_QUESTION);
      return true;
    }),
  );
}

async function addEvent(
  em: EntityManager,
  w: CommentWithdrawal,
  field: string,
  before: string | null,
  after: string | null,
): Promise<void> {
  await em
    .getRepository<TicketEventRow>('ticket_event')
    .insert({ id: randomUUID(), ticketId: w.ticketId, at: w.at, actor: w.actor, field, before, after });
}
