import { KotaeError } from '../core';
import { TicketPriority } from '../tickets';
import { BusinessCalendar } from './business-calendar';
import { SlaPolicy } from './sla-policy';

/** State of one SLA clock. */
export type SlaState = 'ok' | 'due_soon' | 'breached' | 'met' | 'met_late';
/** All SLA states, in display order. */
export const SLA_STATES: readonly SlaState[] = ['ok', 'due_soon', 'breached', 'met', 'met_late'];

/** A period in 保留 (on hold); `to` is absent while the ticket is still on hold. */
export interface SlaHold {
  from: Date;
  to?: Date;
}

/** What the SLA clocks of one ticket depend on. */
export interface SlaInput {
  priority: TicketPriority;
  createdAt: Date;
  firstResponseAt?: Date;
  resolvedAt?: Date;
  /** Periods that pause the resolution clock (not the response clock). May overlap. */
  holds: readonly SlaHold[];
}

/** One SLA clock, measured in business minutes (whole minutes, rounded down). */
export interface SlaClock {
  /** When the budget runs out; pushed back by paused business time. */
  dueAt: Date;
  state: SlaState;
  /** The budget of this clock. */
  budgetBusinessMinutes: number;
  /** Business minutes counted so far (until the stop event or `now`), pauses excluded. */
  elapsedBusinessMinutes: number;
  /** Business minutes left of the budget; 0 once used up. */
  remainingBusinessMinutes: number;
}

/** The SLA clocks of a ticket: response and resolution, and for incidents the two incident clocks. */
export interface SlaResult {
  response: SlaClock;
  resolution: SlaClock;
  /** Incidents: until 復旧作業開始 is recorded (issue 16 point 4). */
  restorationStart?: SlaClock;
  /** Incidents: until the incident report (原因・対応・再発防止策) is complete. */
  incidentReport?: SlaClock;
}

/** The clocks a ticket may have, in display order (the keys of SlaResult). */
export type SlaClockKind = 'response' | 'resolution' | 'restorationStart' | 'incidentReport';
/** All clock kinds. */
export const SLA_CLOCK_KINDS: readonly SlaClockKind[] = [
  'response',
  'resolution',
  'restorationStart',
  'incidentReport',
];

/** The part of the business calendar the SLA clocks need. */
export type SlaCalendar = Pick<BusinessCalendar, 'addBusinessMinutes' | 'businessMinutesBetween'>;

type Interval = { from: number; to: number };

/**
 * Computes the response and resolution clocks of a ticket at `now`. Clocks count business minutes
 * only, so a ticket created out of hours starts at the next opening. The resolution clock is paused
 * during holds; the due time moves back by the business minutes paused. A stopped clock is 'met'
 * when it stopped at or before its due time, else 'met_late'; a running one is 'breached' after its
 * due time, 'due_soon' once `policy.dueSoonRatio` of the budget is used, else 'ok'.
 */
export function computeSla(input: SlaInput, policy: SlaPolicy, calendar: SlaCalendar, now: Date): SlaResult {
  const created = ms(input.createdAt, 'createdAt');
  const nowMs = ms(now, 'now');
  const responseEnd = input.firstResponseAt ? ms(input.firstResponseAt, 'firstResponseAt') : undefined;
  const resolutionEnd = input.resolvedAt ? ms(input.resolvedAt, 'resolvedAt') : undefined;
  const resolutionBudget = policy.resolutionMinutes[input.priority];
  if (resolutionBudget === undefined) {
    throw new KotaeError('INPUT_INVALID', `Unknown ticket priority: ${String(input.priority)}`);
  }
  const clock = (budget: number, stoppedAt: number | undefined, holds: readonly SlaHold[]): SlaClock =>
    runClock({ created, budget, stoppedAt, now: nowMs, holds, ratio: policy.dueSoonRatio }, calendar);
  return {
    response: clock(policy.responseMinutes, responseEnd, []),
    resolution: clock(resolutionBudget, resolutionEnd, input.holds),
  };
}

/** What one clock is computed from (times in epoch milliseconds). */
export interface ClockSpec {
  created: number;
  budget: number;
  stoppedAt: number | undefined;
  now: number;
  holds: readonly SlaHold[];
  ratio: number;
}

/** One clock on the business calendar: budget spent on active stretches, paused during holds. */
export function runClock(spec: ClockSpec, calendar: SlaCalendar): SlaClock {
  const end = spec.stoppedAt ?? spec.now;
  const pauses = mergeHolds(spec.holds, spec.created, Math.max(end, spec.created));
  const between = (a: number, b: number): number => calendar.businessMinutesBetween(new Date(a), new Date(b));

  let elapsed = between(spec.created, end);
  for (const p of pauses) elapsed -= between(p.from, p.to);

  // Walk the pauses: the budget is spent on the active stretches between them.
  let cursor = spec.created;
  let left = spec.budget;
  for (const p of pauses) {
    const active = between(cursor, p.from);
    if (active >= left) break;
    left -= active;
    cursor = p.to;
  }
  const dueAt = calendar.addBusinessMinutes(new Date(cursor), left).getTime();

  const used = Math.max(0, Math.floor(elapsed + 1e-9));
  return {
    dueAt: new Date(dueAt),
    state: stateOf(spec, dueAt, used),
    budgetBusinessMinutes: spec.budget,
    elapsedBusinessMinutes: used,
    remainingBusinessMinutes: Math.max(0, spec.budget - used),
  };
}

function stateOf(spec: ClockSpec, dueAt: number, used: number): SlaState {
  if (spec.stoppedAt !== undefined) return spec.stoppedAt <= dueAt ? 'met' : 'met_late';
  if (spec.now > dueAt) return 'breached';
  return used >= spec.budget * spec.ratio ? 'due_soon' : 'ok';
}

/** Clips holds to [start, end], sorts and merges overlapping ones; an open hold lasts until `end`. */
function mergeHolds(holds: readonly SlaHold[], start: number, end: number): Interval[] {
  const clipped: Interval[] = [];
  for (const hold of holds) {
    const from = ms(hold.from, 'hold.from');
    const to = hold.to ? ms(hold.to, 'hold.to') : Math.max(from, end);
    if (to < from) throw new KotaeError('INPUT_INVALID', 'A hold ends before it starts');
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b > a) clipped.push({ from: a, to: b });
  }
  clipped.sort((x, y) => x.from - y.from);
  const merged: Interval[] = [];
  for (const iv of clipped) {
    const last = merged[merged.length - 1];
    if (last && iv.from <= last.to) last.to = Math.max(last.to, iv.to);
    else merged.push({ ...iv });
  }
  return merged;
}

/** Epoch milliseconds of a valid date; INPUT_INVALID otherwise. */
export function ms(value: Date, name: string): number {
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new KotaeError('INPUT_INVALID', `${name} is not a valid date`);
  return t;
}
