/**
 * Japanese names in Latin letters that their shape marks (session 35, the fifty-second blind batch):
 * - a listed romanised family name run straight into a Japanese honorific (Yamaguchiさん, Sato様, KIMURAくん) — chats
 *   where staff type colleagues' names in Latin letters;
 * - a common given name before a listed family name in capitals (Saori MIYAGI, Taro YAMADA), as business cards, mail
 *   signatures and name badges print a Japanese name in Latin letters.
 * Session 36 (b), names in Latin letters of any origin by the place they stand in:
 * - after a post, up to the line's end or a bracket (技師　Adhikari Roshan⏎, 技師　Pereira, Lucas（任期付）) — staff
 *   lists, transfer notices and signatures of foreign staff;
 * - before a birth date and 生 on a list's line (・Bhattarai Sujan　1994-03-15生) — rosters of new hires, pupils.
 */
import type { PiiSpan } from '../types';
import { captured } from './captured';
import { isCommonGivenName } from './given-names';
import { isListedRomajiFamily } from './romaji-name';
import { hasNotPersonWord } from './not-person-words';
import { POST_WORD } from './outside-people';
import { DATE_BODY } from './birth-date';

const HONORIFIC = /(?<![A-Za-z])([A-Za-z][a-z]+|[A-Z]{2,})(?=さん|様|さま|くん|君|ちゃん|氏)/dg;
const CARD_ORDER = /(?<![A-Za-z])([A-Z][a-z]+ [A-Z]{2,})(?![A-Za-z])/dg;

/** Two or three capitalised Latin words, the first maybe with a comma (Pereira, Lucas). */
const LATIN_FULL = '([A-Z][a-z]+(?:,? [A-Z][a-z]+){1,2})';
const AFTER_POST = new RegExp(
  `(?:^|(?<=[\\s・]))${POST_WORD}[ \\t\\u3000]+${LATIN_FULL}(?=[ \\t\\u3000]*(?:[（(\\n]|$))`,
  'dgm',
);
const BEFORE_BIRTH = new RegExp(
  `^[ \\t\\u3000]*(?:[・･•*-][ \\t\\u3000]*)?${LATIN_FULL}[ \\t\\u3000]+(?:${DATE_BODY})[ \\t]*生`,
  'dgm',
);

/** Finds the names above. */
export function detectRomanisedNames(normalized: string): PiiSpan[] {
  return [
    ...captured(normalized, HONORIFIC, (name) => isListedRomajiFamily(name)),
    ...captured(normalized, CARD_ORDER, (name) => {
      const [given, family] = name.split(' ') as [string, string];
      return isCommonGivenName(given) && isListedRomajiFamily(family);
    }),
    ...captured(normalized, AFTER_POST, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, BEFORE_BIRTH, (name) => !hasNotPersonWord(name)),
  ];
}
