/**
 * A name's reading split like the name into a family and a given cell (吉永,和樹,ヨシナガ,カズキ,S58.11.30,…): where two
 * cells of a pasted row hold a name found (a family and a given name), the next two hold one katakana word each and the
 * row holds another item of the person's record, those are the family and the given name's readings. A reading beside
 * one name cell was already found (related-spans.ts); the second of a split one was not (session 34, the forty-eighth
 * blind batch).
 */
import { rowsOf, type Cell } from './table-rows';
import type { PiiSpan } from './types';

/** One katakana word of a reading: no long mark, no space (a system's word has one: サーバー). */
const KANA_WORD = /^[ァ-ヶ]{2,8}$/;
const KANJI_WORD = /^[一-龥々ヶ]{1,4}$/;
/** A cell opening with a date (1992/11/08, S58.11.30). */
const DATE_CELL = /^(?:(?:19|20)\d{2}|[MTSHR]\d{1,2})[/.\-]\d{1,2}[/.\-]\d{1,2}/;

/** The reading cells after a name split in two cells. */
export function splitReadingSpans(normalized: string, spans: readonly PiiSpan[]): PiiSpan[] {
  if (!/[,\t|]/.test(normalized)) return [];
  // Which letters a name covers: each cell is checked in its own length, linear in the text.
  const covered = new Uint8Array(normalized.length + 1);
  for (const s of spans) if (s.type === 'person_name') covered.fill(1, s.start, s.end);
  const found = (start: number, end: number): boolean => covered.subarray(start, end).every((c) => c === 1);
  // Another item of a person's record in the row (a birth date, a phone, an address) or a date's cell: not two katakana
  // words of data.
  const evidence = (cells: readonly Cell[]): boolean =>
    cells.some((c) => DATE_CELL.test(c.text)) ||
    spans.some((s) => s.type !== 'person_name' && cells[0]!.start <= s.start && s.end <= cells.at(-1)!.end);
  const out: PiiSpan[] = [];
  for (const row of rowsOf(normalized)) {
    const cells = row?.cells ?? [];
    for (let k = 0; k + 3 < cells.length; k++) {
      const [family, given, familyReading, givenReading] = [cells[k]!, cells[k + 1]!, cells[k + 2]!, cells[k + 3]!];
      if (
        KANJI_WORD.test(family.text) &&
        KANJI_WORD.test(given.text) &&
        found(family.start, family.end) &&
        found(given.start, given.end) &&
        KANA_WORD.test(familyReading.text) &&
        KANA_WORD.test(givenReading.text) &&
        evidence(cells)
      )
        for (const c of [familyReading, givenReading]) out.push({ type: 'person_name', start: c.start, end: c.end });
    }
  }
  return out;
}
