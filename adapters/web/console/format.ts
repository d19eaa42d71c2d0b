/** Formatting for the console: JST dates, business durations, SLA cells. */
import { formatJst as formatJstTime, jstParts, type SlaClock } from '../../../calendar';
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
