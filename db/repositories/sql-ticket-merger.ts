/** TicketMerger on SQL: one transaction moves comments, attachments and history, and records the merge. */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TicketMerger } from '../../tickets';
import type { TicketEventRow } from '../schema/rows';
import { runDb } from '../run-db';

/** SQL implementation of TicketMerger. */
export class SqlTicketMerger implements TicketMerger {
  constructor(private readonly ds: DataSource) {}

  async moveContent(fromTicketId: string, toTicketId: string, actor: string, at: Date): Promise<void> {
    await runDb(this.ds, () =>
      this.ds.transaction(async (em) => {
        for (const table of ['ticket_comment', 'attachment', 'ticket_event'])
          await em
            .createQueryBuilder()
            .update(table)
            .set({ ticketId: toTicketId })
            .where('"ticketId" = :from', { from: fromTicketId })
            .execute();
        const numbers = (await em.query(
          `SELECT "id", "number" FROM "ticket" WHERE "id" IN (${this.ds.options.type === 'postgres' ? '$1, $2' : this.ds.options.type === 'mssql' ? '@0, @1' : '?, ?'})`,
          [fromTicketId, toTicketId],
        )) as { id: string; number: string }[];
        const numberOf = (id: string) => numbers.find((n) => n.id === id)?.number ?? id;
        const events = em.getRepository<TicketEventRow>('ticket_event');
        await events.insert({
          id: randomUUID(),
          ticketId: toTicketId,
          at,
          actor,
          field: 'merged',
          before: null,
          after: numberOf(fromTicketId),
        });
        await events.insert({
          id: randomUUID(),
          ticketId: fromTicketId,
          at,
          actor,
          field: 'mergedInto',
          before: null,
          after: numberOf(toTicketId),
        });
      }),
    );
  }
}
