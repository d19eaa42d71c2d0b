/**
 * TicketStore on TypeORM: numbered tickets (HD-YYYY-NNNNNN), optimistic locking, history,
 * comments and the transcript copied at escalation.
 */
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { KotaeError } from '../../core';
import { jstParts } from '../../calendar';
import type { TicketComment, TicketEvent, TicketPatch, TicketQuery, TicketStore } from '../../tickets';
import { type TranscriptEntry, type TranscriptRole } from '../../conversations';
import { OPEN_TICKET_STATUSES, type NewTicket, type TicketRecord } from '../../tickets';
import { WITHDRAWN_AS_BOT_QUESTION, type WithdrawalReason } from '../../tickets';
import type { TicketCommentRow, TicketEventRow, TicketRow, TranscriptEntryRow } from '../schema';
import { runDb } from '../run-db';
import { diffPatch, toComment, toEvent, toTicket } from './ticket-mapping';
import { linkHeldAttachments } from './sql-attachment-store';
import { isUniqueViolation, lockKeyForTransaction, nextTicketSeq } from './atomic-sql';
import { inTransaction, managerOf } from '../transaction-scope';
import { listTickets } from './sql-ticket-list';
import { noteRequesterDeletion, restoreRequesterComments, withdrawRequesterComment } from './sql-comment-withdrawal';

/** A ticket's copy of the transcript is keyed by the ticket id (a UUID, so it never collides with a conversation). */
const ticketTranscriptKey = (ticketId: string) => ticketId;

