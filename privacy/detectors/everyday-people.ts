/**
 * People named in everyday help-desk text by the shape of the sentence around them (session 33, the forty-fifth blind
 * batch):
 * - a lower-case Latin name after "my name is" / "name is" / "I am" / "named" when a word of it is a common given name or a
 *   frequent family name (my name is lucas oliveira; a user named kenji morioka says …), and any word quoted after "name
 *   is" (name is 'takeshi');
 * - a common given name closing an English message after its last sentence (… please call after 5pm. Hana);
 * - a Latin name cut in two by a form's line break after its label (Name: Maria⏎Fernanda Costa), taken whole;
 * - a common family name in hiragana closing the message as its signature (どうすればいい？　ささき);
 * - a common family name written in katakana after a section or a role and の, before what the person did or was asked
 *   (システム担当のモリタから, 窓口のサトウに).
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES } from '../family-names';
import { captured } from './captured';
import { isCommonGivenName } from './given-names';
import { isLatinFamilyName } from './latin-family-names';
import { hasNotPersonWord } from './not-person-words';
import { isListedRomajiFamily } from './romaji-name';

const INTRODUCED_LOWER =
  /\b(?:[Mm]y name is|[Nn]ame is|[Ii] am|[Ii]['’]m|named)[ \t]+([a-z]{2,15}(?: [a-z]{2,15}){0,2})(?![A-Za-z'’-])/dg;
/** Words that end a lower-case name said after "my name is" (… lucas oliveira and i work …). */
const NOT_NAME_WORD =
  /^(?:and|but|so|or|from|at|in|on|the|a|an|to|of|for|with|here|there|is|was|am|are|not|no|yes|my|your|please|sorry|new|working|work|living|live|calling|writing|staff|user|still|also|just|very|really|says|said|who|that|has|had|can|will)$/;
const QUOTED_AFTER_NAME = /\b[Nn]ame is[ \t]+['‘"“]([A-Za-z][A-Za-z'’-]{1,14}(?: [A-Za-z][A-Za-z'’-]{1,14})?)['’"”]/dg;
/** Words quoted as a name that are a placeholder, not anyone's. */
const PLACEHOLDER = /^(?:test|sample|dummy|none|null|unknown|admin|user|guest|name|n\/a)$/i;
const CLOSING_GIVEN = /[.!?][ \t]+([A-Z][a-z]{1,14})[ \t]*$/d;
const NAME_BROKEN =
  /(?:^|\n)[ \t]*(?:Name|Full name|Nome(?: completo)?|Nombre)[ \t]*:[ \t]*([A-Z][a-z'’-]+[ \t]*\n[ \t]*[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})[ \t]*(?=\n|$)/dg;
const CLOSING_HIRAGANA = /[。？！?!][ \t\u3000]*([ぁ-ゖ]{3,5})[ \t\u3000]*$/d;
const toKatakana = (word: string): string =>
  word.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
/** The common family names in katakana (モリタ, ホシノ). */
export const KATAKANA_FAMILY_NAMES: ReadonlySet<string> = new Set([...HIRAGANA_FAMILY_NAMES].map(toKatakana));
const KATAKANA_AFTER_ROLE =
  /(?:[一-龥ァ-ヶー]{0,8}(?:課|係|室|班|担当)|窓口)の([ァ-ヶー]{3,6})(?=から|より|に|へ|が|と)/dg;

const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const nameWord = (w: string): boolean =>
  isCommonGivenName(cap(w)) || isLatinFamilyName(cap(w)) || isListedRomajiFamily(w);

/** Finds the names above. */
export function detectEverydayPeople(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(INTRODUCED_LOWER)) {
    const words = m[1]!.split(' ');
    const cut = words.findIndex((w) => NOT_NAME_WORD.test(w));
    const name = (cut < 0 ? words : words.slice(0, cut)).join(' ');
    if (name && name.split(' ').some(nameWord) && !hasNotPersonWord(name)) {
      const start = m.indices![1]![0];
      spans.push({ type: 'person_name', start, end: start + name.length });
    }
  }
  spans.push(...captured(normalized, QUOTED_AFTER_NAME, (name) => !PLACEHOLDER.test(name) && !hasNotPersonWord(name)));
  const closing = CLOSING_GIVEN.exec(normalized);
  if (closing && isCommonGivenName(closing[1]!))
    spans.push({ type: 'person_name', start: closing.indices![1]![0], end: closing.indices![1]![1] });
  spans.push(
    ...captured(normalized, NAME_BROKEN, (name) => name.split(/\s+/).some(nameWord) && !hasNotPersonWord(name)),
  );
  const signed = CLOSING_HIRAGANA.exec(normalized);
  if (signed && HIRAGANA_FAMILY_NAMES.has(signed[1]!))
    spans.push({ type: 'person_name', start: signed.indices![1]![0], end: signed.indices![1]![1] });
  spans.push(...captured(normalized, KATAKANA_AFTER_ROLE, (name) => KATAKANA_FAMILY_NAMES.has(name)));
  return spans;
}
