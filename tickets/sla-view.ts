/** SLA clocks of tickets, on the business calendar. */
import {
  computeSla,
  type SlaCalendar,
  type SlaClock,
  type SlaPolicy,
  type SlaResult,
  type SlaState,
} from '../calendar';
import type { TicketRecord } from './records';
import type { SlaTargets } from './sla-targets';
import { computeTicketClocks } from './ticket-clocks';

/** Worst first: the state a queue shows for a ticket's two clocks. */
const SEVERITY: readonly SlaState[] = ['breached', 'due_soon', 'ok', 'met_late', 'met'];

/** The SLA clocks of a ticket at `now` (holds from TicketRecord.holds pause resolution). */
export function ticketSla(ticket: TicketRecord, policy: SlaPolicy, calendar: SlaCalendar, now: Date): SlaResult {
  const input = {
    priority: ticket.priority,
    createdAt: ticket.createdAt,
    firstResponseAt: ticket.firstResponseAt,
    resolvedAt: ticket.resolvedAt,
    holds: ticket.holds,
  };
  return computeSla(input, policy, calendar, now);
}

/** Every clock of a ticket at `now` on the targets of its type (incidents: also restoration start and report). */
export function ticketClocks(ticket: TicketRecord, targets: SlaTargets, calendar: SlaCalendar, now: Date): SlaResult {
  return computeTicketClocks(
    {
      type: ticket.type,
      priority: ticket.priority,
      createdAt: ticket.createdAt,
      firstResponseAt: ticket.firstResponseAt,
      resolvedAt: ticket.resolvedAt,
      holds: ticket.holds,
      restorationStartedAt: ticket.restorationStartedAt,
      incidentReportAt: ticket.incidentReportAt,
    },
    targets,
    calendar,
    now,
  );
}

/** The clocks a result has, in display order (the incident clocks only when present). */
export function clocksOf(sla: SlaResult): SlaClock[] {
  return [sla.response, sla.resolution, sla.restorationStart, sla.incidentReport].filter(
    (c): c is SlaClock => c !== undefined,
  );
}

/** The most urgent state of a ticket's clocks. */
export function overallSlaState(sla: SlaResult): SlaState {
  return SEVERITY[Math.min(...clocksOf(sla).map((c) => SEVERITY.indexOf(c.state)))];
}

/** Business minutes left from which an open clock is at risk (issue 14). */
export const SLA_AT_RISK_MINUTES = 30;

/** 'breached' past the due time, 'at_risk' with at most 30 business minutes left, else undefined. */
export function slaRisk(clock: SlaClock): 'at_risk' | 'breached' | undefined {
  if (clock.state === 'breached') return 'breached';
  if (clock.state !== 'ok' && clock.state !== 'due_soon') return undefined;
  return clock.remainingBusinessMinutes <= SLA_AT_RISK_MINUTES ? 'at_risk' : undefined;
}

/** The worst risk of a ticket's clocks. */
export function ticketSlaRisk(sla: SlaResult): 'at_risk' | 'breached' | undefined {
  const risks = clocksOf(sla).map(slaRisk);
  return risks.includes('breached') ? 'breached' : risks.includes('at_risk') ? 'at_risk' : undefined;
}
