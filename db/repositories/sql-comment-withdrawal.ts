/**
 * A requester's message comes off its ticket on SQL (ボットに質問する, or deleted in Teams) in one transaction —
 * the ticket's flags put back under optimistic locking, the comment marked `withdrawn` / `deleted`, the
 * withdrawal in the history — or, deleted after an operator's reply, stays with a line in the history. An
 * undelete in Teams puts a `deleted` message back the same way, or notes the restore of a kept one.
 */
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { KotaeError } from '../../core';
import {
  KEPT_AFTER_TEAMS_DELETE,
  KEPT_AFTER_TEAMS_UNDELETE,
  RESTORED_AFTER_TEAMS_UNDELETE,
  WITHDRAWN_AS_TEAMS_DELETED,
  WITHDRAWN_FIELD,
  type TicketPatch,
  type WithdrawalReason,
} from '../../tickets';
import type { TicketCommentRow, TicketEventRow, TicketRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction } from '../transaction-scope';
import { diffPatch } from './ticket-mapping';

/** Whose history entry, when, on which ticket. */
interface EventScope {
  ticketId: string;
  actor: string;
  at: Date;
}

/** What one withdrawal changes. */
export interface CommentWithdrawal extends EventScope {
  commentId: string;
  expectedVersion: number;
  patch: TicketPatch;
  reason: WithdrawalReason;
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
        .set({ kind: w.reason === WITHDRAWN_AS_TEAMS_DELETED ? 'deleted' : 'withdrawn' })
        .where('id = :id AND kind = :kind', { id: w.commentId, kind: 'requester' })
        .execute();
      // Every withdrawal updates the ticket row first, so nothing else can have marked it meanwhile.
      if (marked.affected === 0) throw new Error(`comment ${w.commentId} changed under the ticket's lock`);
      for (const c of changes) await addEvent(em, w, c.field, c.before, c.after);
      await addEvent(em, w, WITHDRAWN_FIELD, comment.body, w.reason);
      return true;
    }),
  );
}

/**
 * Notes a delete in Teams of a message an operator replied to, or its undelete (see
 * TicketStore.noteRequesterDeletion): the mark and the history entry in one transaction, the mark set or cleared
 * only when it is not so already, so a second delivery writes nothing.
 */
export function noteRequesterDeletion(
  ds: DataSource,
  n: EventScope & { commentId: string; deleted: boolean },
): Promise<boolean> {
  return runDb(ds, () =>
    inTransaction(ds, async (em) => {
      const comment = await em
        .getRepository<TicketCommentRow>('ticket_comment')
        .findOneBy({ id: n.commentId, ticketId: n.ticketId });
      if (!comment || comment.kind !== 'requester') return false;
      const column = em.connection.driver.escape('deletedInChannelAt');
      const marked = await em
        .createQueryBuilder()
        .update('ticket_comment')
        .set({ deletedInChannelAt: n.deleted ? n.at : null })
        .where(`id = :id AND ${column} IS ${n.deleted ? 'NULL' : 'NOT NULL'}`, { id: n.commentId })
        .execute();
      if (marked.affected === 0) return false;
      const note = n.deleted ? KEPT_AFTER_TEAMS_DELETE : KEPT_AFTER_TEAMS_UNDELETE;
      await addEvent(em, n, WITHDRAWN_FIELD, comment.body, note);
      return true;
    }),
  );
}

/** What one restore changes. */
export interface CommentRestore extends EventScope {
  commentIds: readonly string[];
  expectedVersion: number;
  patch: TicketPatch;
}

/**
 * Puts back the comments a delete in Teams withdrew (see TicketStore.restoreRequesterComments), locked like a
 * withdrawal: the ticket row first, on its version, so of two restores at once the second gets CONFLICT.
 */
export function restoreRequesterComments(ds: DataSource, r: CommentRestore): Promise<boolean> {
  return runDb(ds, () =>
    inTransaction(ds, async (em) => {
      const found = await em
        .getRepository<TicketCommentRow>('ticket_comment')
        .findBy({ id: In([...r.commentIds]), ticketId: r.ticketId, kind: 'deleted' });
      if (found.length === 0) return false;
      const deleted = found.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const row = await em.getRepository<TicketRow>('ticket').findOneBy({ id: r.ticketId });
      if (!row || row.version !== r.expectedVersion)
        throw new KotaeError('CONFLICT', `ticket ${r.ticketId} is not at version ${r.expectedVersion}`);
      const { set, changes } = diffPatch(row, r.patch, r.at);
      const version = () => `${em.connection.driver.escape('version')} + 1`;
      const moved = await em
        .createQueryBuilder()
        .update('ticket')
        .set({ ...set, updatedAt: r.at, version })
        .where('id = :id AND version = :version', { id: row.id, version: r.expectedVersion })
        .execute();
      if (moved.affected === 0) throw new KotaeError('CONFLICT', `ticket ${row.number} changed concurrently`);
      const restored = await em
        .createQueryBuilder()
        .update('ticket_comment')
        .set({ kind: 'requester', deletedInChannelAt: null })
        .where('id IN (:...ids) AND kind = :kind', { ids: deleted.map((c) => c.id), kind: 'deleted' })
        .execute();
      // Every restore and withdrawal updates the ticket row first, so nothing else can have changed them meanwhile.
      if (restored.affected !== deleted.length) throw new Error(`comments of ${row.number} changed under its lock`);
      for (const c of changes) await addEvent(em, r, c.field, c.before, c.after);
      await addEvent(em, r, WITHDRAWN_FIELD, deleted[0]!.body, RESTORED_AFTER_TEAMS_UNDELETE);
      return true;
    }),
  );
}

async function addEvent(
  em: EntityManager,
  scope: EventScope,
  field: string,
  before: string | null,
  after: string | null,
): Promise<void> {
  await em
    .getRepository<TicketEventRow>('ticket_event')
    .insert({ id: randomUUID(), ticketId: scope.ticketId, at: scope.at, actor: scope.actor, field, before, after });
}
