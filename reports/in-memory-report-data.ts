/** ReportData over plain arrays: the deterministic fake for unit tests and previews. */
import type { FeedbackRecord, QuestionRecord } from '../conversations';
import type { TicketRecord } from '../tickets';
import type { JobRunEntry, QuestionCursor, ReportData, WorkLogEntry } from './report-data';

const within = (t: Date | undefined, from: Date, to: Date): boolean =>
  t !== undefined && t.getTime() >= from.getTime() && t.getTime() < to.getTime();
/** Sorts like the SQL keyset (askedAt, id). */
const cursorKey = (q: { askedAt: Date; id: string }): string =>
  `${String(q.askedAt.getTime()).padStart(15, '0')}|${q.id}`;
const before = (t: Date | undefined, instant: Date): boolean => t !== undefined && t.getTime() < instant.getTime();

/** In-memory ReportData; push records into the public arrays. */
export class InMemoryReportData implements ReportData {
  readonly questionLog: QuestionRecord[] = [];
  readonly feedbackLog: FeedbackRecord[] = [];
  readonly tickets: TicketRecord[] = [];
  readonly workLog: WorkLogEntry[] = [];
  readonly jobLog: JobRunEntry[] = [];

  async questions(from: Date, to: Date): Promise<QuestionRecord[]> {
    return this.questionLog.filter((q) => within(q.askedAt, from, to));
  }
  async questionPage(from: Date, to: Date, after: QuestionCursor | undefined, limit: number) {
    const start = after ? cursorKey(after) : '';
    const key = cursorKey;
    return this.questionLog
      .filter((q) => within(q.askedAt, from, to) && key(q) > start)
      .sort((a, b) => (key(a) < key(b) ? -1 : 1))
      .slice(0, limit);
  }
  async nextQuestionAt(conversationId: string, after: QuestionCursor): Promise<Date | undefined> {
    const start = cursorKey(after);
    const later = this.questionLog
      .filter((q) => q.conversationId === conversationId && cursorKey(q) > start)
      .sort((a, b) => (cursorKey(a) < cursorKey(b) ? -1 : 1));
    return later[0]?.askedAt;
  }
  async feedbackForConversations(conversationIds: readonly string[]): Promise<FeedbackRecord[]> {
    const ids = new Set(conversationIds);
    return this.feedbackLog.filter((f) => ids.has(f.conversationId));
  }
  async feedback(from: Date, to: Date): Promise<FeedbackRecord[]> {
    return this.feedbackLog.filter((f) => within(f.createdAt, from, to));
  }
  async ticketsCreatedBetween(from: Date, to: Date): Promise<TicketRecord[]> {
    return this.tickets.filter((t) => within(t.createdAt, from, to));
  }
  async ticketsResolvedBetween(from: Date, to: Date): Promise<TicketRecord[]> {
    return this.tickets.filter((t) => within(t.resolvedAt, from, to));
  }
  async ticketsClosedBetween(from: Date, to: Date): Promise<TicketRecord[]> {
    return this.tickets.filter((t) => within(t.closedAt, from, to));
  }
  async ticketsOpenAt(instant: Date): Promise<TicketRecord[]> {
    return this.tickets.filter(
      (t) => before(t.createdAt, instant) && !before(t.resolvedAt, instant) && !before(t.closedAt, instant),
    );
  }
  async ticketsForConversations(conversationIds: readonly string[]): Promise<TicketRecord[]> {
    const ids = new Set(conversationIds);
    return this.tickets.filter((t) => t.conversationId !== undefined && ids.has(t.conversationId));
  }
  async workLogs(from: Date, to: Date): Promise<WorkLogEntry[]> {
    return this.workLog.filter((w) => within(w.startedAt, from, to));
  }
  async jobRuns(from: Date, to: Date): Promise<JobRunEntry[]> {
    return this.jobLog.filter((j) => within(j.startedAt, from, to));
  }
}
