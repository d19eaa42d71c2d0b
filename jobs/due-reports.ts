/**
 * Which reports are due at an instant (JST): from the first business day of a month, the previous
 * month's report; in October also the first-half report (上半期, April–September) of the fiscal year;
 * in April the second-half report (下半期, October–March, e.g. `FY2026H2` on 2027-04-01) and the annual
 * report of the fiscal year just ended. A report stays due for the rest of that month, so a missed
 * day is caught up. The fiscal year ends on 3/31 and its papers are due by then: from the last
 * business day of March, the March report and the annual report are due already (drafts of a period
 * in progress; the scheduler regenerates them with the full figures in April).
 */
import { jstParts } from '../calendar';
import type { ReportKind } from '../reports';

/** A report the scheduler should generate. */
export interface DueReport {
  kind: ReportKind;
  /** Period text as the CLI takes it and the store keys it: '2026-05', 'FY2026' or (下半期) 'FY2026H2'. */
  period: string;
}

/** The business-day test of the calendar. */
export interface BusinessDays {
  isBusinessDay(date: string): boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Day of month (1–31) of the first business day of a JST month. */
export function firstBusinessDay(year: number, month: number, calendar: BusinessDays): number {
  for (let day = 1; day <= 31; day += 1) {
    if (calendar.isBusinessDay(`${year}-${pad(month)}-${pad(day)}`)) return day;
  }
  return 32;
}

/** Day of month of the last business day of a JST month (0 when the month has none). */
export function lastBusinessDay(year: number, month: number, calendar: BusinessDays): number {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let day = days; day >= 1; day -= 1) {
    if (calendar.isBusinessDay(`${year}-${pad(month)}-${pad(day)}`)) return day;
  }
  return 0;
}

/** The reports due at `now`, oldest kind first (monthly, half-year, annual). */
export function dueReports(now: Date, calendar: BusinessDays): DueReport[] {
  const { year, month, day } = jstParts(now);
  const fiscalYearEnd: DueReport[] =
    month === 3 && day >= lastBusinessDay(year, 3, calendar)
      ? [
          { kind: 'monthly', period: `${year}-03` },
          { kind: 'annual', period: `FY${year - 1}` },
        ]
      : [];
  if (day < firstBusinessDay(year, month, calendar)) return fiscalYearEnd;
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  const due: DueReport[] = [{ kind: 'monthly', period: `${prevYear}-${pad(prevMonth)}` }];
  if (month === 10) due.push({ kind: 'halfyear', period: `FY${year}` });
  if (month === 4)
    due.push({ kind: 'halfyear', period: `FY${year - 1}H2` }, { kind: 'annual', period: `FY${year - 1}` });
  return [
    ...due,
    ...fiscalYearEnd.filter((f) => f.kind === 'monthly'),
    ...fiscalYearEnd.filter((f) => f.kind !== 'monthly'),
  ];
}
