/**
 * What every report needs besides its data, built in one place for the server (`createApp`) and for
 * `kotae report`: the business calendar, the SLA policy and per-type targets, and the sections other
 * modules add (planned work, registers and lending, the 機密性3 roster).
 */
import type { DataSource } from 'typeorm';
import { BusinessCalendar, createSlaPolicy, type SlaPolicy } from '../calendar';
import type { SlaTargets } from '../tickets';
import type { Clock } from '../core';
import {
  SqlCampaignStore,
  SqlConfidentialRoster,
  SqlLendingStore,
  SqlRegisterStore,
  SqlSiteStore,
  SqlTicketTerminals,
} from '../db';
import { PlannedWorkSections } from '../operations';
import { RegisterReportSections } from '../registers';
import { rosterReportSection, type ReportSectionSource } from '../reports';
import type { KotaeConfig } from './config';
import { slaTargetsOf } from './wire-duties';

/** The desk's business calendar (desk hours, holidays, Dec 29–Jan 3, extra closed days). */
export function businessCalendarOf(config: Readonly<KotaeConfig>): BusinessCalendar {
  return new BusinessCalendar({
    open: config.desk.open,
    close: config.desk.close,
    yearEndClosed: config.desk.yearEndClosed,
    extraClosedDays: config.desk.extraClosedDays,
  });
}

/** What every report needs besides its data. */
export interface ReportParts {
  calendar: BusinessCalendar;
  slaPolicy: SlaPolicy;
  slaTargets: SlaTargets;
  sections: ReportSectionSource[];
}

/**
 * Calendar, SLA policy and targets, and the contributed report sections; `given` reuses a calendar and
 * policy already built (the composition root, app/kotae-parts.ts, builds each once).
 */
export function reportPartsOf(
  config: Readonly<KotaeConfig>,
  ds: DataSource,
  clock: Clock,
  given: { calendar?: BusinessCalendar; slaPolicy?: SlaPolicy } = {},
): ReportParts {
  const calendar = given.calendar ?? businessCalendarOf(config);
  const now = () => clock.now();
  return {
    calendar,
    slaPolicy: given.slaPolicy ?? createSlaPolicy({ responseMinutes: config.sla.responseMinutes }),
    slaTargets: slaTargetsOf(config, calendar),
    sections: [
      new PlannedWorkSections({
        campaigns: new SqlCampaignStore(ds, now),
        sites: new SqlSiteStore(ds, now),
        tickets: new SqlTicketTerminals(ds, now),
      }),
      new RegisterReportSections({ registers: new SqlRegisterStore(ds), lending: new SqlLendingStore(ds), now }),
      rosterReportSection(new SqlConfidentialRoster(ds)),
    ],
  };
}
