/** The usage analysis: when staff ask, what they ask most, and what the bot could not answer. */
import type { QuestionRecord } from '../conversations';
import type { TicketRecord } from '../tickets';
import { jstDateKey, jstInstant, jstParts } from '../calendar';
import type { UsageSection } from './model';
import { monthLabel, type ReportPeriod } from './period';
import { topTexts } from './stats';

/**
 * Groups question texts that ask the same thing (the knowledge layer's clusters): each group's
 * representative wording and its count, largest first.
 */
export type QuestionGrouper = (texts: string[]) => { text: string; count: number }[];

/** How many entries the top lists show. */
export const TOP_LIMIT = 10;

/** Builds the usage section; the month-by-month trend only for periods over several months (not monthly). */
export function buildUsage(
  period: ReportPeriod,
  questions: readonly QuestionRecord[],
  opened: readonly TicketRecord[],
  groupQuestions?: QuestionGrouper,
): UsageSection {
  const top = (texts: string[]) =>
    groupQuestions ? groupQuestions(texts).slice(0, TOP_LIMIT) : topTexts(texts, TOP_LIMIT);
  const byHour = new Array<number>(24).fill(0);
  const byWeekday = new Array<number>(7).fill(0);
  const daily = new Map<string, number>(periodDays(period).map((d) => [d, 0]));
  for (const q of questions) {
    const p = jstParts(q.askedAt);
    byHour[p.hour] += 1;
    byWeekday[p.weekday] += 1;
    const day = jstDateKey(q.askedAt);
    daily.set(day, (daily.get(day) ?? 0) + 1);
  }
  const monthOf = (d: Date): string => jstDateKey(d).slice(0, 7);
  const trend =
    period.kind === 'monthly' || period.months.length < 2
      ? []
      : period.months.map((month) => {
          const inMonth = questions.filter((q) => monthOf(q.askedAt) === month);
          return {
            month,
            label: monthLabel(month),
            asked: inMonth.length,
            answered: inMonth.filter((q) => q.outcome === 'answered').length,
            ticketsOpened: opened.filter((t) => monthOf(t.createdAt) === month).length,
          };
        });
  return {
    byHour,
    byWeekday,
    daily: [...daily.entries()].map(([date, count]) => ({ date, count })),
    topQuestions: top(questions.map((q) => q.text)),
    topUnanswered: top(questions.filter((q) => q.outcome === 'no_answer').map((q) => q.text)),
    trend,
  };
}

/** Every JST date of the period, 'YYYY-MM-DD'. */
function periodDays(period: ReportPeriod): string[] {
  const days: string[] = [];
  const start = jstParts(period.from);
  for (let i = 0; ; i += 1) {
    const day = jstInstant(start.year, start.month, start.day + i);
    if (day.getTime() >= period.to.getTime()) return days;
    days.push(jstDateKey(day));
  }
}
