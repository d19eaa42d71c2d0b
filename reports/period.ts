/**
 * Report periods: `monthly YYYY-MM`, `halfyear FY` / `FYH1` (上半期, April–September) and `FYH2`
 * (下半期, October–March), `annual FY` (April–March), bounded in Japan time whatever the server's
 * time zone. Keys: '2026-05', 'FY2026' (annual, and the first half as it always was), 'FY2026H2'.
 */
import { KotaeError } from '../core';
import { eraYear, jstInstant, jstParts } from '../calendar';
import { customPeriod } from './custom-period';
import { REPORT_ERRORS, REPORT_KINDS, TEXT, type ReportKind } from './labels';

/** A resolved period: [from, to) in UTC instants with Japanese labels. */
export interface ReportPeriod {
  kind: ReportKind;
  /** Normalised key: '2026-05', 'FY2026' or (下半期) 'FY2026H2'. */
  key: string;
  from: Date;
  /** Exclusive end. */
  to: Date;
  /** e.g. '令和8年5月（2026年5月）'. */
  label: string;
  /** First day of each month in the period, e.g. ['2026-04', …]. */
  months: string[];
}

/** Whether a string names a report kind. */
export function isReportKind(kind: string): kind is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(kind);
}

function invalid(internal: string, userMessage: string, details: Record<string, unknown>): KotaeError {
  return new KotaeError('REPORT_PERIOD_INVALID', internal, { userMessage, details });
}

/**
 * Parses and validates a period; throws KotaeError REPORT_PERIOD_INVALID (Japanese message) when
 * the kind or text is malformed or the period starts after `now`. A monthly, half-year or annual
 * period in progress is allowed (a draft; the March report is due before March ends); a custom
 * period must have ended (custom-period.ts).
 */
export function parsePeriod(kind: string, text: string, now: Date): ReportPeriod {
  if (!isReportKind(kind)) throw invalid(`unknown report kind ${kind}`, REPORT_ERRORS.badKind(kind), { kind });
  if (kind === 'custom') return customPeriod(text.trim(), now);
  const period =
    kind === 'monthly'
      ? monthlyPeriod(text.trim())
      : kind === 'halfyear'
        ? halfYearPeriod(text.trim())
        : fiscalPeriod(kind, text.trim());
  if (period.from.getTime() > now.getTime()) {
    throw invalid(`period ${kind} ${period.key} starts in the future`, REPORT_ERRORS.future(period.label), {
      kind,
      period: period.key,
    });
  }
  return period;
}

function monthlyPeriod(text: string): ReportPeriod {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  if (!m || year < 2000 || year > 2100 || month < 1 || month > 12) {
    throw invalid(`bad month ${text}`, REPORT_ERRORS.badMonth(text), { period: text });
  }
  const from = jstInstant(year, month);
  const key = `${year}-${String(month).padStart(2, '0')}`;
  return {
    kind: 'monthly',
    key,
    from,
    to: jstInstant(year, month + 1),
    label: `${eraYear(from)}${month}月（${year}年${month}月）`,
    months: [key],
  };
}

function fiscalYearOf(text: string): number {
  const m = /^(?:FY)?(\d{4})$/i.exec(text);
  const fy = m ? Number(m[1]) : NaN;
  if (!m || fy < 2000 || fy > 2100)
    throw invalid(`bad fiscal year ${text}`, REPORT_ERRORS.badYear(text), { period: text });
  return fy;
}

/** Months of the fiscal year `fy` from its `first` month (1 = April) on, with their label and keys. */
function fiscalSpan(kind: 'halfyear' | 'annual', fy: number, first: number, monthCount: number) {
  const from = jstInstant(fy, 3 + first);
  const to = jstInstant(fy, 3 + first + monthCount);
  const start = jstParts(from);
  const last = jstParts(new Date(to.getTime() - 1));
  const era = `${eraYear(jstInstant(fy, 4)).replace(/年$/, '')}${TEXT.fiscalYear}`;
  const span = `${start.year}年${start.month}月〜${last.year}年${last.month}月`;
  const months = Array.from({ length: monthCount }, (_, i) => {
    const p = jstParts(jstInstant(fy, 3 + first + i));
    return `${p.year}-${String(p.month).padStart(2, '0')}`;
  });
  return { kind, from, to, era, span, months };
}

function fiscalPeriod(kind: 'annual', text: string): ReportPeriod {
  const fy = fiscalYearOf(text);
  const { from, to, era, span, months } = fiscalSpan(kind, fy, 1, 12);
  return { kind, key: `FY${fy}`, from, to, label: `${era}（${span}）`, months };
}

/**
 * `2026`, `FY2026`, `2026H1`, `FY2026H1` → 上半期 (key 'FY2026', as first-half reports were always
 * stored); `2026H2`, `FY2026H2` → 下半期 (key 'FY2026H2').
 */
function halfYearPeriod(text: string): ReportPeriod {
  const m = /^(.*?)(?:H([12]))?$/i.exec(text);
  const half = m?.[2] === '2' ? 2 : 1;
  if (!m || (m[2] === undefined && /H\d*$/i.test(text)))
    throw invalid(`bad half year ${text}`, REPORT_ERRORS.badHalf(text), { period: text });
  const fy = fiscalYearOf(m[1]);
  const { from, to, era, span, months } = fiscalSpan('halfyear', fy, half === 1 ? 1 : 7, 6);
  const name = half === 1 ? TEXT.firstHalf : TEXT.secondHalf;
  return {
    kind: 'halfyear',
    key: half === 1 ? `FY${fy}` : `FY${fy}H2`,
    from,
    to,
    label: `${era} ${name}（${span}）`,
    months,
  };
}

/** '令和8年5月' style label of a 'YYYY-MM' month key. */
export function monthLabel(monthKey: string): string {
  const [y, m] = monthKey.split('-').map(Number);
  return `${eraYear(jstInstant(y, m))}${m}月`;
}
