/** 郵便番号: 7 digits after 〒 or 郵便番号, or 3-4 digits directly before a prefecture, a city or a street address. */
import { valuesAfter } from '../context';
import type { PiiSpan } from '../types';
import { detectAddress } from './address';
import { PREFECTURE } from './prefectures';

// 000-0000 is a format's placeholder (郵便番号は 000-0000 形式), no one's code.
const CODE = /(?!000-?0000)\d{3}-?\d{4}(?![\d\-])/;
/**
 * 3-4 digits directly before a prefecture, or before a city, ward, town or village name (064-0820 札幌市…), also in the
 * cell before the address's in a CSV row (…,000-1204,朝霧市潮見町7-3-2).
 */
const BEFORE_PREFECTURE = new RegExp(
  `(?<![\\d\\-])(?!000-0000)\\d{3}-\\d{4}(?=[ \\t]*[,，]?[ \\t]*(?:${PREFECTURE}|[一-龥]{1,6}?[市区町村](?![民役長議内外場立営政有分画間切域別販会部])))`,
  'g',
);
/**
 * A code set apart or in the cell right before a street address the address rules find, whatever its city's letters
 * (ひばり野市, さいたま市; session 36 b: also one in Latin letters, 000-0314 Kasumino-machi …) — also seven digits
 * without the hyphen, as a form's boxes or a hurried note write it (0001302
 * ひばり野市北町8-14-3).
 */
const BEFORE_ADDRESS =
  /(?<![\d\-])(?!000-?0000)\d{3}-?\d{4}(?![\d\-])([ \t\u3000]*[,，]?[ \t\u3000]*)(?=[一-龥ぁ-んァ-ヶ]|[A-Z][a-z]+-)/g;

const FOREIGN_LABEL =
  /\b(?:[Pp]ost ?[Cc]ode|[Pp]ostal [Cc]ode|ZIP|[Zz]ip(?: [Cc]ode)?|CEP|C[oó]digo postal)\b|\b[Mm]a buu dien\b|\b[Kk]ode [Pp]os\b|우편번호|邮编|邮政编码|郵遞區號/;

/** Finds postal codes. */
export function detectPostalCode(normalized: string): PiiSpan[] {
  // Also as voice input writes it in hiragana (ゆうびんばんごうは、000-1187).
  const spans = valuesAfter(normalized, 'postal_code', /郵便番号|郵便|ゆうびんばんごう/, CODE, 4);
  // The labels of English and residents' forms (Postcode 259-0123, ZIP: 2310023, CEP 213-0034, Mã bưu điện, kode pos, 우편번호, 邮编).
  spans.push(...valuesAfter(normalized, 'postal_code', FOREIGN_LABEL, CODE, 6));
  for (const m of normalized.matchAll(/〒[ \t]?(?!000-?0000)\d{3}-?\d{4}(?![\d\-])/g)) {
    spans.push({ type: 'postal_code', start: m.index, end: m.index + m[0].length });
  }
  for (const m of normalized.matchAll(BEFORE_PREFECTURE)) {
    spans.push({ type: 'postal_code', start: m.index, end: m.index + m[0].length });
  }
  for (const m of normalized.matchAll(BEFORE_ADDRESS)) {
    const code = m[0].length - m[1]!.length;
    const after = m.index + m[0].length;
    // Another number's label right before it (会員番号 1234567 …) makes it that number.
    if (/(?:番号|No\.?|ID|コード)[ \t:：]*$/i.test(normalized.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (detectAddress(normalized.slice(after, after + 60)).some((a) => a.start === 0))
      spans.push({ type: 'postal_code', start: m.index, end: m.index + code });
  }
  return spans.filter((s) => !inRange(normalized, s));
}

/** A code at either end of a range of codes (〒000-0001〜000-0099 の範囲, session 37 b): a master's rows, no one's. */
function inRange(normalized: string, s: PiiSpan): boolean {
  const before = normalized.slice(Math.max(0, s.start - 12), s.start);
  return (
    /^[ \t]*[〜~][ \t]*〒?\d{3}-?\d{4}(?!\d)/.test(normalized.slice(s.end, s.end + 14)) ||
    /(?<!\d)\d{3}-?\d{4}[ \t]*[〜~][ \t]*〒?$/.test(before)
  );
}
