/** SLA clocks of tickets, on the business calendar. */
import {
  computeSla,
  type SlaCalendar,
  type SlaClock,
  type SlaPolicy,
  type SlaResult,
  type SlaState,
} from '../calendar';
import type { TicketRecord } from '../bot';

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

/** The more urgent of the response and resolution states. */
export function overallSlaState(sla: SlaResult): SlaState {
  const a = SEVERITY.indexOf(sla.response.state);
  const b = SEVERITY.indexOf(sla.resolution.state);
  return SEVERITY[Math.min(a, b)];
}

/** Business minutes left from which an open clock is at risk (issue 14). */
export const SLA_AT_RISK_MINUTES = 30;

/** 'breached' past the due time, 'at_risk' with at most 30 business minutes left, else undefined. */
export function slaRisk(clock: SlaClock): 'at_risk' | 'breached' | undefined {
  if (clock.state === 'breached') return 'breached';
  if (clock.state !== 'ok' && clock.state !== 'due_soon') return undefined;
  return clock.remainingBusinessMinutes <= SLA_AT_RISK_MINUTES ? 'at_risk' : undefined;
}

/** The worse risk of a ticket's two clocks. */
export function ticketSlaRisk(sla: SlaResult): 'at_risk' | 'breached' | undefined {
  const risks = [slaRisk(sla.response), slaRisk(sla.resolution)];
  return risks.includes('breached') ? 'breached' : risks.includes('at_risk') ? 'at_risk' : undefined;
}
