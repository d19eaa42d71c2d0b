/** Formatting for the console: JST dates, business durations, SLA cells. */
import type { SlaClock } from '../../../calendar';
import { M, SLA_LABELS } from './messages';

const JST_OFFSET_MS = 9 * 60 * 60_000;

/** Whether a stored date can be shown (a row written before dates were checked may hold year 0 or garbage). */
function showable(d: Date): boolean {
  const y = d.getUTCFullYear();
  return !Number.isNaN(d.getTime()) && y >= 1 && y <= 9999;
}

function jstParts(d: Date): string[] {
  const iso = new Date(d.getTime() + JST_OFFSET_MS).toISOString();
  return [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13), iso.slice(14, 16)];
}

/** `2026/04/01 10:00` in JST. */
export function formatJst(d: Date | undefined): string {
  if (!d) return '';
  if (!showable(d)) return M.time.invalidDate;
  const [y, mo, da, h, mi] = jstParts(d);
  return `${y}/${mo}/${da} ${h}:${mi}`;
}

/** Value for `<input type="datetime-local">` in JST. */
export function toDateTimeLocal(d: Date): string {
  if (!showable(d)) return '';
  const [y, mo, da, h, mi] = jstParts(d);
  return `${y}-${mo}-${da}T${h}:${mi}`;
}

/** Value for `<input type="date">` in JST. */
export function toDateInput(d: Date): string {
  return toDateTimeLocal(d).slice(0, 10);
}

/** Parses a datetime-local (or date) value as JST; Invalid Date when malformed. */
export function parseJst(value: string): Date {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00+09:00`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return new Date(`${v}:00+09:00`);
  return new Date(Number.NaN);
}

/** Business minutes as 「1時間20分」. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? M.time.hours(h, m) : M.time.minutes(m);
}

/** One SLA clock as text: remaining business time, 期限超過, or its final state. */
export function slaText(clock: SlaClock): string {
  if (clock.state === 'breached') return M.queue.overdue;
  if (clock.state === 'met' || clock.state === 'met_late') return SLA_LABELS[clock.state];
  return M.queue.remaining(formatMinutes(clock.remainingBusinessMinutes));
}
