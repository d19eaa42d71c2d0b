import { KotaeError } from '../core';
import { parseClockTime, parseDayKey } from './jst-time';

/** Desk hours and closures of a helpdesk, as written in its contract. All times are JST. */
export interface CalendarConfig {
  /** Opening time 'HH:MM' JST, e.g. '08:30'. */
  readonly open: string;
  /** Closing time 'HH:MM' JST, e.g. '17:15'; must be after `open`. */
  readonly close: string;
  /** Whether the year-end/New-Year closure (Dec 29 – Jan 3) applies. */
  readonly yearEndClosed: boolean;
  /** Further closed days as ISO dates 'YYYY-MM-DD' (e.g. municipal holidays, system maintenance). */
  readonly extraClosedDays: readonly string[];
}

/** 8:30–17:15 on business days, closed Dec 29 – Jan 3, no extra closed days. */
export const DEFAULT_CALENDAR_CONFIG: Readonly<CalendarConfig> = Object.freeze({
  open: '08:30',
  close: '17:15',
  yearEndClosed: true,
  extraClosedDays: Object.freeze([]),
});

/** A validated calendar config in the numeric form the calendar computes with. */
export interface ResolvedCalendarConfig {
  /** Opening, in minutes after 00:00 JST. */
  readonly openMinute: number;
  /** Closing, in minutes after 00:00 JST. */
  readonly closeMinute: number;
  readonly yearEndClosed: boolean;
  /** Extra closed days as JST day numbers. */
  readonly closedDays: ReadonlySet<number>;
}

/**
 * Validates a calendar config and converts it to numbers. Reports every problem at once as a
 * KotaeError INPUT_INVALID (details.problems lists them).
 */
export function resolveCalendarConfig(config: CalendarConfig): ResolvedCalendarConfig {
  const problems: string[] = [];
  const openMinute = clockTime(config.open, 'open', problems);
  const closeMinute = clockTime(config.close, 'close', problems);
  if (openMinute !== undefined && closeMinute !== undefined && closeMinute <= openMinute) {
    problems.push(`close (${config.close}) must be after open (${config.open})`);
  }
  if (typeof config.yearEndClosed !== 'boolean') problems.push('yearEndClosed must be true or false');
  const closedDays = new Set<number>();
  if (!Array.isArray(config.extraClosedDays)) {
    problems.push('extraClosedDays must be a list of YYYY-MM-DD dates');
  } else {
    for (const key of config.extraClosedDays) {
      const day = typeof key === 'string' ? parseDayKey(key) : undefined;
      if (day === undefined) problems.push(`extraClosedDays: ${JSON.stringify(key)} is not a YYYY-MM-DD date`);
      else closedDays.add(day);
    }
  }
  if (problems.length > 0 || openMinute === undefined || closeMinute === undefined) {
    throw new KotaeError('INPUT_INVALID', `Invalid calendar config: ${problems.join('; ')}`, {
      userMessage: '窓口時間または休業日の設定に誤りがあります。',
      details: { problems },
    });
  }
  return { openMinute, closeMinute, yearEndClosed: config.yearEndClosed, closedDays };
}

function clockTime(value: unknown, field: string, problems: string[]): number | undefined {
  const minute = typeof value === 'string' ? parseClockTime(value) : undefined;
  if (minute === undefined) problems.push(`${field} must be a time HH:MM, got ${JSON.stringify(value)}`);
  return minute;
}
