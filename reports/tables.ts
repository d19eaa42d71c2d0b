/**
 * The report's tables, derived once from the ReportModel: xlsx data sheets, csv files and the
 * pdf's tables all print these rows, so the figures reconcile exactly.
 */
import { formatRate } from './format';
import { slaClockTable } from './build-sla-clocks';
import { keyFigures } from './key-figures';
import { JOB_LABELS, TABLE_LABELS as T, TEXT, WEEKDAY_LABELS } from './labels';
import type { ComparisonRow, CountItem, ReportModel } from './model';

/** A cell: text or number. */
export type Cell = string | number;

/** One table of a report. */
export interface ReportTable {
  /** File-safe English id, e.g. 'work-log'. */
  id: string;
  title: string;
  /** Short sheet name (xlsx, at most 31 characters). */
  sheet: string;
  columns: string[];
  rows: Cell[][];
  /** Sentence shown instead of rows when there are none (e.g. 当該期間の作業実績はありません。). */
  emptyText?: string;
}

const counts = (group: string, items: CountItem[]): Cell[][] => items.map((c) => [group, c.label, c.count]);
const ranked = (items: { text: string; count: number }[]): Cell[][] => items.map((x, i) => [i + 1, x.text, x.count]);
const table = (
  id: string,
  spec: { title: string; sheet: string; columns: readonly string[] },
  rows: Cell[][],
  emptyText?: string,
): ReportTable => ({ id, title: spec.title, sheet: spec.sheet, columns: [...spec.columns], rows, emptyText });

const signed = (n: number, digits: number): string => (n > 0 ? '+' : n < 0 ? '−' : '±') + Math.abs(n).toFixed(digits);

/** The change of a comparison row: '+3', '−2', '±0' (件) or '+5.0ポイント' (rates). */
function change(r: ComparisonRow): string {
  if (r.current === null || r.previous === null) return TEXT.notAvailable;
  return r.unit === 'count'
    ? `${signed(r.current - r.previous, 0)}${TEXT.unitCount}`
    : `${signed((r.current - r.previous) * 100, 1)}${TEXT.points}`;
}

const comparisonValue = (r: ComparisonRow, v: number | null): Cell =>
  r.unit === 'rate' ? formatRate(v) : (v ?? TEXT.notAvailable);

/** Month-over-month and 12-month tables (absent in models stored before they existed). */
function trendTables(m: ReportModel): ReportTable[] {
  const tables: ReportTable[] = [];
  if (m.comparison) {
    const c = m.comparison;
    tables.push({
      ...table(
        'month-comparison',
        T.comparison,
        c.rows.map((r) => [r.label, comparisonValue(r, r.current), comparisonValue(r, r.previous), change(r)]),
      ),
      columns: [
        T.comparison.columns[0],
        `${T.comparison.columns[1]}（${c.currentLabel}）`,
        `${T.comparison.columns[2]}（${c.previousLabel}）`,
        T.comparison.columns[3],
      ],
    });
  }
  if (m.trend12) {
    tables.push(
      table(
        'trend-12-months',
        T.trend12,
        m.trend12.map((x) => [
          x.label,
          x.asked,
          x.answered,
          formatRate(x.autoAnswerRate),
          formatRate(x.deflectionRate),
          x.ticketsOpened,
        ]),
      ),
    );
  }
  return tables;
}

/** Every table of a report, in order; the monthly trend only for half-year and annual reports. */
export function reportTables(m: ReportModel): ReportTable[] {
  const { inquiries: q, tickets: t, usage: u } = m;
  const tables: ReportTable[] = [
    table(
      'summary',
      T.summary,
      keyFigures(m).map((f) => [f.label, f.value, f.unit]),
    ),
    ...trendTables(m),
    table('inquiry-breakdown', T.inquiryBreakdown, [
      ...counts(T.groupCategory, q.byCategory),
      ...counts(T.groupChannel, q.byChannel),
      ...counts(T.groupDepartment, q.byDepartment),
    ]),
    table('ticket-breakdown', T.ticketBreakdown, [
      ...counts(T.groupCategory, t.byCategory),
      ...counts(T.groupType, t.byType),
      ...counts(T.groupPriority, t.byPriority),
    ]),
    table(
      'sla-breaches',
      T.slaBreaches,
      t.sla.breaches.map((b) => [
        b.number,
        b.title,
        b.priority,
        b.clock === 'response' ? TEXT.clockResponse : TEXT.clockResolution,
        b.createdAt,
        b.dueAt,
        b.stoppedAt,
        b.elapsedBusinessMinutes,
        b.state === 'met_late' ? TEXT.slaLate : TEXT.slaBreached,
      ]),
      TEXT.noBreaches,
    ),
    ...(t.sla.clocks ? [slaClockTable(t.sla.clocks)] : []),
    table(
      'incidents',
      T.incidents,
      m.incidents.map((i) => [
        i.number,
        i.title,
        i.priority,
        i.status,
        i.createdAt,
        i.resolvedAt,
        i.cause,
        i.actions,
        i.prevention,
      ]),
      TEXT.noIncidents,
    ),
    table(
      'work-log',
      T.workLog,
      m.workLog.map((w) => [w.when, w.operator, w.title, w.content, w.remarks]),
      TEXT.noWorkLog,
    ),
    table(
      'hourly',
      T.hourly,
      u.byHour.map((n, h) => [T.hour(h), n]),
    ),
    table(
      'weekday',
      T.weekday,
      u.byWeekday.map((n, d) => [WEEKDAY_LABELS[d], n]),
    ),
    table(
      'daily',
      T.daily,
      u.daily.map((d) => [d.date, d.count]),
    ),
    table('top-questions', T.topQuestions, ranked(u.topQuestions)),
    table('top-unanswered', T.topUnanswered, ranked(u.topUnanswered)),
  ];
  if (u.knowledge) {
    tables.push(
      table(
        'knowledge-usage',
        T.knowledgeUsage,
        u.knowledge.map((k) => [
          k.title,
          k.documentId,
          k.kind === 'faq' ? 'FAQ' : '文書',
          k.top,
          k.answered,
          k.tentative,
          k.resolved,
          k.unresolved,
          k.escalated,
        ]),
      ),
    );
  }
  if (u.trend.length > 0) {
    tables.push(
      table(
        'monthly-trend',
        T.trend,
        u.trend.map((x) => [
          x.label,
          x.asked,
          x.answered,
          formatRate(x.asked === 0 ? null : x.answered / x.asked),
          x.ticketsOpened,
        ]),
      ),
    );
  }
  tables.push(
    table(
      'jobs',
      T.jobs,
      m.jobs.map((j) => [JOB_LABELS[j.job] ?? j.job, j.runs, j.failures, j.lastSuccessAt || TEXT.none]),
      TEXT.noJobs,
    ),
  );
  for (const extra of m.extraSections ?? []) tables.push(extra);
  return tables;
}
