/** SLA clocks of tickets, on the business calendar. */
import { computeSla, type SlaCalendar, type SlaPolicy, type SlaResult, type SlaState } from '../calendar';
import type { TicketRecord } from '../bot/records';

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
