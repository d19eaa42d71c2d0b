import fc from 'fast-check';
import { CalendarConfig, DEFAULT_CALENDAR_CONFIG } from '../../../calendar';

const DAY_MS = 86_400_000;

/** JST midnights of dates around which closures cluster: year ends, Golden Week, 振替休日, 国民の休日. */
const ANCHORS = [
  '2024-12-28',
  '2025-05-03',
  '2025-09-15',
  '2026-01-01',
  '2026-05-04',
  '2026-09-21',
  '2026-12-29',
  '2027-01-01',
  '2030-12-31',
].map((d) => new Date(`${d}T00:00:00+09:00`).getTime());
const RANGE_FROM = new Date('2024-01-01T00:00:00+09:00').getTime();
const RANGE_TO = new Date('2031-01-01T00:00:00+09:00').getTime();

/** Any instant (ms precision) 2024–2030, biased to within ±10 days of a closure-heavy anchor. */
export const instantArb: fc.Arbitrary<Date> = fc
  .oneof(
    fc.integer({ min: RANGE_FROM, max: RANGE_TO }),
    fc.tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -10 * DAY_MS, max: 10 * DAY_MS })).map(([a, o]) => a + o),
  )
  .map((t) => new Date(t));

/** Like instantArb but on a whole minute, for minute-by-minute oracles. */
export const minuteInstantArb: fc.Arbitrary<Date> = instantArb.map(
  (d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000),
);

/** The desk hours found in municipal contracts, with or without the year-end closure. */
export const configArb: fc.Arbitrary<CalendarConfig> = fc.record({
  open: fc.constantFrom('08:30', '08:45', '08:40'),
  close: fc.constantFrom('17:15', '17:25'),
  yearEndClosed: fc.boolean(),
  extraClosedDays: fc.constantFrom<readonly string[]>(
    [],
    ['2026-06-10', '2025-12-26'],
    DEFAULT_CALENDAR_CONFIG.extraClosedDays,
  ),
});

/** Business-minute amounts from a few minutes up to ~6 desk days. */
export const minutesArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 600 }),
  fc.integer({ min: 1, max: 6 * 525 }),
);
