/**
 * What a retention run would delete now (`kotae retention run --dry-run`, session 31): the rows the
 * retention store selects (conversations last active before their cutoff and not linked to an unclosed
 * ticket, tickets closed before theirs, attachments stored before theirs) and the audit rows before the
 * audit cutoff (the newest row is always kept), counted without deleting anything.
 */
import type { DataSource } from 'typeorm';
import { runDb } from '../run-db';
import { expiredConversations, expiredTickets } from './sql-retention';

/** Rows a run would delete, by class. */
export interface RetentionPreviewRows {
  conversations: number;
  tickets: number;
  attachments: number;
  auditRows: number;
}

/** Counts the expired rows of every class. */
export function previewRetentionRows(
  ds: DataSource,
  cutoffs: { conversation: Date; ticket: Date; attachment: Date; audit: Date },
): Promise<RetentionPreviewRows> {
  const count = async (qb: ReturnType<DataSource['createQueryBuilder']>) =>
    Number((await qb.select('count(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0);
  return runDb(ds, async () => {
    const conversations = await count(expiredConversations(ds.createQueryBuilder(), cutoffs.conversation));
    const tickets = await count(expiredTickets(ds.createQueryBuilder(), cutoffs.ticket));
    const attachments = await count(
      ds.createQueryBuilder().from('attachment', 'a').where('a.createdAt < :cutoff', { cutoff: cutoffs.attachment }),
    );
    // As SqlAuditLog.pruneBefore: every row up to the newest one before the cutoff, unless that is the head.
    const seq = async (where: string, params: object) =>
      Number(
        (
          await ds
            .createQueryBuilder()
            .select('max(l.seq)', 'seq')
            .from('audit_log', 'l')
            .where(where, params)
            .getRawOne<{ seq: number | string | null }>()
        )?.seq ?? 0,
      );
    const head = await seq('1 = 1', {});
    const through = await seq('l.at < :cutoff', { cutoff: cutoffs.audit });
    const auditRows =
      through > 0 && through < head
        ? await count(ds.createQueryBuilder().from('audit_log', 'l').where('l.seq <= :through', { through }))
        : 0;
    return { conversations, tickets, attachments, auditRows };
  });
}
