/** The terminal a ticket concerns (table ticket_terminal) and ticket numbers by id (for the operations reports). */
import { In, type DataSource } from 'typeorm';
import type { TicketNumbers, TicketTerminals } from '../../operations';
import type { TicketTerminalRow } from '../schema';
import type { TicketRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';

/** SQL implementation of TicketTerminals and TicketNumbers. */
export class SqlTicketTerminals implements TicketTerminals, TicketNumbers {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private repo() {
    return managerOf(this.ds).getRepository<TicketTerminalRow>('ticket_terminal');
  }

  async set(ticketId: string, terminalId: string | undefined, actor: string): Promise<void> {
    await runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        const repo = em.getRepository<TicketTerminalRow>('ticket_terminal');
        await repo.delete({ ticketId });
        if (terminalId) await repo.insert({ ticketId, terminalId, linkedAt: this.now(), linkedBy: actor });
      }),
    );
  }

  async terminalOf(ticketId: string): Promise<string | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ ticketId }));
    return row?.terminalId;
  }

  async ticketsOf(terminalId: string): Promise<string[]> {
    const rows = await runDb(this.ds, () => this.repo().find({ where: { terminalId }, order: { linkedAt: 'DESC' } }));
    return rows.map((r) => r.ticketId);
  }

  async numbersOf(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const rows = await runDb(this.ds, () =>
        managerOf(this.ds)
          .getRepository<TicketRow>('ticket')
          .find({ select: { id: true, number: true }, where: { id: In(part) } }),
      );
      for (const r of rows) out.set(r.id, r.number);
    }
    return out;
  }
}
