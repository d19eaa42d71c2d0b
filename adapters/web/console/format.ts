/** Formatting for the console: JST dates, business durations, SLA cells. */
import { formatJst as formatJstTime, jstParts, parseJstDateTime, type SlaClock } from '../../../calendar';
import { KotaeError } from '../../../core';
import { M, SLA_LABELS } from './messages';

/** Whether a stored date can be shown (a row written before dates were checked may hold year 0 or garbage). */
function showable(d: Date): boolean {
  const y = d.getUTCFullYear();
  return !Number.isNaN(d.getTime()) && y >= 1 && y <= 9999;
}

/** `2026/04/01 10:00` in JST; empty for no date. */
export function formatJst(d: Date | undefined): string {
  if (!d) return '';
  return showable(d) ? formatJstTime(d) : M.time.invalidDate;
}

/** Value for `<input type="datetime-local">` in JST. */
export function toDateTimeLocal(d: Date): string {
  if (!showable(d)) return '';
  const p = jstParts(d);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** Value for `<input type="date">` in JST. */
export function toDateInput(d: Date): string {
  return toDateTimeLocal(d).slice(0, 10);
}

/**
 * A value typed into `<input type="date">` or `datetime-local` (JST), checked against the calendar: a date that
 * does not exist (2026-02-30, 25:00) or malformed text is refused with INPUT_INVALID naming `label`, never
 * rolled over (to 2026-03-02). Empty text gives Invalid Date, so the service says the field is missing.
 */
export function typedJstDateTime(value: string, label: string): Date {
  const v = value.trim();
  if (!v) return new Date(Number.NaN);
  const d = parseJstDateTime(v);
  // What the browser would show again for the parsed instant must be what was typed.
  if (!Number.isNaN(d.getTime()) && toDateTimeLocal(d).slice(0, v.length) === v) return d;
  throw new KotaeError('INPUT_INVALID', `impossible date ${JSON.stringify(v.slice(0, 40))} for ${label}`, {
    userMessage: M.time.impossibleDate(label, v.slice(0, 40)),
  });
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
