/**
 * Japanese business calendar (desk hours, national holidays, year-end closure) and the SLA clocks
 * that run on it. Pure domain logic in JST; no I/O.
 */
export { BusinessCalendar } from './business-calendar';
export { DEFAULT_CALENDAR_CONFIG } from './calendar-config';
export type { CalendarConfig } from './calendar-config';
export { DEFAULT_SLA_POLICY, createSlaPolicy } from './sla-policy';
export type { SlaPolicy, SlaPolicyOverrides } from './sla-policy';
export { computeSla, runClock, ms as validDateMs, SLA_CLOCK_KINDS, SLA_STATES } from './sla';
export type { ClockSpec, SlaCalendar, SlaClock, SlaClockKind, SlaHold, SlaInput, SlaResult, SlaState } from './sla';
export { SLA_STATE_LABELS, SLA_CLOCK_LABELS } from './sla-labels';
export { formatJstDayTime } from './jst-format';
export {
  eraYear,
  formatJst,
  formatJstRange,
  jstDateKey,
  jstInstant,
  jstParts,
  parseJstDateTime,
  type JstParts,
} from './jst-time';
