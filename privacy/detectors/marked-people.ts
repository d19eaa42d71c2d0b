/**
 * People marked by a rank or a chat tool's speaker field (session 37, the fifty-seventh blind batch):
 * - an academic, police, military or ship's rank before a capitalised name, maybe after an initial (Prof. Okafor,
 *   Lt. J. Alvarez, Sgt. Brennan, Inspector Wada) — as Mr. / Dr. already were: university notices, harbour and police
 *   liaison, any English letter naming an officer or a teacher by one word;
 * - the name in brackets after a role opening a chat line under its time stamp ([09:14] Agent(Mendes):, [09:15]
 *   保守(北沢):) — exported support chats, remote sessions and LINE or Teams logs that show the role and the person;
 * - a listed family name typed in hiragana speaking after a unit under the time stamp ([09:16] 窓口 たなか:) — as a kanji
 *   name or a Latin handle there already was.
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES } from '../family-names';
import { captured } from './captured';
import { BRACKET_STAMP, UNIT } from './chat-stamps';
import { fillsNameSlot } from './rare-names';
import { hasNotPersonWord } from './not-person-words';

const RANK =
  /\b(?:(?:Prof|Lt|Capt|Cdr|Cmdr|Sgt|Insp|Supt|Dr)\.|Professor|Lieutenant|Sergeant|Inspector)[ \t]+((?:[A-Z]\.[ \t]?)?[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){0,2})(?![A-Za-z])/dg;
const ROLE_BRACKET_SPEAKER = new RegExp(
  `^[ \\t]*${BRACKET_STAMP}[ \\t]*[A-Za-z一-龥ァ-ヶー]{2,20}[ \\t]*[(（]` +
    `([一-龥々ヶ]{2,4}|[ぁ-ゖァ-ヶー]{2,8}|[A-Z][a-z'’-]+(?:[ \\t][A-Z][a-z'’-]+){0,2})[)）][ \\t]*[:：]`,
  'dgm',
);
const KANA_SPEAKER = new RegExp(
  `^[ \\t]*${BRACKET_STAMP}[ \\t]*${UNIT}[ \\t\\u3000]+([ぁ-ゖ]{2,6})[ \\t]*[:：]`,
  'dgm',
);

/** Finds the people above. */
export function detectMarkedPeople(normalized: string): PiiSpan[] {
  return [
    ...captured(normalized, RANK, (name) => !hasNotPersonWord(name)),
    ...captured(
      normalized,
      ROLE_BRACKET_SPEAKER,
      (name) => !hasNotPersonWord(name) && (!/^[一-龥]/.test(name) || fillsNameSlot(name)),
    ),
    ...captured(normalized, KANA_SPEAKER, (name) => HIRAGANA_FAMILY_NAMES.has(name)),
  ];
}
