/**
 * Residents' forms and messages in scripts the other detectors do not read (session 33, the forty-seventh blind batch):
 * - a name after the label or the self-introduction of a form in Cyrillic, Thai or Arabic (меня зовут Анна Волкова,
 *   ФИО:, ชื่อ:, الاسم:) — two to three words of that script;
 * - a Thai birth date after วันเกิด (day, the month's Thai name, a western or a Buddhist year: 5 มีนาคม 1990);
 * - a street address abroad: a house number, a street's kind (Rue, Avenue, Street, Calle, Rua …), its name and the town
 *   and country after commas (14 Rue des Lilas, Lyon, France).
 * And (session 34, the forty-ninth blind batch) a Vietnamese name after its label (họ tên, chủ tài khoản), a Korean form's
 * address after 주소:, and an English form's Address: written from the block number (3-8-12 Minamimachi, …, 000-0388).
 * The passport's and the birth date's labels of these scripts are in in-context.ts and birth-date.ts.
 */
import type { PiiSpan } from '../types';
import { captured } from './captured';

const CYRILLIC_WORD = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
const CYRILLIC_NAME = new RegExp(
  `(?:[Мм]еня зовут|[Мм]оё имя|ФИО|Ф\\.И\\.О\\.|Имя(?: и фамилия)?|Фамилия(?:,? имя)?)[ \\t]*[:：]?[ \\t]*` +
    `(${CYRILLIC_WORD}(?:[ \\t]${CYRILLIC_WORD}){1,2})(?![а-яёА-ЯЁ])`,
  'dg',
);
/** Thai letters with their vowel and tone marks (U+0E01–U+0E4E). */
const THAI_WORD = '[\\u0E01-\\u0E4E]{2,20}';
const THAI_NAME = new RegExp(
  `(?:ชื่อ(?:-นามสกุล|-สกุล| นามสกุล)?|(?:ผม|ฉัน|ดิฉัน)ชื่อ)[ \\t]*[:：]?[ \\t]*(${THAI_WORD}[ \\t]${THAI_WORD})(?![\\u0E01-\\u0E4E])`,
  'dg',
);
const ARABIC_WORD = '[\\u0621-\\u064A\\u0671-\\u06D3]{2,20}';
const ARABIC_NAME = new RegExp(
  `(?:الاسم(?: الكامل)?|الإسم|اسمي)[ \\t]*[:：]?[ \\t]*(${ARABIC_WORD}(?:[ \\t]${ARABIC_WORD}){1,3})(?![\\u0621-\\u064A])`,
  'dg',
);
/** A Thai date of birth: the label, then day, the month in Thai letters and the year (5 มีนาคม 1990, 5 มี.ค. 2533). */
const THAI_BIRTH = /วันเกิด[ \t]*[:：]?[ \t]*(\d{1,2}[ \t]?[\u0E01-\u0E4E.]{2,12}[ \t]?\d{4})(?!\d)/dg;
/** A street address abroad, the house number first, up to the country (or the town) after commas. */
const STREET_KIND =
  'Rue|Avenue|Av\\.|Boulevard|Bd\\.?|Chemin|Allee|Place|Impasse|Via|Viale|Calle|Rua|Avenida|Strasse|Street|St\\.|Road|Rd\\.|Lane|Drive';
const STREET_ADDRESS = new RegExp(
  `(?<![\\w-])(\\d{1,4}(?:bis|ter)?,?[ \\t](?:${STREET_KIND})(?:[ \\t][A-Za-z'-]{1,20}){1,4}(?:,[ \\t][A-Z][A-Za-z'-]{1,20}(?:[ \\t][A-Z][A-Za-z'-]{1,20}){0,2}){1,3})(?![\\w-])`,
  'dg',
);

/**
 * A Vietnamese name after the form's label (họ tên, họ và tên), an introduction (tên tôi là) or the account's holder —
 * read as the normaliser leaves them, without the diacritics.
 */
const VIETNAMESE_NAME =
  /\b(?:[Hh]o (?:va )?ten|[Tt]en (?:toi|em|cua toi) la|[Cc]hu tai khoan)[ \t]*:?[ \t]*([A-Z][A-Za-z]*(?:[ \t][A-Z][A-Za-z]*){1,3})(?![A-Za-z])/dg;
/** A Korean form's address after 주소 and a colon, holding a block number, up to a comma or the line's end. */
const KOREAN_ADDRESS =
  /주소[ \t]*[:：][ \t]*([가-힣][^,，\n]{1,40}?\d{1,4}(?:-\d{1,4}){1,2}[^,，\n]{0,30}?)[ \t]*(?=[,，\n]|$)/dg;
/**
 * An English form's address written from the block number as Japanese addresses are romanised (Address: 3-8-12
 * Minamimachi, Kotonoha, Heights Minami #204), up to a slash, the line's end or the postal code after a comma.
 */
const BLOCK_FIRST_ADDRESS =
  /\bAddress[ \t]*:[ \t]*(\d{1,4}(?:-\d{1,4}){1,3}[ \t,][^/\n]{3,80}?)(?:,[ \t]*(?:〒[ \t]*)?(\d{3}-\d{4}))?[ \t]*(?=\/|\n|$)/dg;

/** Finds the names, dates and addresses above. */
export function detectOtherScripts(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (/[А-яЁё]/.test(normalized)) spans.push(...captured(normalized, CYRILLIC_NAME));
  if (/[\u0E01-\u0E4E]/.test(normalized)) {
    spans.push(...captured(normalized, THAI_NAME));
    spans.push(...captured(normalized, THAI_BIRTH).map((s) => ({ ...s, type: 'birth_date' as const })));
  }
  if (/[\u0621-\u064A]/.test(normalized)) spans.push(...captured(normalized, ARABIC_NAME));
  spans.push(...captured(normalized, STREET_ADDRESS).map((s) => ({ ...s, type: 'address' as const })));
  spans.push(...captured(normalized, VIETNAMESE_NAME));
  if (/[가-힣]/.test(normalized))
    spans.push(...captured(normalized, KOREAN_ADDRESS).map((s) => ({ ...s, type: 'address' as const })));
  for (const m of normalized.matchAll(BLOCK_FIRST_ADDRESS)) {
    const [address, postal] = [m.indices![1]!, m.indices![2]];
    spans.push({ type: 'address', start: address[0], end: address[1] });
    if (postal) spans.push({ type: 'postal_code', start: postal[0], end: postal[1] });
  }
  return spans;
}
