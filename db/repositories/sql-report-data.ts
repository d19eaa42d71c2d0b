/** ReportData on TypeORM: half-open time ranges over the question log, feedback, tickets, work log and job runs. */
import {
  And,
  Equal,
  In,
  MoreThan,
  IsNull,
  LessThan,
  MoreThanOrEqual,
  Or,
  type DataSource,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import type { FeedbackRecord, QuestionRecord } from '../../conversations';
import type { TicketRecord } from '../../tickets';
import type { JobRunEntry, JobRunStatus, QuestionCursor, ReportData, WorkLogEntry } from '../../reports';
import type { FeedbackRow, JobRunRow, QuestionRow, TicketRow, WorkLogRow } from '../schema';
import { runDb } from '../run-db';
import { toQuestion } from './sql-conversation-store';
import { toTicket } from './ticket-mapping';

/** Largest IN list per query (SQL Server allows 2100 parameters). */
const IN_CHUNK = 500;

const range = (from: Date, to: Date) => And(MoreThanOrEqual(from), LessThan(to));

const toFeedback = (r: FeedbackRow): FeedbackRecord => ({
  id: r.id,
  conversationId: r.conversationId,
  questionId: r.questionId ?? undefined,
  resolved: Boolean(r.resolved),
  comment: r.comment ?? undefined,
  createdAt: r.createdAt,
});

/** SQL implementation of the reports' ReportData port. */
export class SqlReportData implements ReportData {
  constructor(private readonly ds: DataSource) {}

  private find<R extends ObjectLiteral>(
    table: string,
    where: FindOptionsWhere<R> | FindOptionsWhere<R>[],
  ): Promise<R[]> {
    return runDb(this.ds, () => this.ds.getRepository<R>(table).find({ where }));
  }

  async questions(from: Date, to: Date): Promise<QuestionRecord[]> {
    return (await this.find<QuestionRow>('question', { askedAt: range(from, to) })).map(toQuestion);
  }

  async questionPage(
    from: Date,
    to: Date,
    after: QuestionCursor | undefined,
    limit: number,
  ): Promise<QuestionRecord[]> {
    // Keyset pagination on (askedAt, id), served by IX_question_askedAt.
    const where: FindOptionsWhere<QuestionRow>[] = after
      ? [
          { askedAt: And(MoreThan(after.askedAt), LessThan(to)) },
          { askedAt: Equal(after.askedAt), id: MoreThan(after.id) },
        ]
      : [{ askedAt: range(from, to) }];
    const rows = await runDb(this.ds, () =>
      this.ds.getRepository<QuestionRow>('question').find({ where, order: { askedAt: 'ASC', id: 'ASC' }, take: limit }),
    );
    return rows.map(toQuestion);
  }

  async nextQuestionAt(conversationId: string, after: QuestionCursor): Promise<Date | undefined> {
    const row = await runDb(this.ds, () =>
      this.ds.getRepository<QuestionRow>('question').findOne({
        where: [
          { conversationId, askedAt: MoreThan(after.askedAt) },
          { conversationId, askedAt: Equal(after.askedAt), id: MoreThan(after.id) },
        ],
        order: { askedAt: 'ASC', id: 'ASC' },
      }),
    );
    return row?.askedAt;
  }

  async feedbackForConversations(conversationIds: readonly string[]): Promise<FeedbackRecord[]> {
    const out: FeedbackRecord[] = [];
    for (let i = 0; i < conversationIds.length; i += IN_CHUNK) {
      const chunk = conversationIds.slice(i, i + IN_CHUNK);
      out.push(...(await this.find<FeedbackRow>('feedback', { conversationId: In(chunk) })).map(toFeedback));
    }
    return out;
  }

  async feedback(from: Date, to: Date): Promise<FeedbackRecord[]> {
    const rows = await this.find<FeedbackRow>('feedback', { createdAt: range(from, to) });
    return rows.map(toFeedback);
  }

  async ticketsCreatedBetween(from: Date, to: Date): Promise<TicketRecord[]> {
    return (await this.find<TicketRow>('ticket', { createdAt: range(from, to) })).map(toTicket);
  }

  async ticketsResolvedBetween(from: Date, to: Date): Promise<TicketRecord[]> {
    return (await this.find<TicketRow>('ticket', { resolvedAt: range(from, to) })).map(toTicket);
  }

  async ticketsClosedBetween(from: Date, to: Date): Promise<TicketRecord[]> {
    return (await this.find<TicketRow>('ticket', { closedAt: range(from, to) })).map(toTicket);
  }

  async ticketsOpenAt(instant: Date): Promise<TicketRecord[]> {
    const notBefore = Or(IsNull(), MoreThanOrEqual(instant));
    const rows = await this.find<TicketRow>('ticket', {
      createdAt: LessThan(instant),
      resolvedAt: notBefore,
      closedAt: notBefore,
    });
    return rows.map(toTicket);
  }

  async ticketsForConversations(conversationIds: readonly string[]): Promise<TicketRecord[]> {
    const out: TicketRecord[] = [];
    for (let i = 0; i < conversationIds.length; i += IN_CHUNK) {
      const chunk = conversationIds.slice(i, i + IN_CHUNK);
      out.push(...(await this.find<TicketRow>('ticket', { conversationId: In(chunk) })).map(toTicket));
    }
    return out;
  }

  async workLogs(from: Date, to: Date): Promise<WorkLogEntry[]> {
    const rows = await this.find<WorkLogRow>('work_log', { startedAt: range(from, to) });
    return rows.map((r) => ({
      id: r.id,
      ticketId: r.ticketId ?? undefined,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      operatorName: r.operatorName,
      title: r.title,
      content: r.content,
      remarks: r.remarks ?? undefined,
    }));
  }

  async jobRuns(from: Date, to: Date): Promise<JobRunEntry[]> {
    return (await this.find<JobRunRow>('job_run', { startedAt: range(from, to) })).map(toJobRun);
  }
}

/** Maps a job_run row to its entry. */
export function toJobRun(r: JobRunRow): JobRunEntry {
  return {
    id: r.id,
    job: r.job,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt ?? undefined,
    status: r.status as JobRunStatus,
    attempt: r.attempt,
    error: r.error ?? undefined,
    detail: r.detail ?? undefined,
  };
}
