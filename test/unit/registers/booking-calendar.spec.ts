import assert from 'node:assert/strict';
import { bookingCalendar, peakUse, type Booking } from '../../../registers';

const jst = (text: string) => new Date(`${text}:00+09:00`);
const booking = (id: string, from: string, to: string): Booking => ({
  id,
  itemId: 'item',
  requester: '沼津 花子',
  department: '企画課',
  purpose: '会議',
  startsAt: jst(from),
  endsAt: jst(to),
  status: 'approved',
  createdAt: jst('2026-06-01T09:00'),
  createdBy: 'op',
});

describe('booking calendar', () => {
  it('shows the JST week from Monday with the bookings of each day, also one spanning days', () => {
    const cal = bookingCalendar('week', '2026-07-01', [
      booking('a', '2026-06-30T10:00', '2026-06-30T12:00'),
      booking('b', '2026-07-02T16:00', '2026-07-03T10:00'),
    ]);
    assert.deepEqual(
      cal.days.map((d) => `${d.key}:${d.bookings.map((b) => b.id).join('')}`),
      ['2026-06-29:', '2026-06-30:a', '2026-07-01:', '2026-07-02:b', '2026-07-03:b', '2026-07-04:', '2026-07-05:'],
    );
    assert.equal(cal.from.toISOString(), '2026-06-28T15:00:00.000Z');
    assert.deepEqual([cal.previous, cal.next], ['2026-06-22', '2026-07-06']);
  });

  it('shows a whole month and steps over the year end', () => {
    const cal = bookingCalendar('month', '2026-12-15', []);
    assert.equal(cal.days.length, 31);
    assert.equal(cal.days[0].key, '2026-12-01');
    assert.deepEqual([cal.previous, cal.next], ['2026-11-01', '2027-01-01']);
  });
});

describe('licence peak use', () => {
  it('counts the most grants in use at one instant of the window; back-to-back windows share a seat', () => {
    const g = (from: string, to: string) => ({ startsAt: jst(from), endsAt: jst(to) });
    const grants = [g('2026-07-01T09:00', '2026-07-01T11:00'), g('2026-07-01T11:00', '2026-07-01T12:00')];
    assert.equal(peakUse(grants, jst('2026-07-01T08:00'), jst('2026-07-01T13:00')), 1);
    assert.equal(
      peakUse([...grants, g('2026-07-01T10:00', '2026-07-01T11:30')], jst('2026-07-01T08:00'), jst('2026-07-01T13:00')),
      2,
    );
    assert.equal(peakUse(grants, jst('2026-07-01T12:00'), jst('2026-07-01T13:00')), 0);
  });
});
