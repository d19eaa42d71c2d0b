/**
 * Japan-time helpers of the reports. JST has no DST, so a JST wall clock is the UTC clock of
 * `instant + 9h`; nothing here depends on the server's time zone.
 */
const JST_OFFSET_MS = 9 * 3_600_000;

/** Wall-clock parts of an instant in Japan time. */
export interface JstParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
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
