/**
 * A family's other members and a name written again with or without its space (session 37 c, the fifty-seventh blind
 * batch): where a kanji full name is found (漆原 由紀子), the same family name set apart before another given name
 * elsewhere in the text is another member's full name (漆原 勝利 の…, 長男 宗像 蒼空 under 世帯主 宗像 隆之) — household
 * forms, guardianship letters, moving-in lists, where a family name alone before an unlisted given name is all the
 * tagger finds; and a name found written together (湯浅勘助) is the same name where a space parts it (湯浅 勘助).
 */
import type { PiiSpan } from './types';

/** A kanji full name: the family name, a space, the given name. */
const KANJI_FULL = /^([一-龥々ヶ]{1,3})[ \u3000]+[一-龥々ヶぁ-ゖァ-ヶー]{1,4}$/;
/** Words after a family name that make it no given name's place: honorifics, posts, a household's words. */
const NOT_GIVEN =
  /^(?:様|殿|氏|君|宛|家|方|夫妻|一家|先生|さん|さま|くん|ちゃん)|(?:長|員|官|士|師|主事|主任|主査|担当|係|課)$/;

/** Titles written on after a given name. */
const TITLE_AFTER = /(?:様|殿|氏|君|宛)$/;

/** The spans of the found names' family members and respaced forms, not holding more than a name. */
export function familyMemberSpans(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const families = new Set<string>();
  const joined = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'person_name') continue;
    const name = text.slice(s.start, s.end);
    const full = KANJI_FULL.exec(name);
    if (full) families.add(full[1]!);
    else if (/^[一-龥々ヶ]{3,5}$/.test(name)) joined.add(name);
  }
  for (const family of families)
    for (const m of text.matchAll(
      new RegExp(`(?<![一-龥々ヶ])${family}[ \\u3000]+([一-龥々ヶ]{1,3})(?![一-龥々ヶ])`, 'g'),
    )) {
      // A title run on is no part of the given name (田中 健様: 健).
      const given = m[1]!.replace(TITLE_AFTER, '');
      if (given && !NOT_GIVEN.test(given))
        out.push({ type: 'person_name', start: m.index, end: m.index + m[0].length - (m[1]!.length - given.length) });
    }
  for (const name of joined) {
    const spaced = [...name].join('[ \\u3000]?');
    for (const m of text.matchAll(new RegExp(`(?<![一-龥々ヶ])${spaced}(?![一-龥々ヶ])`, 'g')))
      if (m[0] !== name) out.push({ type: 'person_name', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
