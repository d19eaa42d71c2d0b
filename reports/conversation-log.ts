/**
 * The conversation-log export: one CSV row per question of a period (time, channel, department,
 * question, outcome, source titles, feedback, ticket), read page by page through ReportData so the
 * memory stays bounded whatever the period holds. Question texts are stored masked; the export masks
 * them (and feedback comments) again, so a text stored before a detector existed leaves masked too.
 * 機密性3: for a reader who may not see such tickets, every question of a conversation that led to a
 * ticket marked 機密性3 is left out, as the console's queue and search leave the ticket out.
 */
import type { FeedbackRecord, QuestionRecord } from '../conversations';
import type { TicketRecord } from '../tickets';
import { formatJst } from '../calendar';
import { confidentialConversations, conversationDepartment } from './conversation-context';
import { CHANNEL_LABELS, LOG_LABELS as L, TEXT } from './labels';
import type { ReportPeriod } from './period';
import type { QuestionCursor, ReportData } from './report-data';
import { csvCell } from './render-csv';

/** Masks personal data in a text (the privacy masker). */
export type MaskText = (text: string) => string;

/** Questions read per page. */
export const LOG_PAGE_SIZE = 500;

/** How one export is written. */
export interface LogOptions {
  /**
   * Whether the reader may see 機密性3 tickets (an administrator, an operator on the roster now, the
   * CLI on the server). When false, the questions of a conversation with a 機密性3 ticket are left out.
   */
  showConfidential: boolean;
  /** Questions read per page (default LOG_PAGE_SIZE). */
  pageSize?: number;
  /** Told the number of rows of each page as it is handed out (the export's audit counts them). */
  onRows?: (rows: number) => void;
}

/** File name of the export, e.g. 'conversation-log-260401-260415.csv'. */
export function conversationLogName(period: ReportPeriod): string {
  return `conversation-log-${period.key}.csv`;
}

function feedbackText(items: readonly FeedbackRecord[], mask: MaskText): string {
  return items
    .map((f) => (f.resolved ? L.resolved : L.unresolved) + (f.comment ? `（${mask(f.comment)}）` : ''))
    .join(' / ');
}

/** Whether an item of a question's conversation made at `at` belongs to it (after it, before the next). */
const within = (q: QuestionRecord, nextAt: Date | undefined, at: Date): boolean =>
  at.getTime() >= q.askedAt.getTime() && (!nextAt || at.getTime() < nextAt.getTime());

/** Feedback of a question: given on it, or on its conversation after it and before the next question. */
function feedbackOf(q: QuestionRecord, nextAt: Date | undefined, feedback: readonly FeedbackRecord[]) {
  return feedback.filter(
    (f) =>
      f.questionId === q.id ||
      (!f.questionId && f.conversationId === q.conversationId && within(q, nextAt, f.createdAt)),
  );
}

function row(
  q: QuestionRecord,
  nextAt: Date | undefined,
  feedback: readonly FeedbackRecord[],
  tickets: readonly TicketRecord[],
  mask: MaskText,
): string {
  const ticket = tickets.find((t) => t.conversationId === q.conversationId && within(q, nextAt, t.createdAt));
  const cells = [
    formatJst(q.askedAt),
    (CHANNEL_LABELS as Record<string, string>)[q.channel] ?? q.channel,
    conversationDepartment(q, tickets, ticket) ?? TEXT.unknownDepartment,
    mask(q.text),
    L.outcomes[q.outcome] ?? q.outcome,
    [...new Set(q.sources.map((s) => s.title))].join(' / '),
    feedbackText(feedbackOf(q, nextAt, feedback), mask),
    ticket?.number ?? '',
  ];
  return cells.map(csvCell).join(',') + '\r\n';
}

type LogData = Pick<
  ReportData,
  'questionPage' | 'nextQuestionAt' | 'feedbackForConversations' | 'ticketsForConversations'
>;

/** The next question's time for a conversation's last question on a page, read only when needed. */
async function boundAfterPage(
  data: LogData,
  q: QuestionRecord,
  feedback: readonly FeedbackRecord[],
  tickets: readonly TicketRecord[],
): Promise<Date | undefined> {
  const later = (at: Date) => at.getTime() >= q.askedAt.getTime();
  const pending =
    feedback.some((f) => !f.questionId && f.conversationId === q.conversationId && later(f.createdAt)) ||
    tickets.some((t) => t.conversationId === q.conversationId && later(t.createdAt));
  return pending ? data.nextQuestionAt(q.conversationId, { askedAt: q.askedAt, id: q.id }) : undefined;
}

/**
 * The CSV text in chunks (UTF-8 with BOM for Excel, CRLF): the header, then one chunk per page of
 * LOG_PAGE_SIZE questions in time order. Stream it to a response or a file.
 */
export async function* conversationLogCsv(
  data: LogData,
  period: Pick<ReportPeriod, 'from' | 'to'>,
  mask: MaskText,
  options: LogOptions,
): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? LOG_PAGE_SIZE;
  yield '\uFEFF' + L.columns.map(csvCell).join(',') + '\r\n';
  let after: QuestionCursor | undefined;
  for (;;) {
    const page = await data.questionPage(period.from, period.to, after, pageSize);
    if (page.length === 0) return;
    const conversations = [...new Set(page.map((q) => q.conversationId))];
    const [feedback, tickets] = await Promise.all([
      data.feedbackForConversations(conversations),
      data.ticketsForConversations(conversations),
    ]);
    // The next question of the same conversation bounds what belongs to a question. A conversation's
    // last question on the page asks the log for its next one (on a later page or past the period's
    // end), but only when something of the conversation came after it: few do, so few extra reads.
    const nextAt = new Map<string, Date | undefined>();
    const hidden = options.showConfidential ? new Set<string>() : confidentialConversations(tickets);
    const rows: string[] = [];
    for (let i = page.length - 1; i >= 0; i -= 1) {
      const q = page[i];
      if (hidden.has(q.conversationId)) continue;
      if (!nextAt.has(q.conversationId)) nextAt.set(q.conversationId, await boundAfterPage(data, q, feedback, tickets));
      rows.push(row(q, nextAt.get(q.conversationId), feedback, tickets, mask));
      nextAt.set(q.conversationId, q.askedAt);
    }
    options.onRows?.(rows.length);
    if (rows.length > 0) yield rows.reverse().join('');
    const last = page[page.length - 1];
    after = { askedAt: last.askedAt, id: last.id };
    if (page.length < pageSize) return;
  }
}
