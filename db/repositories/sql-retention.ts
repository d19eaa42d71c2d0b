/**
 * RetentionStore on TypeORM: selects up to `batchSize` expired ids, deletes them and their
 * dependent rows in one transaction (one `runDb` unit of work per batch, so the app keeps
 * answering between batches), and repeats until a batch comes back short.
 */
import { In, IsNull, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { ConversationPurge, RetentionStore, TicketPurge } from '../../jobs';
import { runDb } from '../run-db';

type Counts<T> = { [K in keyof T]: number };

/** Conversations idle since before `cutoff` with no ticket still open: what retention deletes (and previews). */
export function expiredConversations(
  qb: SelectQueryBuilder<ObjectLiteral>,
  cutoff: Date,
): SelectQueryBuilder<ObjectLiteral> {
  return qb
    .from('conversation', 'c')
    .where('c.lastActivityAt < :cutoff', { cutoff })
    .andWhere((sub) => {
      const openTicket = sub
        .subQuery()
        .select('1')
        .from('ticket', 't')
        .where('t.conversationId = c.id')
        .andWhere('t.status <> :closed', { closed: 'closed' });
      return `NOT EXISTS ${openTicket.getQuery()}`;
    });
}

/** Tickets closed before `cutoff`: what retention deletes (and previews). */
export function expiredTickets(qb: SelectQueryBuilder<ObjectLiteral>, cutoff: Date): SelectQueryBuilder<ObjectLiteral> {
  return qb
    .from('ticket', 't')
    .where('t.status = :closed', { closed: 'closed' })
    .andWhere('t.closedAt < :cutoff', { cutoff });
}

/** SQL implementation of RetentionStore. */
export class SqlRetentionStore implements RetentionStore {
  constructor(private readonly ds: DataSource) {}

  purgeConversations(cutoff: Date, batchSize: number): Promise<ConversationPurge> {
    const zero: ConversationPurge = {
      conversations: 0,
      transcriptEntries: 0,
      questions: 0,
      feedback: 0,
      attachments: 0,
    };
    return this.inBatches(
      zero,
      async (em) => {
        const ids = await idsOf(
          expiredConversations(em.createQueryBuilder().select('c.id', 'id'), cutoff).orderBy('c.lastActivityAt', 'ASC'),
          batchSize,
        );
        if (ids.length === 0) return { ids, counts: zero };
        const byConversation = { conversationId: In(ids) };
        return {
          ids,
          counts: {
            transcriptEntries: await remove(em, 'transcript_entry', byConversation),
            questions: await remove(em, 'question', byConversation),
            feedback: await remove(em, 'feedback', byConversation),
            // Files held on a conversation that never became a ticket (their content goes with the file sweep).
            attachments: await remove(em, 'attachment', { conversationId: In(ids), ticketId: IsNull() }),
            conversations: await remove(em, 'conversation', { id: In(ids) }),
          },
        };
      },
      batchSize,
    );
  }

  async purgeClosedTickets(cutoff: Date, batchSize: number): Promise<TicketPurge> {
    const zero: Counts<Omit<TicketPurge, 'numbers'>> = {
      tickets: 0,
      comments: 0,
      events: 0,
      attachments: 0,
      transcriptEntries: 0,
    };
    // Filled after each committed batch (a batch retried by runDb is not counted twice).
    const numbers: string[] = [];
    const counts = await this.inBatches(
      zero,
      async (em) => {
        const rows = await expiredTickets(
          em.createQueryBuilder().select('t.id', 'id').addSelect('t.number', 'number'),
          cutoff,
        )
          .orderBy('t.closedAt', 'ASC')
          .limit(batchSize)
          .getRawMany<{ id: string; number: string }>();
        const ids = rows.map((r) => r.id);
        if (ids.length === 0) return { ids, counts: zero };
        const byTicket = { ticketId: In(ids) };
        return {
          ids,
          labels: rows.map((r) => r.number),
          counts: {
            comments: await remove(em, 'ticket_comment', byTicket),
            events: await remove(em, 'ticket_event', byTicket),
            attachments: await remove(em, 'attachment', byTicket),
            // A ticket's transcript copy is keyed by the ticket id.
            transcriptEntries: await remove(em, 'transcript_entry', { conversationId: In(ids) }),
            tickets: await remove(em, 'ticket', { id: In(ids) }),
          },
        };
      },
      batchSize,
      (labels) => numbers.push(...labels),
    );
    return { ...counts, numbers: numbers.sort() };
  }

  /** Attachment rows stored before `cutoff` (their files go with the unreferenced-file sweep). */
  async purgeAttachments(cutoff: Date, batchSize: number): Promise<number> {
    const zero = { attachments: 0 };
    const counts = await this.inBatches(
      zero,
      async (em) => {
        const ids = await idsOf(
          em
            .createQueryBuilder()
            .select('a.id', 'id')
            .from('attachment', 'a')
            .where('a.createdAt < :cutoff', { cutoff })
            .orderBy('a.createdAt', 'ASC'),
          batchSize,
        );
        if (ids.length === 0) return { ids, counts: zero };
        return { ids, counts: { attachments: await remove(em, 'attachment', { id: In(ids) }) } };
      },
      batchSize,
    );
    return counts.attachments;
  }

  /**
   * Makes SQLite overwrite deleted content with zeros (`secure_delete`) for the rest of the run;
   * a no-op on the server databases (their equivalent is `compact`).
   */
  async prepareSecureDelete(): Promise<void> {
    if (this.ds.options.type === 'better-sqlite3')
      await runDb(this.ds, () => this.ds.query('PRAGMA secure_delete = ON'));
  }

  /**
   * Removes the freed pages that held deleted rows: SQLite `VACUUM` (rebuilds the file) then a WAL
   * checkpoint that truncates the -wal file; PostgreSQL `VACUUM FULL` of the tables rows were deleted
   * from (rewrites them, dropping dead rows; takes an exclusive lock on each while it runs). Returns
   * the method as written on the certificate.
   */
  async compact(tables: readonly string[]): Promise<string> {
    if (this.ds.options.type === 'better-sqlite3') {
      await runDb(this.ds, async () => {
        await this.ds.query('VACUUM');
        await this.ds.query('PRAGMA wal_checkpoint(TRUNCATE)');
        await this.ds.query('PRAGMA secure_delete = OFF');
      });
      return 'SQLite secure_delete（削除領域のゼロ上書き）＋ VACUUM（空き領域の除去）＋ WALの切り詰め';
    }
    if (this.ds.options.type === 'postgres') {
      for (const t of tables) await runDb(this.ds, () => this.ds.query(`VACUUM FULL "${t}"`));
      return `PostgreSQL DELETE ＋ VACUUM FULL（${tables.join(', ') || '対象なし'}）`;
    }
    return 'DELETE（SQL Server: 領域の再編成はデータベース管理者が実施）';
  }

  /** Runs `batch` in a transaction until it comes back short; `committed` gets each committed batch's labels. */
  private async inBatches<T extends object>(
    zero: Counts<T>,
    batch: (em: EntityManager) => Promise<{ ids: string[]; counts: Counts<T>; labels?: string[] }>,
    batchSize: number,
    committed?: (labels: string[]) => void,
  ): Promise<Counts<T>> {
    const total = { ...zero };
    for (;;) {
      const { ids, counts, labels } = await runDb(this.ds, () => this.ds.transaction((em) => batch(em)));
      committed?.(labels ?? []);
      for (const key of Object.keys(total) as (keyof T)[]) total[key] += counts[key];
      if (ids.length < batchSize) return total;
    }
  }
}

async function idsOf(qb: SelectQueryBuilder<ObjectLiteral>, limit: number): Promise<string[]> {
  const rows = await qb.limit(limit).getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}

async function remove(em: EntityManager, table: string, where: ObjectLiteral): Promise<number> {
  const result = await em.getRepository(table).delete(where);
  return result.affected ?? 0;
}
