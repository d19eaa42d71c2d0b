/**
 * A colleague named right after their office where a line's or a cell's value ends (session 36, the fifty-third blind
 * batch): one or two offices set apart (上下水道局 総務課, 選管事務局, 保健センター受付, 同係), then a name set apart, then
 * the place closes — a chat's speaker colon ([LoGoチャット] 選管事務局 藤ノ木:), a quoted cell's end ("…総務課 楠田"), an
 * arrow of a checklist (□ 住民記録係 宮坂 → 済) or the line's end after a label (新担当：同係 ほづみ あかね).
 * What else it catches: chat exports of any messenger tagged by room instead of time, CSV exports whose reporter column
 * holds the section and the name, handover and return checklists, signatures and rosters of the form 「課 名前」.
 * The name: a kanji family name (maybe with a given name after a space) — listed or made of the listed names' kanji, or,
 * at a quoted cell's end, any word filling a name's place as the chat-speaker rule reads it;
 * kana read as a listed family or given name (ゆかり), or two kana words whose second reads as a given name.
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES, KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { KATAKANA_FAMILY_NAMES } from './everyday-people';
import { readsAsGivenName } from './given-names';
import { fillsNameSlot } from './rare-names';

/** An office set apart: a section, a desk, a bureau's secretariat, a centre's reception, or 同係 / 同課 (the same one). */
const OFFICE = '(?:[一-龥ァ-ヶー]{1,12}(?:課|係|室|班|局|センター|事務局|受付|窓口))';
/** Where a line's value starts: the line's start, after a bracketed tag, a check box or bullet, or a label's colon; or a quoted cell's start. */
const VALUE_START =
  '(?:(?:^|\\n)[ \\t]*(?:\\[[^\\]\\n]{1,24}\\][ \\t]*|[□■☐☑✓✔・*][ \\t]*|[一-龥]{1,6}[:：][ \\t]*)?|(?<=,)")';
const NAME =
  '([一-龥々ヶ][一-龥々ヶノ之]{0,3}(?:[ \\u3000][一-龥々ヶ]{1,3})?|[ぁ-ゖ]{2,6}(?:[ \\u3000][ぁ-ゖ]{2,6})?|[ァ-ヶー]{2,8})';
const OFFICE_THEN_NAME = new RegExp(
  `${VALUE_START}${OFFICE}(?:[ \\t\\u3000]+${OFFICE}){0,2}[ \\t\\u3000]+${NAME}[ \\t\\u3000]*(?:([:：](?!\\d)|")|(?=→|\\n|$))`,
  'dgm',
);

/** Kana read as a listed family or given name, or a family word and a given name read as one. */
function kanaName(name: string): boolean {
  const [first = '', second] = name.split(/[ \u3000]/);
  if (second !== undefined) return readsAsGivenName(second);
  return HIRAGANA_FAMILY_NAMES.has(first) || KATAKANA_FAMILY_NAMES.has(first) || readsAsGivenName(first);
}

/** Finds the names above. */
export function detectOfficePeople(normalized: string): PiiSpan[] {
  return captured(normalized, OFFICE_THEN_NAME, (name, _at, m) => {
    if (/^[ぁ-ゖァ-ヶー]/.test(name)) return kanaName(name);
    const [family = '', given] = name.split(/[ \u3000]/);
    // A label or a post after the name is the next field's (住民記録係 村田　確認者：…), not a given name.
    if (given !== undefined && /[者員長課係室局所]$/.test(given)) return false;
    if (!fillsNameSlot(family) && !KNOWN_FAMILY_NAMES.has(family)) return false;
    // A quoted cell's end says a person as surely as a chat's stamp does (its column is a reporter's, 報告者); elsewhere
    // the word must be made of the listed names' kanji (財政課 予算: is a topic, not a speaker).
    return m[2] === '"' || KNOWN_FAMILY_NAMES.has(family) || surnameLike(family);
  });
}
