/** TicketOutbox on TypeORM: reply comments not yet delivered to the requester. */
import type { DataSource } from 'typeorm';
import type { TicketComment } from '../../bot/ports';
import type { TicketOutbox } from '../../tickets';
import type { TicketCommentRow } from '../schema/rows';
import { runDb } from '../run-db';
import { toComment } from './ticket-mapping';
import { managerOf } from '../transaction-scope';

/** SQL implementation of TicketOutbox. */
export class SqlTicketOutbox implements TicketOutbox {
  constructor(private readonly ds: DataSource) {}

  async undelivered(limit: number, createdBefore: Date): Promise<TicketComment[]> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<TicketCommentRow>('ticket_comment')
        .createQueryBuilder('c')
        .where("c.kind = 'reply' AND c.deliveredAt IS NULL")
        .andWhere('(c.deliveryError IS NOT NULL OR c.createdAt < :before)', { before: createdBefore })
        .orderBy('c.createdAt', 'ASC')
        .take(Math.max(1, Math.min(limit, 500)))
        .getMany(),
    );
    return rows.map(toComment);
  }
}
