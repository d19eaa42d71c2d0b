/**
 * Japanese names in Latin letters that their shape marks (session 35, the fifty-second blind batch):
 * - a listed romanised family name run straight into a Japanese honorific (Yamaguchiさん, Sato様, KIMURAくん) — chats
 *   where staff type colleagues' names in Latin letters;
 * - a common given name before a listed family name in capitals (Saori MIYAGI, Taro YAMADA), as business cards, mail
 *   signatures and name badges print a Japanese name in Latin letters.
 */
import type { PiiSpan } from '../types';
import { captured } from './captured';
import { isCommonGivenName } from './given-names';
import { isListedRomajiFamily } from './romaji-name';

const HONORIFIC = /(?<![A-Za-z])([A-Za-z][a-z]+|[A-Z]{2,})(?=さん|様|さま|くん|君|ちゃん|氏)/dg;
const CARD_ORDER = /(?<![A-Za-z])([A-Z][a-z]+ [A-Z]{2,})(?![A-Za-z])/dg;

/** Finds the names above. */
export function detectRomanisedNames(normalized: string): PiiSpan[] {
  return [
    ...captured(normalized, HONORIFIC, (name) => isListedRomajiFamily(name)),
    ...captured(normalized, CARD_ORDER, (name) => {
      const [given, family] = name.split(' ') as [string, string];
      return isCommonGivenName(given) && isListedRomajiFamily(family);
    }),
  ];
}
