/** Seeds a database (e.g. from test/helpers/sqlite.ts) with the fixture through the repositories. */
import { toQuestionRow } from '../../../db/repositories/sql-conversation-store';
import type { DataSource } from 'typeorm';
import type { FeedbackRow, JobRunRow, QuestionRow, TicketRow, WorkLogRow } from '../../../db';
import type { TicketRecord } from '../../../tickets';
import { fixture } from './fixture';

/** Inserts the whole fixture. */
export async function seedFixture(ds: DataSource): Promise<void> {
  const f = fixture();
  await ds.getRepository<QuestionRow>('question').insert(f.questions.map(toQuestionRow));
  await ds.getRepository<FeedbackRow>('feedback').insert(
    f.feedback.map((x) => ({
      id: x.id,
      conversationId: x.conversationId,
      questionId: null,
      resolved: x.resolved,
      comment: null,
      createdAt: x.createdAt,
      dedupeKey: `row:${x.id}`,
    })),
  );
  await ds.getRepository<TicketRow>('ticket').insert(f.tickets.map(toTicketRow));
  await ds.getRepository<WorkLogRow>('work_log').insert(
    f.workLog.map((w) => ({
      id: w.id,
      ticketId: null,
      startedAt: w.startedAt,
      endedAt: w.endedAt,
      operatorName: w.operatorName,
      title: w.title,
      content: w.content,
      remarks: w.remarks ?? null,
      createdAt: w.startedAt,
      createdBy: 'tester',
    })),
  );
  await ds.getRepository<JobRunRow>('job_run').insert(
    f.jobRuns.map((j) => ({
      id: j.id,
      job: j.job,
      startedAt: j.startedAt,
      finishedAt: j.finishedAt ?? null,
      status: j.status,
      attempt: j.attempt,
      error: j.error ?? null,
      detail: null,
    })),
  );
}

/** A ticket record as its row (the `i`-th ticket of 2026), 機密性3 included. */
export function toTicketRow(t: TicketRecord, i: number): Partial<TicketRow> {
  return {
    id: t.id,
    number: t.number,
    year: 2026,
    seq: i + 1,
    conversationId: t.conversationId ?? null,
    status: t.status,
    type: t.type,
    priority: t.priority,
    category: t.category,
    title: t.title,
    details: t.details,
    requesterId: null,
    requesterName: t.requester.name ?? null,
    department: t.requester.department ?? null,
    channel: t.channel,
    assignee: null,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    firstResponseAt: t.firstResponseAt ?? null,
    resolvedAt: t.resolvedAt ?? null,
    closedAt: t.closedAt ?? null,
    incidentCause: t.incident?.cause ?? null,
    incidentActions: t.incident?.actions ?? null,
    incidentPrevention: t.incident?.prevention ?? null,
    holds: JSON.stringify(t.holds.map((h) => ({ from: h.from.toISOString(), to: h.to?.toISOString() }))),
    version: 1,
    dedupeKey: `row:${t.id}`,
    confidentiality: t.confidential ? '3' : null,
  };
}
