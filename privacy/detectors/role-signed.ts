/**
 * Who signs a message with their role (session 37 b, the fifty-sixth blind batch): the role set apart before a family
 * name closing the text — after the last sentence on its line (…お願いします　運転士 尾形, …連絡済み。看護師 中條), on the
 * last line maybe under the section (会計課 出納係 新見), or in brackets closing the text (…お願いします（ボランティア 平塚）).
 * A role that says a person — a post, a licensed trade, a word ending in 士 / 師 / 員 / 係 / 担当, or the desk
 * (ヘルプデスク, 窓口) — takes any family name filling a name's place and a katakana one (相談員 バスネット); any other
 * katakana word before the name (ボランティア) takes only a listed family name or one made of their kanji. Other texts
 * it holds: a bus driver's, a nurse's, a cashier's, a counsellor's or a caretaker's report signed on its last line.
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { fillsNameSlot } from './rare-names';
import { POST, STATE } from './posted-people';
import { hasNotPersonWord } from './not-person-words';

/** A role that says a person. */
const PERSON_ROLE = `(?:${POST}|[一-龥]{1,5}(?:士|師|員|係|担当)|ヘルプデスク|窓口)`;
/** The role and the name closing the text: after a sentence's end, a line's start or an opening bracket. */
const ROLE_SIGNED = new RegExp(
  `(?:^|\\n|[。！？!?（(]|です|ます|ません|ください)[ \\t\\u3000]*(?:[一-龥ァ-ヶー]{1,12}[課係室部局班][ \\t\\u3000]+)?` +
    `(?:(${PERSON_ROLE})|[ァ-ヶー]{3,8})[ \\t\\u3000]+([一-龥々ヶ]{1,3}|[ァ-ヶー]{2,8})[ \\t\\u3000]*[)）]?\\s*$`,
  'd',
);

const kanjiName = (name: string): boolean => /^[一-龥々ヶ]+$/.test(name) && fillsNameSlot(name) && !STATE.test(name);

/** Finds the name a role signs at the text's end. */
export function detectRoleSigned(normalized: string): PiiSpan[] {
  const m = ROLE_SIGNED.exec(normalized.slice(-200));
  const at = m?.indices?.[2];
  if (!m || !at) return [];
  const name = m[2]!;
  const keep = m[1]
    ? kanjiName(name) || (/^[ァ-ヶー]+$/.test(name) && !/ー$/.test(name) && !hasNotPersonWord(name))
    : kanjiName(name) && (KNOWN_FAMILY_NAMES.has(name) || surnameLike(name));
  const offset = Math.max(0, normalized.length - 200);
  return keep ? [{ type: 'person_name', start: offset + at[0], end: offset + at[1] }] : [];
}
