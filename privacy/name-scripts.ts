/**
 * A name found, then the same name in another script or reading (Name: Bishnu Prasad Adhikari / बिष्णु प्रसाद अधिकारी,
 * 성명: 박지훈 / パク・チフン, NGUYEN VAN HUNG / グエン ヴァン フン; Sharma Anil さん（あにる しゃるま と呼ばれたい）; おおの
 * とみ（大野 トミ）), or the katakana reading of a name in another script alone on the next line (… अधिकारी⏎ビシュヌ・
 * プラサド・アディカリ), or quoted beside it and read the same (回答者欄に「おかもとゆか」「Okamoto Yuka」と2通り). Each found
 * reading is read for further ones, so a chain of scripts is followed to its end; linear in the names found. And
 * (session 35) the name a person goes by right before brackets holding their name found (ケンジ（税務の伊藤健二）, キム・
 * ミンジュ（김민주）さん): a katakana name of parts joined by ・, or one word read as a listed given or family name.
 * And (session 35, batch 52) a Latin name after a slash when a kana word of the name found reads as one of its words
 * (宮城 さおり / Saori MIYAGI).
 */
import type { PiiSpan } from './types';
import { KNOWN_FAMILY_NAMES } from './family-names';
import { sameReading } from './kana-romaji';
import { KATAKANA_FAMILY_NAMES, readsAsGivenName } from './detectors';

// A reading of two parts at least (パク・チフン, グエン ヴァン フン): one katakana word is as often a company or a role.
const KATAKANA = '[ァ-ヶー]{1,12}(?:[・＝ ][ァ-ヶー]{1,12}){1,4}';
const HANGUL = '[가-힣]{2,5}(?: [가-힣]{1,5}){0,2}';
const DEVANAGARI = '[\\u0900-\\u097F]+(?: [\\u0900-\\u097F]+){0,3}';
/** After a slash: the name in another script, closing the line or before a bracket or a comma. */
const AFTER_SLASH = new RegExp(
  `^[ \\t]*[/／][ \\t]*(${KATAKANA}|${HANGUL}|${DEVANAGARI})(?=[ \\t]*(?:$|\\n|[（(,、。]))`,
  'd',
);
/** In brackets: a kana reading, maybe with a note after と (と呼ばれたい), or a family name and a given name. */
const IN_BRACKETS =
  /^[ \t]*(?:さん|様|さま|氏)?[ \t]*[（(]([ぁ-んァ-ヶー]{2,8}(?:[ ・][ぁ-んァ-ヶー]{1,8}){1,3}|([一-龥々]{1,3}) [一-龥々ァ-ヶーぁ-ゖ]{1,4})(?:[ \t]*と[^）)\n]{0,20})?[）)]/d;
/**
 * In brackets: the name in a script of its own language (アニタ・マガル（अनिता मगर）, 김민주, Thai, Cyrillic, Arabic), as an
 * interpreter's note or a resident's form gives it beside the katakana.
 */
