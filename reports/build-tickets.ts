/** The tickets section: volumes, backlog and SLA (response within 2 business hours). */
import { TICKET_TYPES, type TicketRecord } from '../tickets';
import { computeSla, type SlaCalendar, type SlaClock, type SlaPolicy } from '../calendar';
import { formatJst } from '../calendar';
import { PRIORITY_LABELS, TEXT, TYPE_LABELS } from './labels';
import type { SlaBreach, SlaSection, TicketSection } from './model';
import { countBy, durationStats, rate } from './stats';

/** What the tickets section is built from. */
export interface TicketInputs {
  opened: readonly TicketRecord[];
  resolved: readonly TicketRecord[];
  closed: readonly TicketRecord[];
  backlog: readonly TicketRecord[];
}

/** Priorities from the most to the least pressing. */
const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'];

/** Builds the tickets section; SLA clocks are evaluated at `asOf` (period end, or now if earlier). */
export function buildTickets(input: TicketInputs, policy: SlaPolicy, calendar: SlaCalendar, asOf: Date): TicketSection {
  const typeLabel = (k: string): string => (TYPE_LABELS as Record<string, string>)[k] ?? k;
  const priorityLabel = (k: string): string => (PRIORITY_LABELS as Record<string, string>)[k] ?? k;
  return {
    opened: input.opened.length,
    resolved: input.resolved.length,
    closed: input.closed.length,
    backlogAtEnd: input.backlog.length,
    byCategory: countBy(
      input.opened,
      (t) => t.category.trim() || TEXT.uncategorized,
      (k) => k,
    ),
    byType: countBy(input.opened, (t) => t.type, typeLabel, TICKET_TYPES),
    byPriority: countBy(input.opened, (t) => t.priority, priorityLabel, PRIORITY_ORDER),
    sla: buildSla(input, policy, calendar, asOf),
  };
}

/** Hides events after `asOf`, so a report regenerated later shows the same figures. */
const seen = (t: Date | undefined, asOf: Date): Date | undefined =>
  t && t.getTime() <= asOf.getTime() ? t : undefined;

function buildSla(input: TicketInputs, policy: SlaPolicy, calendar: SlaCalendar, asOf: Date): SlaSection {
  let met = 0;
  let breached = 0;
  let pending = 0;
  const responseMinutes: number[] = [];
  const breaches: SlaBreach[] = [];
  for (const t of input.opened) {
    const sla = computeSla(slaInput(t, asOf), policy, calendar, asOf);
    const state = sla.response.state;
    if (state === 'met') met += 1;
    else if (state === 'met_late' || state === 'breached') breached += 1;
    else pending += 1;
    if (seen(t.firstResponseAt, asOf)) responseMinutes.push(sla.response.elapsedBusinessMinutes);
    addBreach(breaches, t, 'response', sla.response, seen(t.firstResponseAt, asOf));
    addBreach(breaches, t, 'resolution', sla.resolution, seen(t.resolvedAt, asOf));
  }
  const resolutionMinutes = input.resolved
    .filter((t) => seen(t.resolvedAt, asOf))
    .map((t) => computeSla(slaInput(t, asOf), policy, calendar, asOf).resolution.elapsedBusinessMinutes);
  return {
    evaluated: met + breached,
    met,
    breached,
    pending,
    complianceRate: rate(met, met + breached),
    response: durationStats(responseMinutes),
    resolution: durationStats(resolutionMinutes),
    breaches: breaches.sort(
      (a, b) =>
        a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number) || a.clock.localeCompare(b.clock),
    ),
  };
}

function slaInput(t: TicketRecord, asOf: Date) {
  return {
    priority: t.priority,
    createdAt: t.createdAt,
    firstResponseAt: seen(t.firstResponseAt, asOf),
    resolvedAt: seen(t.resolvedAt, asOf),
    holds: t.holds
      .filter((h) => h.from.getTime() <= asOf.getTime())
      .map((h) => ({ from: h.from, to: seen(h.to, asOf) })),
  };
}

function addBreach(
  out: SlaBreach[],
  t: TicketRecord,
  clock: SlaBreach['clock'],
  c: SlaClock,
  stoppedAt: Date | undefined,
): void {
  if (c.state !== 'met_late' && c.state !== 'breached') return;
  out.push({
    number: t.number,
    title: t.title,
    priority: PRIORITY_LABELS[t.priority] ?? t.priority,
    clock,
    createdAt: formatJst(t.createdAt),
    dueAt: formatJst(c.dueAt),
    stoppedAt: stoppedAt ? formatJst(stoppedAt) : '',
    elapsedBusinessMinutes: c.elapsedBusinessMinutes,
    state: c.state,
  });
}
