/**
 * A person named in full once and by a part of the name elsewhere in the same text (From: "Sarah Mitchell" … -Sarah;
 * Attendees: Daniel Brooks … Daniel to send the draft; 主任 村上 恵美 … 村上が対応): the other mentions are the same
 * person's name. Parts are the words of a Latin name (three letters or more, capitalised) and the family name of a
 * kanji full name when it is a listed family name; a part is taken only as a whole word (not Sarahs, not 村上町).
 */
import type { PiiSpan } from './types';
import { KNOWN_FAMILY_NAMES } from './family-names';
import { fillsNameSlot, hasNotPersonWord } from './detectors';

/** Latin words that are parts of names but alone mostly something else (van, will, a month). */
const NOT_ALONE = new Set(['Van', 'Von', 'Bin', 'Binti', 'Dos', 'Das', 'Del', 'Della', 'Will', 'May', 'June', 'April']);

/** More mentions than this of a part alone, and it is no one's name. */
const MAX_MENTIONS = 20;

/** The spans of the other mentions of the text's full names' parts, not overlapping `spans`. */
export function sameNameSpans(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const parts = new Set<string>();
  // Kanji names of no list found alone, taken again only where a line's speaker stands (出席者：…、鶴見、… ⏎・鶴見：…).
  const speakers = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'person_name') continue;
    const name = text.slice(s.start, s.end);
    const words = name.split(/[\s,　]+/).filter(Boolean);
    if (hasNotPersonWord(name) || /Division|Department|Section|Office|Team/.test(name)) continue;
    if (/^[一-龥々ヶ]{2,4}$/.test(name) && !KNOWN_FAMILY_NAMES.has(name) && fillsNameSlot(name)) speakers.add(name);
    // A name found alone is taken again alone when it is a listed family name or a name in Latin letters or kana.
    if (
      words.length < 2 &&
      !/^(?:[A-Z][a-z]{2,}|[ぁ-ゖ]{3,5}|[ァ-ヶ]{3,5}|[ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){1,3})$/.test(words[0] ?? '') &&
      !KNOWN_FAMILY_NAMES.has(words[0] ?? '')
    )
      continue;
    for (const w of words) if (/^[A-Z][a-z'’-]{2,}$|^[A-Z]{3,}$/.test(w) && !NOT_ALONE.has(w)) parts.add(w);
    const family = words[0]!;
    // A kanji full name is taken again whole (its given name may be a word: 嘉数 大地), and its family name alone when
    // listed or found beside a given name (伊計 ともみ … 伊計 ですけど) — not a role taken for one (担当 太田).
    const kanjiFull = words.length === 2 && /^[一-龥々ヶ]{2,3}[ \u3000][一-龥々ヶぁ-ゖ]{1,4}$/.test(name);
    if (kanjiFull) parts.add(name);
    if (/^[一-龥々ヶ]{2,3}$/.test(family) && (KNOWN_FAMILY_NAMES.has(family) || (kanjiFull && fillsNameSlot(family))))
      parts.add(family);
    // A katakana name alone, also of parts joined by ・ (ブラウン・エマ).
    if (words.length === 1 && /^(?:[ぁ-ゖ]{3,5}|[ァ-ヶ]{3,5}|[ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){1,3})$/.test(family))
      parts.add(family);
  }
  const out: PiiSpan[] = [];
  for (const name of speakers)
    for (const m of text.matchAll(new RegExp(`(?<=^[ \\t]*(?:[・•*-][ \\t]*)?)${name}(?=[ \\t]*[:：])`, 'gm')))
      out.push({ type: 'person_name', start: m.index, end: m.index + name.length });
  if (parts.size === 0) return out;
  // What spans cover, letter by letter (a text of many names stays linear).
  const covered = new Uint8Array(text.length);
  for (const k of spans) covered.fill(1, k.start, k.end);
  const taken = (start: number, end: number): boolean => covered.subarray(start, end).some((c) => c === 1);
  const lower = text.toLowerCase();
  for (const part of parts) {
    const latin = /^[A-Za-z]/.test(part);
    const kana = /^[ぁ-ゖァ-ヶ]/.test(part) || /[ぁ-ゖ]$/.test(part);
    const found: PiiSpan[] = [];
    // A Latin part is the same name in capitals or not (RYAN MCALLISTER … Ryan McAllister), where a capital opens it.
    const caseless = latin && lower.length === text.length;
    const [hay, needle] = caseless ? [lower, part.toLowerCase()] : [text, part];
    for (
      let at = hay.indexOf(needle);
      at >= 0 && found.length <= MAX_MENTIONS;
      at = hay.indexOf(needle, at + part.length)
    ) {
      if (caseless && !/[A-Z]/.test(text[at] ?? '')) continue;
      const end = at + part.length;
      const before = text[at - 1] ?? '';
      const after = text[end] ?? '';
      const whole = latin
        ? // A dash opening a signature is no hyphen (… -Sarah).
          (!/[A-Za-z0-9@._'’-]/.test(before) || (before === '-' && /^\s?$/.test(text[at - 2] ?? ''))) &&
          !/[A-Za-z0-9@_'’-]/.test(after)
        : kana
          ? // A hiragana part run on into more hiragana is another word; a katakana one before です is the name.
            !/[ぁ-ゖァ-ヶー]/.test(before) &&
            !/[ァ-ヶー]/.test(after) &&
            (/^[ァ-ヶ]/.test(part) || !/^[ぁ-ゖ]{2}/.test(text.slice(end)))
          : !/[一-龥々ヶ]/.test(before) && !/[一-龥々ヶ]/.test(after);
      if (whole && !taken(at, end)) found.push({ type: 'person_name', start: at, end });
    }
    // A word written more often than a person is mentioned is no name (a product's, a code's).
    if (found.length > MAX_MENTIONS) continue;
    for (const f of found) covered.fill(1, f.start, f.end);
    out.push(...found);
  }
  return out;
}
