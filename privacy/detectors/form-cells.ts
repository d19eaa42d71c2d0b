/**
 * Forms whose label and value stand in separate cells (session 35, the fifty-second blind batch):
 * - a label alone on its line (生年月日, Date of Birth, DOB, 旅券番号, Passport No., Name) and its value on the next line
 *   that is not blank, when the value has the label's shape — a PDF form or a web form copied field by field, a
 *   spreadsheet's two-column sheet pasted as lines;
 * - a row of a header-less table (cells apart by tabs or |) that holds a name as passports print it (SANTOS, MARIA):
 *   its dates are birth dates and its passport-shaped cells passport numbers — crew and passenger lists, visa lists;
 * - the row under a row of name labels only (姓⇥名, セイ⇥メイ): each cell a part of a name;
 * - (session 36) a table copied cell by cell, one cell a line: three or more header lines (受付No⏎氏名⏎生年月日⏎接種日), then
 *   records of as many lines each — the value in a labelled column's place gets the label's type when it has its shape
 *   (a date under 生年月日 is a birth date, the next one under 接種日 is not). Web tables and PDF tables pasted into a chat.
 */
import type { PiiSpan, PiiType } from '../types';
import { hasNotPersonWord } from './not-person-words';

/** A label alone on its line and the type of the value under it. */
const LABELS: ReadonlyArray<readonly [RegExp, PiiType]> = [
  [/^(?:生年月日|誕生日|date of birth|birth ?date|dob|d\.o\.b\.?)$/i, 'birth_date'],
  [/^(?:旅券番号|パスポート番号|passport(?: no\.?| number)?)$/i, 'passport'],
  [/^(?:name|full name|name of applicant)$/i, 'person_name'],
];

/** A date as a form holds it: 1979年11月3日, 1994-07-19, 1994/7/19, 昭和54年11月3日, S54.11.3, 3 Jun 1990. */
const DATE =
  /^(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)|(?:明治|大正|昭和|平成|令和|[MTSHR])[ ]?\d{1,2}(?:年\d{1,2}月\d{1,2}日|\.\d{1,2}\.\d{1,2})|\d{1,2} [A-Za-z]{3,9} (?:19|20)\d{2})$/;
