/**
 * A pasted table of public facilities (施設名,住所,電話 ⏎ ひばり市立図書館,…): the addresses and numbers in its rows are the
 * facilities' own, published, no one's — unless the table also has a column about a person (氏名, 利用者 …).
 */
import { rowsOf } from './table-rows';
import type { PiiSpan, PiiType } from './types';

/** A header cell naming the facility each row is about. */
const FACILITY_HEADER =
  /^(?:施設|施設名|施設名称|公共施設|事業所|事業所名|店舗|店舗名|会場|会場名|学校名|園名|避難所|避難所名)$/;
/** A header cell about a person: the table is a register of people, whatever else it lists. */
const PERSON_HEADER = /氏名|名前|利用者|申請者|申込者|入所者|担当者|連絡者|代表者|生年月日|フリガナ|ふりがな|カナ/;
/** What a facility publishes about itself. */
const FACILITY_TYPES: ReadonlySet<PiiType> = new Set<PiiType>(['address', 'phone', 'postal_code']);

/** The spans without the addresses and numbers in the rows of a facilities' table. */
export function withoutFacilityRows(normalized: string, spans: PiiSpan[]): PiiSpan[] {
  if (!/施設|事業所|店舗|会場|学校名|園名|避難所/.test(normalized)) return spans;
  const rows = rowsOf(normalized);
  const zones: Array<[number, number]> = [];
  for (const [i, header] of rows.entries()) {
    if (!header?.cells.some((c) => FACILITY_HEADER.test(c.text))) continue;
    if (header.cells.some((c) => PERSON_HEADER.test(c.text))) continue;
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j];
      if (!row || row.separator !== header.separator || row.cells.length !== header.cells.length) break;
      zones.push([row.cells[0]!.start, row.cells.at(-1)!.end]);
    }
  }
  if (zones.length === 0) return spans;
  return spans.filter((s) => !FACILITY_TYPES.has(s.type) || !zones.some(([a, b]) => a <= s.start && s.end <= b));
}
