/**
 * Many tickets at once, written as rows in one transaction (a queue of more than 1,000 tickets in
 * seconds): ticket i is HD-2026-00000i, created i seconds after `start`, 新規・問合せ・中 unless `shape`
 * says otherwise.
 */
import type { DataSource } from 'typeorm';
import type { TicketRow } from '../../db/schema';

/** The ticket number of ticket i. */
export const bulkNumber = (i: number): string => `HD-2026-${String(i).padStart(6, '0')}`;

/** Inserts tickets 1…count; `shape` overrides columns of ticket i. */
export async function insertBulkTickets(
  ds: DataSource,
  count: number,
  start: Date,
  shape: (i: number) => Partial<TicketRow> = () => ({}),
): Promise<void> {
  const rows = Array.from({ length: count }, (_, n) => ({ ...ticketRow(n + 1, start), ...shape(n + 1) }));
  await ds.transaction(async (em) => {
    // 100 rows a statement keeps every database under its bound-parameter limit.
    for (let n = 0; n < rows.length; n += 100)
      await em.getRepository<TicketRow>('ticket').insert(rows.slice(n, n + 100));
  });
}

function ticketRow(i: number, start: Date): TicketRow {
  const at = new Date(start.getTime() + i * 1000);
  return {
    id: `bulk-${i}`,
    number: bulkNumber(i),
    year: 2026,
    seq: i,
    conversationId: null,
    status: 'new',
    type: 'inquiry',
    priority: 'normal',
    category: 'メール',
    title: `件名 ${i}`,
    details: '内容',
    requesterId: null,
    requesterName: null,
    department: null,
    requesterPhone: null,
    channel: 'web',
    assignee: null,
    createdAt: at,
    updatedAt: at,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    incidentCause: null,
    incidentActions: null,
    incidentPrevention: null,
    holds: '[]',
    version: 1,
    dedupeKey: `row:bulk-${i}`,
    requesterRepliedAt: null,
    restorationStartedAt: null,
    incidentReportAt: null,
    confidentiality: null,
  };
}
