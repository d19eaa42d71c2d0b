/**
 * When a report's unfinished delivery is attempted again. The first round is the runner's attempts
 * (3 tries with backoff), resumed by any instance until they are used up. A delivery that failed them
 * all gets one more round on the next business day after its generation (a mail server down for an
 * evening does not lose the monthly report); after that it stays failed until an administrator resends it.
 * Only scheduled attempts count here (`attempts`): an administrator's 再送 (`manualAttempts`) never uses up
 * a round.
 */
import { jstDateKey } from '../calendar';
import type { ChannelProgress } from '../reports';
import type { BusinessDays } from './due-reports';

/** Whether another round of scheduled attempts is due now for a report whose unaudited channels are `open`. */
export function deliveryRoundDue(
  open: readonly ChannelProgress[],
  now: Date,
  calendar: BusinessDays,
  maxAttempts: number,
): boolean {
  const unfinished = open.filter((r) => !r.auditedAt);
  if (unfinished.length === 0) return false;
  const attempts = Math.max(...unfinished.map((r) => r.attempts));
  if (attempts < maxAttempts) return true;
  if (attempts >= 2 * maxAttempts) return false;
  const today = jstDateKey(now);
  const generated = jstDateKey(new Date(Math.max(...unfinished.map((r) => r.generatedAt.getTime()))));
  return today > generated && calendar.isBusinessDay(today);
}
