/**
 * Japan Standard Time: the one place that knows Japan is UTC+9. Japan has no DST, so a JST
 * wall-clock date is the UTC date of `epoch + 9h`. Everything here works on epoch milliseconds and
 * UTC getters, never the server's local time zone. The calendar, reports, jobs and the console use
 * these helpers.
 */

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;
/** Milliseconds in a (JST, DST-free) day. */
export const DAY_MS = 86_400_000;
/** JST is UTC+9 all year. */
export const JST_OFFSET_MS = 9 * 60 * MINUTE_MS;

/** Days since 1970-01-01 of the JST calendar date that contains the instant. */
export function jstDayNumber(epochMs: number): number {
  return Math.floor((epochMs + JST_OFFSET_MS) / DAY_MS);
}

/** Epoch milliseconds of 00:00 JST on the given JST day number. */
export function jstDayStartMs(day: number): number {
  return day * DAY_MS - JST_OFFSET_MS;
}

/** 'YYYY-MM-DD' of a JST day number. */
export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a JST day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Month (1–12) and day of month of a JST day number. */
export function monthDayOf(day: number): { month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** Parses an ISO calendar date 'YYYY-MM-DD' into a day number; undefined if not a real date. */
export function parseDayKey(key: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  return Number.isInteger(day) && dayKey(day) === key ? day : undefined;
}

/** Parses a wall-clock time 'HH:MM' (00:00–24:00) into minutes after midnight; undefined if malformed. */
export function parseClockTime(text: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

/** Wall-clock parts of an instant in Japan time. */
export interface JstParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** The JST wall-clock parts of an instant. */
export function jstParts(instant: Date): JstParts {
  const d = new Date(instant.getTime() + JST_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** The instant of a JST wall-clock time (month 1–12; overflowing values roll over like Date.UTC). */
export function jstInstant(year: number, month: number, day = 1, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - JST_OFFSET_MS);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of the JST date of an instant. */
export function jstDateKey(instant: Date): string {
  const p = jstParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 'YYYY/MM/DD HH:MM' in JST, the way the reports print times. */
export function formatJst(instant: Date): string {
  const p = jstParts(instant);
  return `${p.year}/${pad(p.month)}/${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** 'YYYY/MM/DD HH:MM〜HH:MM' (same day) or '… 〜YYYY/MM/DD HH:MM' (spanning days). */
export function formatJstRange(start: Date, end: Date): string {
  const a = formatJst(start);
  const b = formatJst(end);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}〜${b.slice(11)}` : `${a}〜${b}`;
}

/**
 * The Japanese era year of an instant, e.g. '令和8年' or '令和元年', derived with Intl's Japanese
 * calendar in Asia/Tokyo. ICU versions differ on year 1 ('1' or '元'); we always print 元年.
 */
export function eraYear(instant: Date): string {
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    timeZone: 'Asia/Tokyo',
  }).formatToParts(instant);
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return `${era}${year === '1' ? '元' : year}年`;
}

/**
 * Parses a JST wall-clock value as typed into `<input type="date">` ('YYYY-MM-DD', midnight) or
 * `<input type="datetime-local">` ('YYYY-MM-DDTHH:MM'); Invalid Date when malformed or when the date
 * or time does not exist (2026-02-30, 2027-02-29, month 13, day 0, 24:00, 23:60) — never rolled over.
 */
export function parseJstDateTime(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!m) return new Date(Number.NaN);
  const [year, month, day, hour, minute] = m.slice(1).map((part) => Number(part ?? 0));
  const real = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59;
  if (!real) return new Date(Number.NaN);
  // The ISO form keeps years 0000–0099 as typed (Date.UTC would read them as 1900–1999).
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${pad(hour)}:${pad(minute)}:00+09:00`);
}

/** Days in a month of the proleptic Gregorian calendar (February: 29 in leap years). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
