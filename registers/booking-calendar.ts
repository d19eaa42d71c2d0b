/** The booking calendar of an item: JST days of a week (Monday first) or a month, with the bookings on each day. */
import { jstInstant, jstParts } from '../calendar';
import { overlaps, type Booking } from './types';

/** A calendar's span. */
export type CalendarView = 'week' | 'month';

/** One JST day and the bookings overlapping it. */
export interface CalendarDay {
  /** 'YYYY-MM-DD'. */
  key: string;
  weekday: number;
  start: Date;
  end: Date;
  bookings: Booking[];
}

/** A calendar: its range, the neighbouring anchors for navigation and the days. */
export interface BookingCalendar {
  view: CalendarView;
  from: Date;
  to: Date;
  previous: string;
  next: string;
  days: CalendarDay[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const keyOf = (y: number, m: number, d: number) => {
  const p = jstParts(jstInstant(y, m, d));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};

/** The range [from, to) of the view around `anchor` ('YYYY-MM-DD', JST). */
export function calendarRange(
  view: CalendarView,
  anchor: string,
): { from: Date; to: Date; previous: string; next: string } {
  const [y, m, d] = anchor.split('-').map(Number);
  if (view === 'month') {
    return {
      from: jstInstant(y, m, 1),
      to: jstInstant(y, m + 1, 1),
      previous: keyOf(y, m - 1, 1),
      next: keyOf(y, m + 1, 1),
    };
  }
  const weekday = jstParts(jstInstant(y, m, d)).weekday;
  const monday = d - ((weekday + 6) % 7);
  return {
    from: jstInstant(y, m, monday),
    to: jstInstant(y, m, monday + 7),
    previous: keyOf(y, m, monday - 7),
    next: keyOf(y, m, monday + 7),
  };
}

/** Builds the calendar of the view around `anchor` from the item's bookings. */
export function bookingCalendar(view: CalendarView, anchor: string, bookings: readonly Booking[]): BookingCalendar {
  const range = calendarRange(view, anchor);
  const days: CalendarDay[] = [];
  const first = jstParts(range.from);
  for (let i = 0; ; i++) {
    const start = jstInstant(first.year, first.month, first.day + i);
    if (start.getTime() >= range.to.getTime()) break;
    const end = jstInstant(first.year, first.month, first.day + i + 1);
    const p = jstParts(start);
    days.push({
      key: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
      weekday: p.weekday,
      start,
      end,
      bookings: bookings.filter((b) => overlaps(b.startsAt, b.endsAt, start, end)),
    });
  }
  return { view, ...range, days };
}
