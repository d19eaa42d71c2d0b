/** TicketMerger on SQL: one transaction moves comments, attachments and history, and records the merge. */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TicketLinks, TicketMerger } from '../../tickets';
import type { TicketEventRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction } from '../transaction-scope';

/** SQL implementation of TicketMerger. */
export class SqlTicketMerger implements TicketMerger {
  constructor(private readonly ds: DataSource) {}

  async moveContent(fromTicketId: string, toTicketId: string, actor: string, at: Date): Promise<void> {
    await runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
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

/** TicketLinks on SQL: a 'related' history event on each of the two tickets. */
export class SqlTicketLinks implements TicketLinks {
  constructor(private readonly ds: DataSource) {}

  async link(ticketId: string, otherId: string, actor: string, at: Date): Promise<void> {
    await runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        const tickets = em.getRepository<{ id: string; number: string }>('ticket');
        const [a, b] = [await tickets.findOneBy({ id: ticketId }), await tickets.findOneBy({ id: otherId })];
        if (!a || !b) return;
        const events = em.getRepository<TicketEventRow>('ticket_event');
        const existing = await events.countBy({ ticketId: a.id, field: 'related', after: b.number });
        if (existing > 0) return;
        await events.insert({
          id: randomUUID(),
          ticketId: a.id,
          at,
          actor,
          field: 'related',
          before: null,
          after: b.number,
        });
        await events.insert({
          id: randomUUID(),
          ticketId: b.id,
          at,
          actor,
          field: 'related',
          before: null,
          after: a.number,
        });
      }),
    );
  }

  async related(ticketId: string): Promise<string[]> {
    const rows = await runDb(this.ds, () =>
      this.ds
        .getRepository<TicketEventRow>('ticket_event')
        .find({ where: { ticketId, field: 'related' }, order: { at: 'ASC' } }),
    );
    return rows.map((r) => r.after ?? '').filter(Boolean);
  }
}
