/**
 * A resident's row pasted without a header from a foreign residents' register or a visa form (PARK SEO YEON⇥KOR⇥
 * M48203917⇥1993-06-22): a cell holding a nationality's three-letter code says the row is a person's record, so its name
 * in Latin letters, its passport-shaped number and its date of birth are masked. Without the code, a row holding a Latin
 * full name, a passport-shaped number and a date of birth together is such a record too (KIM MINJUN | M00381920 |
 * 1994-03-17: a trainees' list sent without its header).
 */
import type { PiiSpan } from '../types';
import { rowsOf } from '../table-rows';
import { hasNotPersonWord } from './not-person-words';

/**
 * ISO 3166-1 alpha-3 codes of the nationalities most often registered in Japan and of other large countries (general
 * knowledge, as residence cards and passports print them).
 */
const NATIONALITY_CODES: ReadonlySet<string> = new Set(
  `CHN KOR PRK VNM PHL BRA NPL IDN MMR THA USA TWN PER IND LKA BGD PAK GBR CAN AUS FRA DEU MNG KHM MYS LAO UZB ESP ITA
  RUS UKR BOL ARG MEX COL NZL IRN TUR EGY NGA GHA KEN ZAF SGP HKG JPN PRT NLD SWE POL`.split(/\s+/),
);
const LATIN_NAME = /^(?:[A-Z][A-Za-z'’-]+)(?:,? [A-Z][A-Za-z'’-]+){1,4}$/;
const PASSPORT = /^[A-Z]{1,2}\d{7,8}$/;
/** A date of birth: a year up to 2015 (no clock: fixed), month and day. */
const BIRTH = /^(?:19\d{2}|20(?:0\d|1[0-5]))[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])$/;

/** Finds the name, passport number and birth date of rows that hold a nationality code, or all three. */
export function detectNationalityRows(normalized: string): PiiSpan[] {
  if (!/[A-Z]{2}/.test(normalized)) return [];
  const spans: PiiSpan[] = [];
  for (const row of rowsOf(normalized)) {
    if (!row || row.cells.length < 3) continue;
    const coded = row.cells.some((c) => NATIONALITY_CODES.has(c.text));
    const record = row.cells.some((c) => PASSPORT.test(c.text)) && row.cells.some((c) => BIRTH.test(c.text));
    if (!coded && !record) continue;
    const name = row.cells.find((c) => LATIN_NAME.test(c.text) && !hasNotPersonWord(c.text));
    if (!name) continue;
    spans.push({ type: 'person_name', start: name.start, end: name.end });
    for (const c of row.cells) {
      if (PASSPORT.test(c.text)) spans.push({ type: 'passport', start: c.start, end: c.end });
      else if (BIRTH.test(c.text)) spans.push({ type: 'birth_date', start: c.start, end: c.end });
    }
  }
  return spans;
}