const OWN_SCRIPT_IN_BRACKETS = new RegExp(
  `^[ \\t]*[（(](${HANGUL}|${DEVANAGARI}|[\\u0E00-\\u0E7F]+(?: [\\u0E00-\\u0E7F]+){0,2}|[\\u0400-\\u04FF]+(?: [\\u0400-\\u04FF]+){1,2}|[\\u0600-\\u06FF]+(?: [\\u0600-\\u06FF]+){0,2})[）)]`,
  'd',
);
/** After a slash: a name in Latin letters (宮城 さおり / Saori MIYAGI, as a signature gives both). */
const LATIN_AFTER_SLASH =
  /^[ \t]*[/／][ \t]*([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){1,2})(?=[ \t]*(?:$|\n|[（(,、。/／]))/d;
/** Whether a word of a name in kana reads as a word of a name in Latin letters (さおり, Saori). */
const readsAlike = (name: string, latin: string): boolean =>
  name
    .split(/[ \u3000・]/)
    .some((k) => /^[ぁ-ゖァ-ヶー]{2,}$/.test(k) && latin.split(' ').some((w) => sameReading(k, w)));

/** A line holding only a katakana name of two or more parts joined by ・. */
const NEXT_LINE_READING = /^\n[ \t]*([ァ-ヶー]{2,12}(?:・[ァ-ヶー]{1,12}){1,4})[ \t]*(?=\n|$)/d;

/** A kana name standing as a word right before an opening bracket. */
const BEFORE_BRACKET = /(?<![ぁ-ゖァ-ヶー])([ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){0,3})[（(]$/d;
/** In the brackets before the name found: nothing, or the person's section or place and の. */
const OPENS_TO_NAME = /[（(](?:[一-龥ァ-ヶー]{1,10}の)?$/;

/** The kana names right before brackets whose content ends with a name found. */
function aliasesBefore(text: string, names: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const s of names) {
    if (!/^[ \t]*[）)]/.test(text.slice(s.end, s.end + 3))) continue;
    const open = OPENS_TO_NAME.exec(text.slice(Math.max(0, s.start - 12), s.start));
    if (!open) continue;
    const bracketAt = s.start - open[0].length;
    const m = BEFORE_BRACKET.exec(text.slice(Math.max(0, bracketAt - 40), bracketAt + 1));
    const alias = m?.[1];
    if (!m || !alias) continue;
    if (!alias.includes('・') && !KATAKANA_FAMILY_NAMES.has(alias) && !readsAsGivenName(alias)) continue;
    const start = bracketAt - alias.length;
    out.push({ type: 'person_name', start, end: bracketAt });
  }
  return out;
}

/** Two quoted values side by side (「…」「…」, 「…」と「…」, 「…」さんと「…」, 「…」、「…」). */
const QUOTED_PAIR = /「([^」\n]{2,24})」[ \t]*(?:さん|様|氏)?(?:[、,／/]|と|や)?[ \t]*「([^」\n]{2,24})」/dg;
const KANA_NAME = /^[ぁ-ゖァ-ヶー]+(?:[ \u3000・][ぁ-ゖァ-ヶー]+)?$/;
const LATIN_NAME = /^[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){1,2}$/;

/**
 * The other of two quoted values when one is a name found and both read the same, one in kana and one in Latin letters
 * (a fuller reading: it takes the place of a piece of the quote found before).
 */
export function quotedFormSpans(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const found = (at: [number, number]): boolean =>
    spans.some((s) => s.type === 'person_name' && s.start <= at[0] && at[1] <= s.end);
  for (const m of text.matchAll(QUOTED_PAIR)) {
    const [a, b] = [m[1]!, m[2]!];
    const [atA, atB] = [m.indices![1]!, m.indices![2]!];
    const same =
      (KANA_NAME.test(a) && LATIN_NAME.test(b) && sameReading(a, b)) ||
      (LATIN_NAME.test(a) && KANA_NAME.test(b) && sameReading(b, a));
    if (!same || found(atA) === found(atB)) continue;
    const other = found(atA) ? atB : atA;
    out.push({ type: 'person_name', start: other[0], end: other[1] });
  }
  return out;
}

/** The first letter's script block (Hangul, Devanagari, Thai …), to tell a name's other form from a note beside it. */
const SCRIPTS = [/^[가-힣]/, /^[\u0900-\u097F]/, /^[\u0E00-\u0E7F]/, /^[\u0400-\u04FF]/, /^[\u0600-\u06FF]/];
const scriptOf = (name: string): number => SCRIPTS.findIndex((re) => re.test(name.trim()));

/** The spans of the names' other scripts and readings right after the person names found. */
export function nameScriptSpans(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const queue = spans.filter((s) => s.type === 'person_name');
  const seen = new Set<number>(queue.map((s) => s.start));
  out.push(...aliasesBefore(text, queue));
  for (let i = 0; i < queue.length && i < 1000; i++) {
    const end = queue[i]!.end;
    const rest = text.slice(end, end + 80);
    // The next line is a reading only of a name in another script (Latin, Devanagari, Hangul): after 田中 一郎 it is
    // just the next line.
    const foreign = !/[ぁ-んァ-ヶ一-龥]/.test(text.slice(queue[i]!.start, end));
    const latin = LATIN_AFTER_SLASH.exec(rest);
    const latinAt = latin?.indices?.[1];
    if (latin && latinAt && readsAlike(text.slice(queue[i]!.start, end), latin[1]!) && !seen.has(end + latinAt[0])) {
      seen.add(end + latinAt[0]);
      out.push({ type: 'person_name', start: end + latinAt[0], end: end + latinAt[1] });
    }
    const readings = [AFTER_SLASH, IN_BRACKETS, OWN_SCRIPT_IN_BRACKETS];
    for (const re of foreign ? [...readings, NEXT_LINE_READING] : readings) {
      const m = re.exec(rest);
      const at = m?.indices?.[1];
      if (!m || !at) continue;
      if (m[2] !== undefined && !KNOWN_FAMILY_NAMES.has(m[2])) continue;
      // A name's other form is in another script: Hangul in brackets after a Hangul name is a note (한도윤(통역)).
      if (re === OWN_SCRIPT_IN_BRACKETS && scriptOf(m[1]!) === scriptOf(text.slice(queue[i]!.start, end))) continue;
      const span: PiiSpan = { type: 'person_name', start: end + at[0], end: end + at[1] };
      if (seen.has(span.start)) continue;
      seen.add(span.start);
      out.push(span);
      queue.push(span);
    }
  }
  return out;
}
