import holidayJp from '@holiday-jp/holiday_jp';
import { parseDayKey } from './jst-time';

/**
 * JST day numbers of every Japanese national holiday known to @holiday-jp/holiday_jp (1970–2050),
 * including 振替休日 and 国民の休日. Read from the data by date key, because the library's
 * `isHoliday(Date)` formats dates in the server's local time zone. Immutable.
 */
export const JAPANESE_HOLIDAY_DAYS: readonly number[] = Object.freeze(
  Object.keys(holidayJp.holidays)
    .map(parseDayKey)
    .filter((day): day is number => day !== undefined),
);
