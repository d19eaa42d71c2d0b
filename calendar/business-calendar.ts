import { KotaeError } from '../core';
import { CalendarConfig, DEFAULT_CALENDAR_CONFIG, resolveCalendarConfig } from './calendar-config';
import { JAPANESE_HOLIDAY_DAYS } from './japanese-holidays';
import { dayKey, jstDayNumber, jstDayStartMs, monthDayOf, MINUTE_MS, parseDayKey, weekdayOf } from './jst-time';

/** Longest run of closed days we search through before deciding the config closes everything. */
const MAX_CLOSED_RUN_DAYS = 3660;

/**
 * The Japanese business calendar of one helpdesk: business days are weekdays that are not national
 * holidays (incl. 振替休日 and 国民の休日), not in the year-end closure (if enabled) and not an extra
 * closed day. The desk is open from `open` (inclusive) to `close` (exclusive) JST on business days.
 * Holiday data comes from @holiday-jp/holiday_jp (known up to 2050). Works in JST whatever the
 * server's time zone.
 */
export class BusinessCalendar {
  private readonly openMs: number;
  private readonly closeMs: number;
  private readonly yearEndClosed: boolean;
  /** Extra closed days and national holidays, as JST day numbers. */
  private readonly closedDays: ReadonlySet<number>;

  /** Throws KotaeError INPUT_INVALID listing every problem of the config. */
  constructor(config: CalendarConfig = DEFAULT_CALENDAR_CONFIG) {
    const resolved = resolveCalendarConfig(config);
    this.openMs = resolved.openMinute * MINUTE_MS;
    this.closeMs = resolved.closeMinute * MINUTE_MS;
    this.yearEndClosed = resolved.yearEndClosed;
    this.closedDays = new Set([...resolved.closedDays, ...JAPANESE_HOLIDAY_DAYS]);
  }

  /** Length of the desk day in minutes (525 for 8:30–17:15). */
  get deskMinutes(): number {
    return (this.closeMs - this.openMs) / MINUTE_MS;
  }

  /** Whether the JST date of the instant (or the ISO date 'YYYY-MM-DD') is a business day. */
  isBusinessDay(date: Date | string): boolean {
    if (typeof date === 'string') {
      const day = parseDayKey(date);
      if (day === undefined) throw new KotaeError('INPUT_INVALID', `Not a YYYY-MM-DD date: ${date}`);
      return this.isBusinessDayNumber(day);
    }
    return this.isBusinessDayNumber(jstDayNumber(epochMs(date, 'date')));
  }

  /** Whether the desk is open at the instant (opening inclusive, closing exclusive). */
  isOpen(instant: Date): boolean {
    const t = epochMs(instant, 'instant');
    const day = jstDayNumber(t);
    const sinceMidnight = t - jstDayStartMs(day);
    return this.isBusinessDayNumber(day) && sinceMidnight >= this.openMs && sinceMidnight < this.closeMs;
  }

  /** The instant itself if the desk is open then, otherwise the next opening time. */
  nextOpening(instant: Date): Date {
    const t = epochMs(instant, 'instant');
    if (this.isOpen(instant)) return new Date(t);
    let day = jstDayNumber(t);
    if (t - jstDayStartMs(day) >= this.openMs) day += 1;
    return new Date(jstDayStartMs(this.firstBusinessDayFrom(day)) + this.openMs);
  }

  /**
   * The instant at which `minutes` business minutes have passed since `start`. Closed time is
   * skipped, so the result is open or exactly a closing time; 0 minutes returns `start` unchanged.
   * Steps a day at a time.
   */
  addBusinessMinutes(start: Date, minutes: number): Date {
    let t = epochMs(start, 'start');
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new KotaeError('INPUT_INVALID', `Business minutes must be a finite number >= 0, got ${minutes}`);
    }
    let remaining = minutes * MINUTE_MS;
    if (remaining === 0) return new Date(t);
    for (;;) {
      const day = this.firstBusinessDayFrom(jstDayNumber(t));
      const dayStart = jstDayStartMs(day);
      t = Math.max(t, dayStart + this.openMs);
      const available = Math.max(0, dayStart + this.closeMs - t);
      if (remaining <= available) return new Date(t + remaining);
      remaining -= available;
      t = jstDayStartMs(day + 1);
    }
  }

  /**
   * Business minutes from `a` to `b`: only time inside desk hours on business days counts.
   * 0 when b <= a. Fractional when the instants are not on whole minutes.
   */
  businessMinutesBetween(a: Date, b: Date): number {
    const from = epochMs(a, 'a');
    const to = epochMs(b, 'b');
    if (to <= from) return 0;
    let total = 0;
    const lastDay = jstDayNumber(to);
    for (let day = jstDayNumber(from); day <= lastDay; day += 1) {
      if (!this.isBusinessDayNumber(day)) continue;
      const dayStart = jstDayStartMs(day);
      const overlap = Math.min(to, dayStart + this.closeMs) - Math.max(from, dayStart + this.openMs);
      if (overlap > 0) total += overlap;
    }
    return total / MINUTE_MS;
  }

  /**
   * The end (the following JST midnight) of the `days`-th business day after the JST date of `instant`
   * (that date itself not counted): e.g. resolved on Thursday, 5 business days → until Thursday week ends.
   */
  businessDaysDeadline(instant: Date, days: number): Date {
    if (!Number.isInteger(days) || days < 0)
      throw new KotaeError('INPUT_INVALID', `Business days must be >= 0: ${days}`);
    let day = jstDayNumber(epochMs(instant, 'instant'));
    for (let counted = 0; counted < days;) {
      day += 1;
      if (this.isBusinessDayNumber(day)) counted += 1;
    }
    return new Date(jstDayStartMs(day + 1));
  }

  /** The JST calendar date of the instant as 'YYYY-MM-DD'. */
  jstDateKey(instant: Date): string {
    return dayKey(jstDayNumber(epochMs(instant, 'instant')));
  }

  private isBusinessDayNumber(day: number): boolean {
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) return false;
    if (this.closedDays.has(day)) return false;
    return !(this.yearEndClosed && isYearEndClosure(day));
  }

  private firstBusinessDayFrom(day: number): number {
    for (let d = day; d < day + MAX_CLOSED_RUN_DAYS; d += 1) {
      if (this.isBusinessDayNumber(d)) return d;
    }
    throw new KotaeError('INPUT_INVALID', `No business day within ${MAX_CLOSED_RUN_DAYS} days of ${dayKey(day)}`);
  }
}

/** Dec 29 – Jan 3, the customary closure of Japanese public offices (年末年始). */
function isYearEndClosure(day: number): boolean {
  const { month, date } = monthDayOf(day);
  return (month === 12 && date >= 29) || (month === 1 && date <= 3);
}

function epochMs(value: Date, name: string): number {
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new KotaeError('INPUT_INVALID', `${name} is not a valid date`);
  return t;
}
