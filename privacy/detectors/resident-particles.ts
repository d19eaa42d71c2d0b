/**
 * Names that a resident's language or an identity document's order marks (session 35, the fifty-first blind batch):
 * - Tagalog's personal article si / sina before a capitalised name (Ako po si …, ang anak kong si Bea), in a text with
 *   Tagalog's own words (po, ako, ko, ng …) — any Filipino resident's message naming a person, even by one word;
 * - a Vietnamese relative introduced by the relation (con tôi là Minh, vợ tôi tên là Hoa, chồng tôi là …; the normaliser
 *   leaves the words without their diacritics), as tên tôi là already was for the writer;
 * - a name in capitals written FAMILY, GIVEN [MIDDLE] (the family name of up to three words: DELA CRUZ) as passports, visas and residence cards print it (SMITH, JOHN
 *   ROBERT), when a word after the comma is a common given name — not two acronyms (USB, HDMI);
 * - (session 36) Portuguese and Spanish courtesy titles before a capitalised name (a senhora Fernanda Oliveira Sato,
 *   o Sr. Silva, la señora Quispe — senora as the normaliser writes it —, Dona Maria): Brazilian, Peruvian and other
 *   residents' and interpreters' messages, as Mr. / Ms. already were in English; a contact's label in those languages
 *   or English before a name and a comma, a number after it (Contato da intérprete: Camila Nishimura, +55 …);
 * - (session 37) Thai and Indonesian / Malay courtesy titles before a capitalised name (Khun Somchai, Bapak Agus
 *   Salim, Ibu Sari) — Thai, Indonesian and Malaysian residents and their community groups, in English or their language.
 */
import type { PiiSpan } from '../types';
import { captured } from './captured';
import { isCommonGivenName } from './given-names';
import { hasNotPersonWord } from './not-person-words';

const TAGALOG = /\b(?:po|ako|ko|kong|ng|namin|kami|mga|siya|ang)\b/;
const TAGALOG_NAME = /\b(?:si|sina)[ \t]+([A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){0,2})(?![A-Za-z])/dg;
const VIETNAMESE_RELATIVE =
  /\b(?:[Cc]on(?: (?:trai|gai))?|[Vv]o|[Cc]hong|[Mm]e|[Bb]o|[Aa]nh|[Cc]hi|[Ee]m(?: (?:trai|gai))?|[Cc]hau)[ \t]+(?:toi|em|cua toi|minh)[ \t]+(?:ten[ \t]+)?la[ \t]+([A-Z][a-z]*(?:[ \t][A-Z][a-z]*){0,3})(?![A-Za-z])/dg;
const CAPITALS_COMMA =
  /(?<![A-Za-z])([A-Z]{2,}(?:[ \t'-][A-Z]{2,}){0,2},[ \t]+[A-Z]{2,}(?:[ \t][A-Z]{2,}){0,2})(?![A-Za-z])/dg;

const IBERIAN_TITLE =
  /\b(?:[Ss]enh?or(?:a|ita)?|[Ss]rta?\.|[Ss]ra\.|[Dd]ona)[ \t]+([A-Z][a-zà-ÿ'’-]+(?:[ \t](?:d[aeo]s?[ \t])?[A-Z][a-zà-ÿ'’-]+){0,3})(?![A-Za-z])/dg;
const SOUTHEAST_ASIAN_TITLE = /\b(?:Khun|Bapak|Ibu)[ \t]+([A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){0,2})(?![A-Za-z])/dg;
const CONTACT_NAME =
  /\b(?:[Cc]ontact|[Cc]ontato|[Cc]ontacto)(?:[ \t][a-zà-ÿ]{1,12}){0,3}[ \t]*:[ \t]*([A-Z][a-zà-ÿ'’-]+(?:[ \t][A-Z][a-zà-ÿ'’-]+){1,2}),[ \t]*(?=[+(]?\d)/dg;
/** Portuguese and Spanish "is called" (Ele se chama Davi Yamashiro Costa, me llamo Ana Ruiz): the full name after it. */
const IS_CALLED =
  /\b(?:se chama|me chamo|chama-se|se llama|me llamo)[ \t]+([A-Z][a-zà-ÿ'’-]+(?:[ \t](?:d[aeo]s?[ \t])?[A-Z][a-zà-ÿ'’-]+){0,3})(?![A-Za-z])/dg;

/** Finds the names above. */
export function detectResidentParticles(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (TAGALOG.test(normalized)) spans.push(...captured(normalized, TAGALOG_NAME, (name) => !hasNotPersonWord(name)));
  spans.push(
    ...captured(normalized, VIETNAMESE_RELATIVE, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, IBERIAN_TITLE, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, SOUTHEAST_ASIAN_TITLE, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, IS_CALLED, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, CONTACT_NAME, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, CAPITALS_COMMA, (name) => {
      const given = name.split(/,[ \t]+/)[1]!.split(/[ \t]/);
      return given.some(isCommonGivenName) && !hasNotPersonWord(name);
    }),
  );
  return spans;
}
