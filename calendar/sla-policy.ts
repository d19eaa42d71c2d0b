import { KotaeError } from '../core';
import type { TicketPriority } from '../tickets';

/** Service-level targets of a helpdesk contract, in business minutes. */
export interface SlaPolicy {
  /** Budget until the first response (not paused by 保留 holds). */
  readonly responseMinutes: number;
  /** Budget until resolution per priority (paused while the ticket is on hold). */
  readonly resolutionMinutes: Readonly<Record<TicketPriority, number>>;
  /** Share of a budget used (0 < ratio <= 1) from which an open clock is 'due_soon'. */
  readonly dueSoonRatio: number;
}

/** Business minutes in one default desk day (8:30–17:15). */
const DESK_DAY_MINUTES = 525;

/**
 * Response in 2 business hours; resolution: urgent 4 h, high 8 h, normal 3 desk days, low 5 desk
 * days (desk days of 8:30–17:15); due soon at 75 % of the budget.
 */
export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = Object.freeze({
  responseMinutes: 120,
  resolutionMinutes: Object.freeze({
    urgent: 240,
    high: 480,
    normal: 3 * DESK_DAY_MINUTES,
    low: 5 * DESK_DAY_MINUTES,
  }),
  dueSoonRatio: 0.75,
});

/** Partial overrides of the default policy, e.g. from a contract's settings. */
export interface SlaPolicyOverrides {
  responseMinutes?: number;
  resolutionMinutes?: Partial<Record<TicketPriority, number>>;
  dueSoonRatio?: number;
}

/**
 * Builds a frozen policy from the defaults and overrides, validating it: budgets must be
 * positive finite numbers, dueSoonRatio in (0, 1]. Throws KotaeError INPUT_INVALID listing all problems.
 */
export function createSlaPolicy(overrides: SlaPolicyOverrides = {}): SlaPolicy {
  const policy: SlaPolicy = {
    responseMinutes: overrides.responseMinutes ?? DEFAULT_SLA_POLICY.responseMinutes,
    resolutionMinutes: Object.freeze({ ...DEFAULT_SLA_POLICY.resolutionMinutes, ...overrides.resolutionMinutes }),
    dueSoonRatio: overrides.dueSoonRatio ?? DEFAULT_SLA_POLICY.dueSoonRatio,
  };
  const problems: string[] = [];
  if (!isBudget(policy.responseMinutes)) problems.push('responseMinutes must be a positive number');
  for (const priority of Object.keys(DEFAULT_SLA_POLICY.resolutionMinutes) as TicketPriority[]) {
    if (!isBudget(policy.resolutionMinutes[priority])) {
      problems.push(`resolutionMinutes.${priority} must be a positive number`);
    }
  }
  const ratio = policy.dueSoonRatio;
  if (!(typeof ratio === 'number' && ratio > 0 && ratio <= 1)) problems.push('dueSoonRatio must be in (0, 1]');
  if (problems.length > 0) {
    throw new KotaeError('INPUT_INVALID', `Invalid SLA policy: ${problems.join('; ')}`, {
      userMessage: 'SLA(対応期限)の設定に誤りがあります。',
      details: { problems },
    });
  }
  return Object.freeze(policy);
}

function isBudget(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
