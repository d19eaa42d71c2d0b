/**
 * SLA targets per ticket type and priority (issue 16 point 4): the response and resolution budgets of
 * each type, and the two clocks of an incident (障害) that the contracts ask for — restoration started
 * (復旧作業開始) within 2 business hours and the incident report (障害報告書) within 2 weeks.
 */
import { KotaeError } from '../core';
import { createSlaPolicy, type SlaPolicy, type SlaPolicyOverrides } from '../calendar';
import { TICKET_PRIORITIES, TICKET_TYPES, type TicketPriority, type TicketType } from './records';

/** Every SLA target of a contract, in business minutes. */
export interface SlaTargets {
  /** Response and resolution budgets of each ticket type. */
  readonly byType: Readonly<Record<TicketType, SlaPolicy>>;
  /** Incidents: business minutes from the report until 復旧作業開始, per priority. */
  readonly restorationStartMinutes: Readonly<Record<TicketPriority, number>>;
  /** Incidents: business minutes from the report until the incident report is complete. */
  readonly incidentReportMinutes: number;
  /** The report budget as configured, in business days (shown on the ticket page). */
  readonly incidentReportBusinessDays: number;
}

/** Restoration start within 2 business hours (Ichikawa's contract). */
export const DEFAULT_RESTORATION_START_MINUTES = 120;
/** Incident report within 2 weeks = 10 business days. */
export const DEFAULT_INCIDENT_REPORT_BUSINESS_DAYS = 10;

/** Overrides of the targets, as read from the configuration file (every key optional). */
export interface SlaTargetOverrides {
  /** Overrides per type, on top of the shared policy. */
  types?: Partial<Record<TicketType, SlaPolicyOverrides>>;
  incident?: {
    restorationStartMinutes?: number | Partial<Record<TicketPriority, number>>;
    reportBusinessDays?: number;
  };
}

/**
 * Builds frozen targets: every type starts from `shared` (today's single policy, so the defaults keep
 * today's behaviour) with its own overrides on top; the incident clocks default to 2 business hours and
 * 10 business days of `deskMinutes` each. Throws INPUT_INVALID listing every problem.
 */
export function createSlaTargets(
  shared: SlaPolicyOverrides,
  overrides: SlaTargetOverrides,
  deskMinutes: number,
): SlaTargets {
  const problems: string[] = [];
  const byType = {} as Record<TicketType, SlaPolicy>;
  for (const type of TICKET_TYPES) {
    const own = overrides.types?.[type] ?? {};
    try {
      byType[type] = createSlaPolicy({
        ...shared,
        ...own,
        resolutionMinutes: { ...shared.resolutionMinutes, ...own.resolutionMinutes },
      });
    } catch (err) {
      const inner = err instanceof KotaeError ? (err.details?.problems as string[] | undefined) : undefined;
      problems.push(...(inner ?? [String(err)]).map((p) => `${type}: ${p}`));
    }
  }
  const restoration = overrides.incident?.restorationStartMinutes;
  const restorationStartMinutes = {} as Record<TicketPriority, number>;
  for (const p of TICKET_PRIORITIES) {
    const v = typeof restoration === 'number' ? restoration : (restoration?.[p] ?? DEFAULT_RESTORATION_START_MINUTES);
    if (!isBudget(v)) problems.push(`incident.restorationStartMinutes.${p} must be a positive number`);
    restorationStartMinutes[p] = v;
  }
  const days = overrides.incident?.reportBusinessDays ?? DEFAULT_INCIDENT_REPORT_BUSINESS_DAYS;
  if (!Number.isInteger(days) || days < 1) problems.push('incident.reportBusinessDays must be a whole number >= 1');
  if (problems.length > 0) {
    throw new KotaeError('INPUT_INVALID', `Invalid SLA targets: ${problems.join('; ')}`, {
      userMessage: 'SLA(種別ごとの対応期限)の設定に誤りがあります。',
      details: { problems },
    });
  }
  return Object.freeze({
    byType: Object.freeze(byType),
    restorationStartMinutes: Object.freeze(restorationStartMinutes),
    incidentReportMinutes: days * deskMinutes,
    incidentReportBusinessDays: days,
  });
}

function isBudget(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