/** A passport's number: letters and digits, at least seven digits (TK1234567, P1234567A, 09384400). */
const PASSPORT = /^(?:[A-Z]{1,2}\d{7,8}[A-Z]?|\d{8,9})$/;
/** A name as a form copies it: FAMILY, Given or two to four capitalised words. */
const LATIN_NAME =
  /^(?:[A-Z][A-Za-z'-]+, [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){0,2}|[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){1,3})$/;

const SHAPES: Readonly<Partial<Record<PiiType, RegExp>>> = {
  birth_date: DATE,
  passport: PASSPORT,
  person_name: LATIN_NAME,
};

/** Finds the values above. */
export function detectFormCells(normalized: string): PiiSpan[] {
  return [
    ...valuesUnderLabels(normalized),
    ...personRows(normalized),
    ...namesUnderNameLabels(normalized),
    ...columnsAsLines(normalized),
  ];
}

/** A cell that labels a name or its part (姓, 名, セイ, メイ, Family name): a header, never a name. */
export const NAME_LABEL_CELL =
  /^(?:姓|名|氏|セイ|メイ|せい|めい|氏名|姓名|フリガナ|ふりがな|カナ|family name|given name|first name|last name|surname)$/i;

/** The cells of a tab or | row, with their positions in the row. */
const cellsOf = (row: string): RegExpMatchArray[] =>
  row.includes('\t') || row.includes('|') ? [...row.matchAll(/[^\t|]+/g)].filter((c) => c[0].trim()) : [];

/**
 * The row under a row of name labels only (姓⇥名, セイ⇥メイ): each cell is a name's part — a roster exported with the
 * family and the given name in separate cells, however many label rows it has.
 */
function namesUnderNameLabels(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const rows = [...normalized.matchAll(/^[^\n]*$/gm)];
  for (let i = 0; i + 1 < rows.length; i++) {
    const labels = cellsOf(rows[i]![0]);
    if (labels.length < 2 || !labels.every((c) => NAME_LABEL_CELL.test(c[0].trim()))) continue;
    const row = rows[i + 1]!;
    const cells = cellsOf(row[0]);
    if (cells.length !== labels.length) continue;
    for (const c of cells) {
      const value = c[0].trim();
      if (/[\d@]/.test(value) || value.length > 12 || NAME_LABEL_CELL.test(value) || hasNotPersonWord(value)) continue;
      const start = row.index + (c.index ?? 0) + c[0].indexOf(value);
      spans.push({ type: 'person_name', start, end: start + value.length });
    }
  }
  return spans;
}

/** The lines of a text with their positions. */
const linesOf = (normalized: string): RegExpExecArray[] =>
  [...normalized.matchAll(/[^\n]*/g)].filter((m) => m.index === 0 || normalized[m.index - 1] === '\n');
/** A header cell on its own line: a short field label without digits or spaces (受付No, 氏名, 接種日, DOB). */
const FIELD_LINE = /^[^\d\s:：、。,]{1,10}$/;
const typeOf = (label: string): PiiType | undefined => LABELS.find(([re]) => re.test(label))?.[1];

/** The typed values of a table copied one cell a line: header lines, then whole records of as many lines. */
function columnsAsLines(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const lines = linesOf(normalized);
  const cell = (i: number): string => lines[i]?.[0].trim() ?? '';
  for (let i = 0; i < lines.length;) {
    let end = i;
    while (end < lines.length && FIELD_LINE.test(cell(end))) end++;
    // The records: the lines after the headers up to a blank line; the first record holds a digit (not more labels).
    let last = end;
    while (last < lines.length && cell(last)) last++;
    // A title line may stand above the headers: the headers are the last lines of the run that divide the records.
    for (let from = i; end - from >= 3; from++) {
      const k = end - from;
      const headers = Array.from({ length: k }, (_, h) => typeOf(cell(from + h)));
      const n = last - end;
      if (
        n < k ||
        n % k !== 0 ||
        !headers.some(Boolean) ||
        !/\d/.test(
          lines
            .slice(end, end + k)
            .map((l) => l[0])
            .join(''),
        )
      )
        continue;
      for (let v = end; v < last; v++) {
        const type = headers[(v - end) % k];
        const value = cell(v);
        if (!type || !SHAPES[type]!.test(value)) continue;
        const start = lines[v]!.index + lines[v]![0].indexOf(value);
        spans.push({ type, start, end: start + value.length });
      }
      break;
    }
    i = Math.max(end, i + 1);
  }
  return spans;
}

function valuesUnderLabels(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const lines = linesOf(normalized);
  for (let i = 0; i < lines.length; i++) {
    const label = lines[i]![0].trim().replace(/[:：]$/, '');
    const type = typeOf(label);
    if (!type) continue;
    // The value: the next line that is not blank, at most two blank lines below.
    let j = i + 1;
    while (j < lines.length && j <= i + 3 && !lines[j]![0].trim()) j++;
    const line = lines[j];
    if (!line || j > i + 3) continue;
    const value = line[0].trim();
    if (!SHAPES[type]!.test(value) || (type === 'person_name' && hasNotPersonWord(value))) continue;
    const start = line.index + line[0].indexOf(value);
    spans.push({ type, start, end: start + value.length });
  }
  return spans;
}

/** A name in capitals as passports print it, family name first: SANTOS, MARIA CLARA. */
const PRINTED_NAME = /^[A-Z]{2,}(?:[ '-][A-Z]{2,}){0,2}, [A-Z]{2,}(?: [A-Z]{2,}){0,2}$/;

function personRows(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const row of normalized.matchAll(/^[^\n]*[\t|][^\n]*$/gm)) {
    const cells = [...row[0].matchAll(/[^\t|]+/g)];
    if (!cells.some((c) => PRINTED_NAME.test(c[0].trim()))) continue;
    for (const c of cells) {
      const value = c[0].trim();
      const type: PiiType | undefined = DATE.test(value)
        ? 'birth_date'
        : PASSPORT.test(value) && /[A-Z]/.test(value)
          ? 'passport'
          : undefined;
      if (!type) continue;
      const start = row.index + c.index + c[0].indexOf(value);
      spans.push({ type, start, end: start + value.length });
    }
  }
  return spans;
}
