/**
 * Japan Standard Time arithmetic. Japan has no DST, so a JST wall-clock date is the UTC date of
 * `epoch + 9h`. Everything here works on epoch milliseconds and UTC getters, never the server's
 * local time zone.
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
