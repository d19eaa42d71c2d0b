/**
 * Wiring of the desk's duties (issue 16 points 4–6): the SLA targets per type, the 機密性3 roster (and
 * its report section) and the fiscal-year switch.
 */
import type { DataSource } from 'typeorm';
import type { BusinessCalendar } from '../calendar';
import { createSlaTargets, type SlaTargets } from '../tickets';
import type { Clock } from '../core';
import { SqlConfidentialRoster } from '../db';
import { SqlFySwitchStore } from '../db';
import {
  ConfidentialRoster,
  FySwitchService,
  type AuditTrail,
  type OperatorStore,
  type TicketService,
} from '../tickets';
import type { KotaeConfig } from './config';

/** The SLA targets of the configuration on the desk calendar. */
export function slaTargetsOf(config: Readonly<KotaeConfig>, calendar: BusinessCalendar): SlaTargets {
  return createSlaTargets(
    { responseMinutes: config.sla.responseMinutes },
    config.slaTargets ?? {},
    calendar.deskMinutes,
  );
}

/** The roster service (its report section: app/report-parts.ts). */
export function wireRoster(d: { ds: DataSource; operators: OperatorStore; audit: AuditTrail; clock: Clock }) {
  const store = new SqlConfidentialRoster(d.ds);
  const roster = new ConfidentialRoster({ store, operators: d.operators, audit: d.audit, clock: d.clock });
  return { roster };
}

/** The fiscal-year switch on the ticket service. */
export function wireFySwitch(d: { ds: DataSource; tickets: TicketService; audit: AuditTrail; clock: Clock }) {
  return new FySwitchService({ store: new SqlFySwitchStore(d.ds), tickets: d.tickets, audit: d.audit, clock: d.clock });
}