/** SQL implementation of TicketStore. */
export class SqlTicketStore implements TicketStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
    private readonly prefix = 'HD',
  ) {}

  private run<T>(work: () => Promise<T>): Promise<T> {
    return runDb(this.ds, work);
  }

  async create(input: NewTicket, actor: string): Promise<TicketRecord> {
    const dedupeKey = input.sourceActivityId ? `activity:${input.sourceActivityId}` : `row:${randomUUID()}`;
    try {
      return await this.createTicket(input, actor, dedupeKey);
    } catch (err) {
      // The same activity escalated on another instance at the same moment: its ticket wins.
      if (!input.sourceActivityId || !isUniqueViolation(err instanceof KotaeError && err.cause ? err.cause : err))
        throw err;
      const existing = await this.run(() =>
        managerOf(this.ds).getRepository<TicketRow>('ticket').findOneBy({ dedupeKey }),
      );
      if (!existing) throw err;
      return toTicket(existing);
    }
  }

  private createTicket(input: NewTicket, actor: string, dedupeKey: string): Promise<TicketRecord> {
    return this.run(() =>
      inTransaction(this.ds, async (em) => {
        if (input.sourceActivityId) {
          const existing = await em.getRepository<TicketRow>('ticket').findOneBy({ dedupeKey });
          if (existing) return toTicket(existing);
        }
        return this.insertTicket(em, input, dedupeKey, actor);
      }),
    );
  }

  /**
   * One open ticket per conversation. The transaction first takes a lock named after the conversation
   * (PostgreSQL advisory / SQL Server application lock, held until commit), so a concurrent call for the
   * same conversation on any instance waits and its lookup then sees the ticket made here (READ
   * COMMITTED reads what committed before each statement). On SQLite runDb already runs one unit of
   * work at a time.
   */
  async openForConversation(
    input: NewTicket & { conversationId: string },
    actor: string,
  ): Promise<{ ticket: TicketRecord; created: boolean }> {
    return this.run(() =>
      inTransaction(this.ds, async (em) => {
        await lockKeyForTransaction(em, `open-ticket:${input.conversationId}`);
        const open = await em.getRepository<TicketRow>('ticket').findOne({
          where: { conversationId: input.conversationId, status: In([...OPEN_TICKET_STATUSES]) },
          order: { createdAt: 'DESC' },
        });
        if (open) return { ticket: toTicket(open), created: false };
        const dedupeKey = input.sourceActivityId ? `activity:${input.sourceActivityId}` : `row:${randomUUID()}`;
        return { ticket: await this.insertTicket(em, input, dedupeKey, actor), created: true };
      }),
    );
  }

  private async insertTicket(em: EntityManager, input: NewTicket, dedupeKey: string, actor: string) {
    const tickets = em.getRepository<TicketRow>('ticket');
    const at = this.now();
    const year = jstParts(at).year;
    const seq = await nextTicketSeq(em, year);
    const row: TicketRow = {
      id: randomUUID(),
      number: `${this.prefix}-${year}-${String(seq).padStart(6, '0')}`,
      year,
      seq,
      conversationId: input.conversationId ?? null,
      status: 'new',
      type: input.type,
      priority: input.priority,
      category: input.category,
      title: input.title.slice(0, 400),
      details: input.details,
      requesterId: input.requester.id ?? null,
      requesterName: input.requester.name ?? null,
      department: input.requester.department ?? null,
      requesterPhone: input.requester.phone ?? null,
      channel: input.channel,
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
      dedupeKey,
      requesterRepliedAt: null,
      restorationStartedAt: null,
      incidentReportAt: null,
      confidentiality: null,
    };
    await tickets.insert(row);
    const lines = em.getRepository<TranscriptEntryRow>('transcript_entry');
    let seqNo = 0;
    for (const entry of input.transcript) {
      seqNo += 1;
      await lines.insert({
        id: randomUUID(),
        conversationId: ticketTranscriptKey(row.id),
        seq: seqNo,
        role: entry.role,
        text: entry.text,
        at: entry.at,
      });
    }
    await addEvent(em, row.id, at, actor, 'created', null, row.number);
    // Files the requester attached before escalating join the ticket in the same transaction.
    if (row.conversationId) await linkHeldAttachments(em, row.conversationId, row.id);
    return toTicket(row);
  }

  async get(idOrNumber: string): Promise<TicketRecord | undefined> {
    const row = await this.findRow(managerOf(this.ds), idOrNumber);
    return row ? toTicket(row) : undefined;
  }

  private async findRow(em: EntityManager, idOrNumber: string): Promise<TicketRow | null> {
    const repo = em.getRepository<TicketRow>('ticket');
    const key = idOrNumber.trim();
    if (!key || key.length > 64) return null;
    return this.run(
      async () => (await repo.findOneBy({ id: key })) ?? (await repo.findOneBy({ number: key.toUpperCase() })),
    );
  }

  list(query: TicketQuery): Promise<{ items: TicketRecord[]; total: number }> {
    return listTickets(this.ds, query);
  }

  async update(id: string, expectedVersion: number, patch: TicketPatch, actor: string): Promise<TicketRecord> {
    return this.run(() =>
      inTransaction(this.ds, async (em) => {
        const row = await this.findRow(em, id);
        if (!row)
          throw new KotaeError('NOT_FOUND', `ticket ${id} not found`, { userMessage: 'チケットが見つかりません。' });
        if (row.version !== expectedVersion) {
          throw new KotaeError(
            'CONFLICT',
            `ticket ${row.number} version ${row.version} != expected ${expectedVersion}`,
          );
        }
        const at = this.now();
        const { set, changes } = diffPatch(row, patch, at);
        if (changes.length === 0) return toTicket(row);
        const result = await em
          .createQueryBuilder()
          .update('ticket')
          .set({ ...set, updatedAt: at, version: () => `${em.connection.driver.escape('version')} + 1` })
          .where('id = :id AND version = :version', { id: row.id, version: expectedVersion })
          .execute();
        if (result.affected === 0) throw new KotaeError('CONFLICT', `ticket ${row.number} changed concurrently`);
        for (const c of changes) await addEvent(em, row.id, at, actor, c.field, c.before, c.after);
        return toTicket({ ...row, ...set, updatedAt: at, version: row.version + 1 });
      }),
    );
  }

  async addComment(
    ticketId: string,
    comment: Omit<TicketComment, 'id' | 'ticketId' | 'createdAt'>,
  ): Promise<TicketComment> {
    const row: TicketCommentRow = {
      id: randomUUID(),
      ticketId,
      kind: comment.kind,
      author: comment.author,
      body: comment.body,
      createdAt: this.now(),
      deliveredAt: comment.deliveredAt ?? null,
      deliveryError: comment.deliveryError ?? null,
      readAt: null,
      messageKey: comment.messageKey ?? null,
    };
    await this.run(() => managerOf(this.ds).getRepository<TicketCommentRow>('ticket_comment').insert(row));
    return toComment(row);
  }

  async markDelivered(commentId: string, result: { deliveredAt?: Date; deliveryError?: string }): Promise<void> {
    await this.run(() =>
      managerOf(this.ds)
        .getRepository<TicketCommentRow>('ticket_comment')
        .update(
          { id: commentId },
          { deliveredAt: result.deliveredAt ?? null, deliveryError: result.deliveryError ?? null },
        ),
    );
  }

  withdrawRequesterComment(
    ticketId: string,
    commentId: string,
    expectedVersion: number,
    patch: TicketPatch,
    actor: string,
    reason: WithdrawalReason = WITHDRAWN_AS_BOT_QUESTION,
  ): Promise<boolean> {
    const at = this.now();
    return withdrawRequesterComment(this.ds, { ticketId, commentId, expectedVersion, patch, actor, at, reason });
  }

  noteRequesterDeletion(ticketId: string, commentId: string, actor: string, deleted = true): Promise<boolean> {
    return noteRequesterDeletion(this.ds, { ticketId, commentId, actor, at: this.now(), deleted });
  }

  restoreRequesterComments(
    ticketId: string,
    commentIds: readonly string[],
    expectedVersion: number,
    patch: TicketPatch,
    actor: string,
  ) {
    const at = this.now();
    return restoreRequesterComments(this.ds, { ticketId, commentIds, expectedVersion, patch, actor, at });
  }

  async markRepliesRead(conversationId: string, at: Date): Promise<number> {
    const e = (name: string) => this.ds.driver.escape(name);
    const result = await this.run(() =>
      managerOf(this.ds)
        .createQueryBuilder()
        .update('ticket_comment')
        .set({ readAt: at })
        .where(`${e('kind')} = 'reply' AND ${e('deliveredAt')} IS NOT NULL AND ${e('readAt')} IS NULL`)
        .andWhere(
          `${e('ticketId')} IN (SELECT t.${e('id')} FROM ${e('ticket')} t WHERE t.${e('conversationId')} = :conversationId)`,
          { conversationId },
        )
        .execute(),
    );
    return result.affected ?? 0;
  }

  async comments(ticketId: string): Promise<TicketComment[]> {
    const rows = await this.run(() =>
      managerOf(this.ds)
        .getRepository<TicketCommentRow>('ticket_comment')
        .find({ where: { ticketId }, order: { createdAt: 'ASC' } }),
    );
    return rows.map(toComment);
  }

  async history(ticketId: string): Promise<TicketEvent[]> {
    const rows = await this.run(() =>
      managerOf(this.ds)
        .getRepository<TicketEventRow>('ticket_event')
        .find({ where: { ticketId }, order: { at: 'ASC' } }),
    );
    return rows.map(toEvent);
  }

  async transcript(ticketId: string): Promise<TranscriptEntry[]> {
    const rows = await this.run(() =>
      managerOf(this.ds)
        .getRepository<TranscriptEntryRow>('transcript_entry')
        .find({ where: { conversationId: ticketTranscriptKey(ticketId) }, order: { seq: 'ASC' } }),
    );
    return rows.map((r) => ({ role: r.role as TranscriptRole, text: r.text, at: r.at }));
  }
}

async function addEvent(
  em: EntityManager,
  ticketId: string,
  at: Date,
  actor: string,
  field: string,
  before: string | null,
  after: string | null,
): Promise<void> {
  await em
    .getRepository<TicketEventRow>('ticket_event')
    .insert({ id: randomUUID(), ticketId, at, actor, field, before, after });
}
