import assert from 'node:assert/strict';
import { BusinessCalendar, DEFAULT_CALENDAR_CONFIG } from '../../../calendar';
import { KotaeError } from '../../../core/errors';
import { jst, toJst } from './jst';

describe('BusinessCalendar', () => {
  const cal = new BusinessCalendar();

  describe('business days', () => {
    it('excludes weekends, national holidays, 振替休日 and 国民の休日', () => {
      assert.equal(cal.isBusinessDay('2025-05-02'), true); // Friday
      assert.equal(cal.isBusinessDay('2025-05-03'), false); // 憲法記念日 (Saturday)
      assert.equal(cal.isBusinessDay('2025-05-06'), false); // こどもの日 振替休日
      assert.equal(cal.isBusinessDay('2025-05-07'), true);
      assert.equal(cal.isBusinessDay('2026-09-22'), false); // 国民の休日
      assert.equal(cal.isBusinessDay('2026-09-26'), false); // Saturday
    });

    it('closes Dec 29 – Jan 3 unless yearEndClosed is false', () => {
      assert.equal(cal.isBusinessDay('2026-12-28'), true);
      for (const d of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04']) {
        assert.equal(cal.isBusinessDay(d), d === '2027-01-04', d);
      }
      const open = new BusinessCalendar({ ...DEFAULT_CALENDAR_CONFIG, yearEndClosed: false });
      assert.equal(open.isBusinessDay('2026-12-29'), true);
      assert.equal(open.isBusinessDay('2027-01-01'), false); // 元日 stays a holiday
    });

    it('closes extra days and judges a Date by its JST date', () => {
      const c = new BusinessCalendar({ ...DEFAULT_CALENDAR_CONFIG, extraClosedDays: ['2026-06-10'] });
      assert.equal(c.isBusinessDay('2026-06-10'), false);
      // 2026-06-09T15:30Z is already 06-10 00:30 in Japan.
      assert.equal(c.isBusinessDay(new Date('2026-06-09T15:30:00Z')), false);
      assert.equal(c.jstDateKey(new Date('2026-06-09T15:30:00Z')), '2026-06-10');
    });
  });

  describe('desk hours', () => {
    it('is open from opening (inclusive) to closing (exclusive)', () => {
      assert.equal(cal.isOpen(jst('2026-06-10T08:29')), false);
      assert.equal(cal.isOpen(jst('2026-06-10T08:30')), true);
      assert.equal(cal.isOpen(jst('2026-06-10T17:14')), true);
      assert.equal(cal.isOpen(jst('2026-06-10T17:15')), false);
      assert.equal(cal.isOpen(jst('2026-06-13T10:00')), false); // Saturday
    });

    it('finds the next opening', () => {
      assert.equal(toJst(cal.nextOpening(jst('2026-06-10T10:00'))), '2026-06-10T10:00');
      assert.equal(toJst(cal.nextOpening(jst('2026-06-10T07:00'))), '2026-06-10T08:30');
      assert.equal(toJst(cal.nextOpening(jst('2026-06-10T20:00'))), '2026-06-11T08:30');
      assert.equal(toJst(cal.nextOpening(jst('2026-06-12T17:15'))), '2026-06-15T08:30');
      assert.equal(toJst(cal.nextOpening(jst('2025-05-02T20:00'))), '2025-05-07T08:30'); // Golden Week
    });
  });

  describe('addBusinessMinutes / businessMinutesBetween', () => {
    it('carries over a weekend: Friday 16:30 + 120 min → Monday 09:45', () => {
      assert.equal(toJst(cal.addBusinessMinutes(jst('2026-06-12T16:30'), 120)), '2026-06-15T09:45');
      assert.equal(cal.businessMinutesBetween(jst('2026-06-12T16:30'), jst('2026-06-15T09:45')), 120);
    });

    it('carries over the year-end closure: 2026-12-28 16:00 + 120 min → 2027-01-04 09:15', () => {
      assert.equal(toJst(cal.addBusinessMinutes(jst('2026-12-28T16:00'), 120)), '2027-01-04T09:15');
    });

    it('skips 振替休日 and Golden Week', () => {
      // 2025-05-02 (Fri) → 3,4,5 holidays, 6 振替休日 → Wednesday 7th.
      assert.equal(toJst(cal.addBusinessMinutes(jst('2025-05-02T17:00'), 60)), '2025-05-07T09:15');
      assert.equal(toJst(cal.addBusinessMinutes(jst('2026-05-01T16:30'), 120)), '2026-05-07T09:45');
    });

    it('starts out-of-hours time at the next opening', () => {
      assert.equal(toJst(cal.addBusinessMinutes(jst('2026-06-10T20:00'), 120)), '2026-06-11T10:30');
      assert.equal(cal.businessMinutesBetween(jst('2026-06-10T20:00'), jst('2026-06-11T10:30')), 120);
    });

    it('ends exactly at a closing time when the budget runs out there', () => {
      assert.equal(toJst(cal.addBusinessMinutes(jst('2026-06-10T08:30'), 525)), '2026-06-10T17:15');
      assert.equal(toJst(cal.addBusinessMinutes(jst('2026-06-10T08:30'), 526)), '2026-06-11T08:31');
    });

    it('adds several business days by whole desk days', () => {
      assert.equal(toJst(cal.addBusinessMinutes(jst('2026-06-10T09:00'), 5 * 525)), '2026-06-17T09:00');
      assert.equal(cal.businessMinutesBetween(jst('2026-06-10T09:00'), jst('2026-06-17T09:00')), 5 * 525);
    });

    it('works with a 8:40–17:25 desk', () => {
      const c = new BusinessCalendar({ ...DEFAULT_CALENDAR_CONFIG, open: '08:40', close: '17:25' });
      assert.equal(c.deskMinutes, 525);
      assert.equal(toJst(c.addBusinessMinutes(jst('2026-06-12T17:00'), 60)), '2026-06-15T09:15');
      assert.equal(c.isOpen(jst('2026-06-12T17:20')), true);
      assert.equal(c.isOpen(jst('2026-06-15T08:35')), false);
    });

    it('returns 0 when b is not after a, and start itself for 0 minutes', () => {
      assert.equal(cal.businessMinutesBetween(jst('2026-06-11T10:00'), jst('2026-06-10T10:00')), 0);
      assert.equal(toJst(cal.addBusinessMinutes(jst('2026-06-13T10:00'), 0)), '2026-06-13T10:00');
    });

    it('rejects negative minutes and invalid dates', () => {
      assert.throws(() => cal.addBusinessMinutes(jst('2026-06-10T10:00'), -1), isInputInvalid);
      assert.throws(() => cal.isOpen(new Date('nope')), isInputInvalid);
      assert.throws(() => cal.isBusinessDay('2026-02-30'), isInputInvalid);
    });
  });

  describe('config validation', () => {
    it('lists every problem in one INPUT_INVALID error', () => {
      assert.throws(
        () =>
          new BusinessCalendar({
            open: '8:30',
            close: '25:00',
            yearEndClosed: true,
            extraClosedDays: ['2026-13-01', 'x'],
          }),
        (err: unknown) => {
          assert.ok(isInputInvalid(err));
          const problems = (err as KotaeError).details?.problems;
          assert.ok(Array.isArray(problems));
          assert.equal(problems.length, 4);
          assert.match((err as KotaeError).userMessage, /窓口時間/);
          return true;
        },
      );
    });

    it('requires close after open', () => {
      assert.throws(
        () => new BusinessCalendar({ ...DEFAULT_CALENDAR_CONFIG, open: '17:15', close: '08:30' }),
        /after open/,
      );
    });
  });
});

function isInputInvalid(err: unknown): boolean {
  return err instanceof KotaeError && err.code === 'INPUT_INVALID';
}
