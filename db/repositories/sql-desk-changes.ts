/**
 * DeskChanges on SQL: aggregates over indexed or small columns, cheap enough to poll every second or two
 * from each open console page. Comments carry no updatedAt, so their count and newest time are used.
 */
import type { DataSource } from 'typeorm';
import type { DeskChanges } from '../../tickets';
import { runDb } from '../run-db';

type Row = Record<string, unknown>;

const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v ?? ''));

/** SQL implementation of DeskChanges. */
export class SqlDeskChanges implements DeskChanges {
  constructor(private readonly ds: DataSource) {}

  private one(sql: string, params: unknown[] = []): Promise<string> {
    return runDb(this.ds, async () => {
      const rows = (await this.ds.query(sql, params)) as Row[];
      return Object.values(rows[0] ?? {})
        .map(text)
        .join('|');
    });
  }

  private param(i: number): string {
    const type = this.ds.options.type;
    return type === 'postgres' ? `$${i}` : type === 'mssql' ? `@${i - 1}` : '?';
  }

  async deskMarker(): Promise<string> {
    const tickets = await this.one(`SELECT COUNT(*) AS n, MAX("updatedAt") AS at FROM "ticket"`);
    const comments = await this.one(`SELECT COUNT(*) AS n, MAX("createdAt") AS at FROM "ticket_comment"`);
    return `${tickets}/${comments}`;
  }

  async ticketMarker(ticketId: string): Promise<string> {
    const p = this.param(1);
    const ticket = await this.one(`SELECT "version", "updatedAt" FROM "ticket" WHERE "id" = ${p}`, [ticketId]);
    const comments = await this.one(`SELECT COUNT(*) AS n FROM "ticket_comment" WHERE "ticketId" = ${p}`, [ticketId]);
    const files = await this.one(`SELECT COUNT(*) AS n FROM "attachment" WHERE "ticketId" = ${p}`, [ticketId]);
    return `${ticket}/${comments}/${files}`;
  }
}
