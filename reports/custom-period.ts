/**
 * A custom period (`custom`): any run of whole JST days for the 作業実績報告書 and the usage
 * analysis. Written `YYYY-MM-DD..YYYY-MM-DD` (both days included) or as its key `YYMMDD-YYMMDD`
 * (the key fits the report table's period column and file names). Refused with a Japanese message:
 * a malformed or impossible date, from after to, a period ending after today, more than
 * CUSTOM_PERIOD_MAX_DAYS days. A period ending today holds the data so far: its report is a draft
 * (like a running month's) and can be marked final only once the period has ended.
 */
import { KotaeError } from '../core';
import { eraYear, jstDateKey, jstInstant, jstParts } from '../calendar';
import { REPORT_ERRORS } from './labels';
import type { ReportPeriod } from './period';

/** Longest custom period: one leap year. Longer spans are the annual report's job. */
export const CUSTOM_PERIOD_MAX_DAYS = 366;

const DAY_MS = 86_400_000;

function invalid(internal: string, userMessage: string, text: string): KotaeError {
  return new KotaeError('REPORT_PERIOD_INVALID', internal, { userMessage, details: { kind: 'custom', period: text } });
}

/** 00:00 JST of a 'YYYY-MM-DD' day, or undefined when it is not a real date in 2000–2099. */
function dayStart(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2099) return undefined;
  const instant = jstInstant(y, mo, d);
  return jstDateKey(instant) === text ? instant : undefined;
}

/** The two days of `YYYY-MM-DD..YYYY-MM-DD` or of a key `YYMMDD-YYMMDD`, as 'YYYY-MM-DD' texts. */
function splitDays(text: string): [string, string] | undefined {
  const range = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|〜|~)\s*(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (range) return [range[1], range[2]];
  const key = /^(\d{2})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!key) return undefined;
  return [`20${key[1]}-${key[2]}-${key[3]}`, `20${key[4]}-${key[5]}-${key[6]}`];
}

/** The custom-period text of two dates (console form, CLI `--from/--to`). */
export function customPeriodText(from: string, to: string): string {
  return `${from.trim()}..${to.trim()}`;
}

const jpDay = (d: Date): string => {
  const p = jstParts(d);
  return `${p.year}年${p.month}月${p.day}日`;
};
const eraDay = (d: Date): string => {
  const p = jstParts(d);
  return `${eraYear(d)}${p.month}月${p.day}日`;
};

/** Parses and validates a custom period at `now` (see the module comment). */
export function customPeriod(text: string, now: Date): ReportPeriod {
  const days = splitDays(text);
  const from = days && dayStart(days[0]);
  const lastDay = days && dayStart(days[1]);
  if (!days || !from || !lastDay) throw invalid(`bad custom period ${text}`, REPORT_ERRORS.badRange(text), text);
  if (from.getTime() > lastDay.getTime())
    throw invalid(`custom period ${text} ends before it starts`, REPORT_ERRORS.reversed(days[0], days[1]), text);
  const to = new Date(lastDay.getTime() + DAY_MS);
  const length = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  if (length > CUSTOM_PERIOD_MAX_DAYS)
    throw invalid(
      `custom period ${text} is ${length} days`,
      REPORT_ERRORS.tooLong(length, CUSTOM_PERIOD_MAX_DAYS),
      text,
    );
  if (lastDay.getTime() > now.getTime())
    throw invalid(`custom period ${text} ends after today`, REPORT_ERRORS.notEndedYet(days[1]), text);
  const key = `${days[0].slice(2).replace(/-/g, '')}-${days[1].slice(2).replace(/-/g, '')}`;
  const months: string[] = [];
  for (let d = from; d.getTime() < to.getTime();) {
    const p = jstParts(d);
    months.push(`${p.year}-${String(p.month).padStart(2, '0')}`);
    d = jstInstant(p.year, p.month + 1);
  }
  return {
    kind: 'custom',
    key,
    from,
    to,
    label: `${eraDay(from)}〜${eraDay(lastDay)}（${jpDay(from)}〜${jpDay(lastDay)}）`,
    months,
  };
}
