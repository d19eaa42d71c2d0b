/**
 * A name found with a piece of it left out, made whole: the part after a ・ of a katakana name (ブラウン・エマ, where the
 * tagger knows ブラウン) or before it (ホセ・ナカムラ, where it knows ナカムラ), the part after a hyphen of a name in capitals (LEE JI-WOO), the last kanji of a given name the
 * tagger cut off (鈴鹿 透|真), the first kanji of a family name it read as a place (宇治|原 健吾) — and the katakana form
 * of a name right before its Latin form in brackets (ジョンソン・エミリー (Emily Johnson)). And (session 35) a Latin name found
 * inside a table's cell that holds only two or three Latin words: the whole cell ("Tanaka Mark" in a CSV row, where the
 * given name is also an English word) — any roster, export or pasted sheet of residents or staff. And (session 36 b)
 * the other half of a name found late (name-halves.ts) and a hiragana reading in brackets cut short, up to the bracket.
 */
import type { PiiSpan } from './types';
import { surnameLike } from './family-names';
import { rowsOf, type Cell, type Row } from './table-rows';
import { nameHalfSpans } from './name-halves';

/** A cell of two or three Latin words and nothing else. */
const LATIN_CELL = /^[A-Za-z][A-Za-z'’-]+(?: [A-Za-z][A-Za-z'’-]+){1,2}$/;

/** The cells of a table's rows that hold a Latin name found in part. */
function latinCells(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const latin = spans.filter((s) => s.type === 'person_name' && /^[A-Za-z]/.test(text.slice(s.start, s.end)));
  if (latin.length === 0) return [];
  // A table: a row of three cells or more beside a row of the same shape (not a sentence with two commas).
  const rows = rowsOf(text);
  const same = (a: Row | undefined, b: Row | undefined): boolean =>
    a !== undefined && b !== undefined && a.separator === b.separator && a.cells.length === b.cells.length;
  const cells: Cell[] = rows.flatMap((row, i) =>
    row && row.cells.length >= 3 && (same(row, rows[i - 1]) || same(row, rows[i + 1])) ? row.cells : [],
  );
  return cells.flatMap((c) =>
    LATIN_CELL.test(c.text) &&
    latin.some((s) => c.start <= s.start && s.end <= c.end && s.end - s.start < c.end - c.start)
      ? [{ type: 'person_name' as const, start: c.start, end: c.end }]
      : [],
  );
}

const KANJI = /[一-龥々ヶ]/;
/** Kanji after a name that are no part of it: honorifics, posts, offices, a household, a plural (様, 課, 長, 宅, 達). */
const AFTER_NAME = /[様殿氏宛君課係部室局所庁社校院館署班会店団隊省長家宅方達等他分名邸市区町村県都府生]/;
/** The rest of a katakana name after ・ (・エマ, ・ミン・ジュ). */
const KATAKANA_PART = /^(?:・[ァ-ヶー]{1,12})+(?![ァ-ヶー])/;
/** The parts of a katakana name before ・ (ホセ・ of ホセ・ナカムラ, where the tagger knows ナカムラ). */
const KATAKANA_LEAD = /(?<![ァ-ヶー・])(?:[ァ-ヶー]{1,12}・){1,3}$/;
/** The rest of a hiragana reading up to its closing bracket ( みどり of （さんとす らふぁえら みどり）). */
const KANA_REST = /^[ぁ-ゖー]{0,8}(?:[ \u3000][ぁ-ゖー]{1,8}){0,2}(?=[ \t]?[）)])/;
/** The rest of a name in capitals after a hyphen (-WOO of LEE JI-WOO). */
const CAPITALS_PART = /^-[A-Z]{2,}(?![A-Za-z])/;
/** A katakana name of two parts or more, then the bracket opening its Latin form. */
const KATAKANA_BEFORE = /(?<![ァ-ヶー・])([ァ-ヶー]{2,12}(?:[・ ][ァ-ヶー]{1,12}){1,3})[ \t]*[（(]$/d;

/** Fuller spans for names found with a piece of them left out. */
export function nameExtentSpans(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  // … and the other half of a name found late (the same family name found again: 深沢 拓海／深沢 ゆい).
  const out: PiiSpan[] = [...latinCells(text, spans), ...nameHalfSpans(text, spans)];
  const covered = new Uint8Array(text.length + 1);
  for (const s of spans) covered.fill(1, s.start, s.end);
  const free = (start: number, end: number): boolean => !covered.subarray(start, end).includes(1);
  for (const s of spans) {
    if (s.type !== 'person_name' || s.end <= s.start) continue;
    let { start, end } = s;
    const last = text[end - 1] ?? '';
    const rest = text.slice(end, end + 40);
    const part = /[ァ-ヶー]/.test(last)
      ? KATAKANA_PART.exec(rest)
      : /[A-Z]/.test(last)
        ? CAPITALS_PART.exec(rest)
        : null;
    if (part) end += part[0].length;
    // A reading in brackets cut short: its other hiragana words up to the bracket (（ふりがな：さんとす らふぁえら| みどり）).
    else if (/[ぁ-ゖ]/.test(last) && /[（(][^（）()\n]{0,8}$/.test(text.slice(Math.max(0, start - 9), start)))
      end += KANA_REST.exec(rest)?.[0].length ?? 0;
    // One kanji cut off a given name after a space: the next letter is no kanji, and the kanji no post or office.
    else if (
      KANJI.test(last) &&
      /[ \u3000]/.test(text.slice(start, end)) &&
      KANJI.test(text[end] ?? '') &&
      !AFTER_NAME.test(text[end]!) &&
      !KANJI.test(text[end + 1] ?? '')
    )
      end += 1;
    // One or two kanji cut off the front of a family name: with them it is still made of family names' kanji.
    const lead = /(?<![一-龥々ヶ])[一-龥々ヶ]{1,2}$/.exec(text.slice(Math.max(0, start - 3), start))?.[0] ?? '';
    const family = text.slice(start, end).split(/[ \u3000]/)[0] ?? '';
    if (lead && KANJI.test(text[start] ?? '') && /[ \u3000]/.test(text.slice(start, end)) && surnameLike(lead + family))
      start -= lead.length;
    else if (/[ァ-ヶー]/.test(text[start] ?? ''))
      start -= KATAKANA_LEAD.exec(text.slice(Math.max(0, start - 40), start))?.[0].length ?? 0;
    if ((start < s.start || end > s.end) && free(start, s.start) && free(s.end, end))
      out.push({ type: 'person_name', start, end });
    // The katakana form right before the Latin name in brackets.
    if (/^[A-Za-z]/.test(text.slice(s.start, s.end)) && /^[ \t]*[）)]/.test(text.slice(s.end))) {
      const before = KATAKANA_BEFORE.exec(text.slice(Math.max(0, s.start - 40), s.start));
      const at = before?.indices?.[1];
      const offset = Math.max(0, s.start - 40);
      if (at && free(offset + at[0], offset + at[1]))
        out.push({ type: 'person_name', start: offset + at[0], end: offset + at[1] });
    }
  }
  return out;
}
