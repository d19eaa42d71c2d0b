/**
 * TicketOutbox on TypeORM: reply comments not yet delivered to the requester, and their delivery
 * claims. A claim is one conditional UPDATE (`… WHERE id = ? AND deliveredAt IS NULL AND (claimedUntil
 * IS NULL OR claimedUntil < now)`) whose affected-row count says who got it; on PostgreSQL a
 * concurrent claim re-checks the condition on the row the other one wrote, so exactly one wins.
 */
import type { DataSource } from 'typeorm';
import type { TicketComment } from '../../tickets';
import type { OutboxFilter, TicketOutbox } from '../../tickets';
import type { TicketCommentRow } from '../schema';
import { runDb } from '../run-db';
import { toComment } from './ticket-mapping';
import { managerOf } from '../transaction-scope';

/** SQL implementation of TicketOutbox. */
export class SqlTicketOutbox implements TicketOutbox {
  constructor(private readonly ds: DataSource) {}

  private e(name: string): string {
    return this.ds.driver.escape(name);
  }

  async undelivered(limit: number, createdBefore: Date, filter: OutboxFilter = {}): Promise<TicketComment[]> {
    const e = (name: string) => this.e(name);
    const rows = await runDb(this.ds, () => {
      const q = managerOf(this.ds)
        .getRepository<TicketCommentRow>('ticket_comment')
        .createQueryBuilder('c')
        .where("c.kind = 'reply' AND c.deliveredAt IS NULL")
        .andWhere('(c.deliveryError IS NOT NULL OR c.createdAt < :before)', { before: createdBefore });
      if (filter.claimableAt) {
        q.andWhere('(c.claimedUntil IS NULL OR c.claimedUntil < :claimableAt)', { claimableAt: filter.claimableAt });
      }
      if (filter.channel) {
        q.andWhere(
          `c.ticketId IN (SELECT t.${e('id')} FROM ${e('ticket')} t JOIN ${e('conversation')} v ` +
            `ON v.${e('id')} = t.${e('conversationId')} WHERE v.${e('channel')} = :channel)`,
          { channel: filter.channel },
        );
      }
      return q
        .orderBy('c.createdAt', 'ASC')
        .take(Math.max(1, Math.min(limit, 500)))
        .getMany();
    });
    return rows.map(toComment);
  }

  async claim(commentId: string, worker: string, now: Date, until: Date): Promise<boolean> {
    const e = (name: string) => this.e(name);
    const result = await runDb(this.ds, () =>
      managerOf(this.ds)
        .createQueryBuilder()
        .update('ticket_comment')
        .set({ claimedBy: worker, claimedUntil: until })
        .where(`${e('id')} = :commentId AND ${e('deliveredAt')} IS NULL`, { commentId })
        .andWhere(`(${e('claimedUntil')} IS NULL OR ${e('claimedUntil')} < :now)`, { now })
        .execute(),
    );
    return result.affected === 1;
  }

  async release(commentId: string, worker: string, retryAfter?: Date): Promise<void> {
    await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<TicketCommentRow>('ticket_comment')
        .update({ id: commentId, claimedBy: worker }, { claimedBy: null, claimedUntil: retryAfter ?? null }),
    );
  }
}
