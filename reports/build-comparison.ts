/**
 * Month-over-month comparison (monthly reports) and the 12-month trend (every report): the same
 * counting as the report's own sections (buildInquiries), per JST month, read through ReportData.
 */
import { jstDateKey, jstInstant, jstParts } from '../calendar';
import { buildInquiries } from './build-inquiries';
import { FIGURE_LABELS as L } from './labels';
import type { ComparisonSection, TrendPoint } from './model';
import { monthLabel, type ReportPeriod } from './period';
import type { ReportData } from './report-data';

/** Months of the trend, ending with the period's last month. */
export const TREND_MONTHS = 12;

const monthKey = (d: Date): string => jstDateKey(d).slice(0, 7);

/** The 12 JST months ending with the month that holds the period's last instant, oldest first. */
function trendMonths(period: ReportPeriod): { key: string; from: Date; to: Date }[] {
  const last = jstParts(new Date(period.to.getTime() - 1));
  return Array.from({ length: TREND_MONTHS }, (_, i) => {
    const from = jstInstant(last.year, last.month - (TREND_MONTHS - 1) + i);
    const p = jstParts(from);
    return { key: monthKey(from), from, to: jstInstant(p.year, p.month + 1) };
  });
}

/** The 12-month trend: questions, answers, deflection and tickets per month. */
export async function buildTrend(period: ReportPeriod, data: ReportData): Promise<TrendPoint[]> {
  const months = trendMonths(period);
  const from = months[0].from;
  const to = months[months.length - 1].to;
  const [questions, feedback, opened] = await Promise.all([
    data.questions(from, to),
    data.feedback(from, to),
    data.ticketsCreatedBetween(from, to),
  ]);
  const tickets = await data.ticketsForConversations([...new Set(questions.map((q) => q.conversationId))]);
  return months.map((m) => {
    const inMonth = (d: Date) => d.getTime() >= m.from.getTime() && d.getTime() < m.to.getTime();
    const q = buildInquiries(
      questions.filter((x) => inMonth(x.askedAt)),
      feedback.filter((x) => inMonth(x.createdAt)),
      tickets,
    );
    return {
      month: m.key,
      label: monthLabel(m.key),
      asked: q.asked,
      answered: q.answered,
      autoAnswerRate: q.autoAnswerRate,
      deflectionRate: q.deflectionRate,
      ticketsOpened: opened.filter((t) => inMonth(t.createdAt)).length,
    };
  });
}

/** This month against the previous one (from the trend's last two points). */
export function buildComparison(trend: readonly TrendPoint[]): ComparisonSection | undefined {
  const [previous, current] = trend.slice(-2);
  if (!previous || !current) return undefined;
  const count = (id: 'asked' | 'answered' | 'opened', a: number, b: number) => ({
    label: L[id],
    current: a,
    previous: b,
    unit: 'count' as const,
  });
  const rate = (id: 'autoAnswerRate' | 'deflectionRate', a: number | null, b: number | null) => ({
    label: L[id],
    current: a,
    previous: b,
    unit: 'rate' as const,
  });
  return {
    currentLabel: current.label,
    previousLabel: previous.label,
    rows: [
      count('asked', current.asked, previous.asked),
      count('answered', current.answered, previous.answered),
      rate('autoAnswerRate', current.autoAnswerRate, previous.autoAnswerRate),
      rate('deflectionRate', current.deflectionRate, previous.deflectionRate),
      count('opened', current.ticketsOpened, previous.ticketsOpened),
    ],
  };
}
