/**
 * The port the reports read their data through. Every range is half-open [from, to) on UTC
 * instants; db/ implements it on SQL and `InMemoryReportData` in memory.
 */
import type { FeedbackRecord, QuestionRecord } from '../conversations';
import type { TicketRecord } from '../tickets';
import type { WorkLogEntry as TicketWorkLogEntry } from '../tickets';

/** One line of the work log (作業実績) as the reports read it. */
export type WorkLogEntry = Omit<TicketWorkLogEntry, 'createdAt' | 'createdBy'>;

/** Status of a job run. */
export type JobRunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

/** One run (attempt) of a scheduled job. */
export interface JobRunEntry {
  id: string;
  job: string;
  startedAt: Date;
  finishedAt?: Date;
  status: JobRunStatus;
  attempt: number;
  error?: string;
  detail?: string;
}

/** Where a page of the question log ends: the next page starts after it (ordered by askedAt, id). */
export interface QuestionCursor {
  askedAt: Date;
  id: string;
}

/** Read-only access to everything a report counts. */
export interface ReportData {
  /** Questions asked in [from, to). */
  questions(from: Date, to: Date): Promise<QuestionRecord[]>;
  /**
   * At most `limit` questions asked in [from, to) after `after`, ordered by askedAt then id: the
   * conversation-log export reads the log page by page, so its memory stays bounded.
   */
  questionPage(from: Date, to: Date, after: QuestionCursor | undefined, limit: number): Promise<QuestionRecord[]>;
  /**
   * When the conversation's first question after `after` was asked (any time, also past a period's end),
   * or undefined: what a question's feedback and escalation are bounded by across an export's pages.
   */
  nextQuestionAt(conversationId: string, after: QuestionCursor): Promise<Date | undefined>;
  /** Feedback on the given conversations (any time). */
  feedbackForConversations(conversationIds: readonly string[]): Promise<FeedbackRecord[]>;
  /** Feedback given in [from, to). */
  feedback(from: Date, to: Date): Promise<FeedbackRecord[]>;
  /** Tickets created in [from, to). */
  ticketsCreatedBetween(from: Date, to: Date): Promise<TicketRecord[]>;
  /** Tickets whose resolvedAt is in [from, to). */
  ticketsResolvedBetween(from: Date, to: Date): Promise<TicketRecord[]>;
  /** Tickets whose closedAt is in [from, to). */
  ticketsClosedBetween(from: Date, to: Date): Promise<TicketRecord[]>;
  /** Backlog: tickets created before `instant` and neither resolved nor closed before it. */
  ticketsOpenAt(instant: Date): Promise<TicketRecord[]>;
  /** Tickets that came out of the given conversations (escalations). */
  ticketsForConversations(conversationIds: readonly string[]): Promise<TicketRecord[]>;
  /** Work log lines that started in [from, to). */
  workLogs(from: Date, to: Date): Promise<WorkLogEntry[]>;
  /** Job runs that started in [from, to). */
  jobRuns(from: Date, to: Date): Promise<JobRunEntry[]>;
}
