/** Every SLA clock of one ticket, on the targets of its type (issue 16 point 4). */
import { computeSla, runClock, validDateMs, type SlaCalendar, type SlaHold, type SlaResult } from '../calendar';
import type { TicketPriority, TicketType } from './records';
import type { SlaTargets } from './sla-targets';

/** What the clocks of a ticket depend on. */
export interface TicketClockInput {
  type: TicketType;
  priority: TicketPriority;
  createdAt: Date;
  firstResponseAt?: Date;
  resolvedAt?: Date;
  holds: readonly SlaHold[];
  /** When an operator recorded 復旧作業開始 (incidents). */
  restorationStartedAt?: Date;
  /** When the incident report became complete (incidents). */
  incidentReportAt?: Date;
}

/**
 * The response and resolution clocks on the budgets of the ticket's type; incidents also get the
 * restoration-start and incident-report clocks, which holds (保留) do not pause: the contract counts
 * them from the report of the failure. A resolved incident with no 復旧作業開始 recorded stops that clock at
 * its resolve time (recovery began at the latest when the failure was resolved), as the service records
 * on resolving since session 30; this also covers incidents resolved before then.
 */
export function computeTicketClocks(
  input: TicketClockInput,
  targets: SlaTargets,
  calendar: SlaCalendar,
  now: Date,
): SlaResult {
  const policy = targets.byType[input.type] ?? targets.byType.inquiry;
  const base = computeSla(input, policy, calendar, now);
  if (input.type !== 'incident') return base;
  const created = validDateMs(input.createdAt, 'createdAt');
  const clock = (budget: number, stop: Date | undefined, name: string) =>
    runClock(
      {
        created,
        budget,
        stoppedAt: stop ? validDateMs(stop, name) : undefined,
        now: validDateMs(now, 'now'),
        holds: [],
        ratio: policy.dueSoonRatio,
      },
      calendar,
    );
  return {
    ...base,
    restorationStart: clock(
      targets.restorationStartMinutes[input.priority],
      input.restorationStartedAt ?? input.resolvedAt,
      'restorationStartedAt',
    ),
    incidentReport: clock(targets.incidentReportMinutes, input.incidentReportAt, 'incidentReportAt'),
  };
}
