import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BusinessCalendar } from '../../../calendar';
import { configArb, instantArb, minuteInstantArb, minutesArb } from './arbitraries';
import { toJst } from './jst';

const RUNS = { numRuns: 200 };

describe('BusinessCalendar properties', () => {
  it('businessMinutesBetween(t, addBusinessMinutes(t, m)) === m', () => {
    fc.assert(
      fc.property(configArb, instantArb, minutesArb, (config, t, m) => {
        const cal = new BusinessCalendar(config);
        assert.equal(cal.businessMinutesBetween(t, cal.addBusinessMinutes(t, m)), m);
      }),
      RUNS,
    );
  });

  it('addBusinessMinutes ends while open or exactly at a closing time', () => {
    fc.assert(
      fc.property(configArb, instantArb, minutesArb, (config, t, m) => {
        const cal = new BusinessCalendar(config);
        const end = cal.addBusinessMinutes(t, m);
        const atClose = toJst(end).endsWith(`T${config.close}`) && end.getTime() % 60_000 === 0;
        assert.ok(cal.isOpen(end) || (atClose && cal.isBusinessDay(end)), toJst(end));
      }),
      RUNS,
    );
  });

  it('is additive: add(add(t, a), b) equals add(t, a + b)', () => {
    fc.assert(
      fc.property(configArb, instantArb, minutesArb, minutesArb, (config, t, a, b) => {
        const cal = new BusinessCalendar(config);
        assert.equal(
          cal.addBusinessMinutes(cal.addBusinessMinutes(t, a), b).getTime(),
          cal.addBusinessMinutes(t, a + b).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('businessMinutesBetween is additive over a split point', () => {
    fc.assert(
      fc.property(configArb, fc.array(instantArb, { minLength: 3, maxLength: 3 }), (config, times) => {
        const cal = new BusinessCalendar(config);
        const [a, b, c] = [...times].sort((x, y) => x.getTime() - y.getTime());
        assert.ok(a && b && c);
        const sum = cal.businessMinutesBetween(a, b) + cal.businessMinutesBetween(b, c);
        assert.ok(Math.abs(cal.businessMinutesBetween(a, c) - sum) < 1e-6);
      }),
      { numRuns: 100 },
    );
  });

  it('is monotone in the start and in the minutes', () => {
    fc.assert(
      fc.property(configArb, instantArb, instantArb, minutesArb, minutesArb, (config, t1, t2, m1, m2) => {
        const cal = new BusinessCalendar(config);
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [few, many] = m1 <= m2 ? [m1, m2] : [m2, m1];
        assert.ok(cal.addBusinessMinutes(early, few) <= cal.addBusinessMinutes(late, few));
        assert.ok(cal.addBusinessMinutes(early, few) <= cal.addBusinessMinutes(early, many));
      }),
      RUNS,
    );
  });

  it('counts exactly the open minutes (minute-by-minute oracle over up to 3 days)', () => {
    fc.assert(
      fc.property(configArb, minuteInstantArb, fc.integer({ min: 0, max: 3 * 1440 }), (config, a, span) => {
        const cal = new BusinessCalendar(config);
        let open = 0;
        for (let i = 0; i < span; i += 1) if (cal.isOpen(new Date(a.getTime() + i * 60_000))) open += 1;
        assert.equal(cal.businessMinutesBetween(a, new Date(a.getTime() + span * 60_000)), open);
      }),
      { numRuns: 60 },
    );
  });

  it('never counts a minute of a closed day', () => {
    fc.assert(
      fc.property(configArb, instantArb, (config, t) => {
        const cal = new BusinessCalendar(config);
        const midnight = new Date(`${cal.jstDateKey(t)}T00:00:00+09:00`);
        const nextMidnight = new Date(midnight.getTime() + 86_400_000);
        const minutes = cal.businessMinutesBetween(midnight, nextMidnight);
        assert.equal(minutes, cal.isBusinessDay(t) ? cal.deskMinutes : 0);
      }),
      RUNS,
    );
  });

  it('nextOpening is open, not before the instant, and nothing is open in between', () => {
    fc.assert(
      fc.property(configArb, instantArb, (config, t) => {
        const cal = new BusinessCalendar(config);
        const next = cal.nextOpening(t);
        assert.ok(cal.isOpen(next) && next >= t);
        assert.equal(cal.businessMinutesBetween(t, next), 0);
      }),
      RUNS,
    );
  });
});
