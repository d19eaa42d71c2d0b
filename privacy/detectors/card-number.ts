/** Payment card numbers: 13–19 digits of a card issuer's range passing the Luhn check (or named as a card's); masked whole. */
import { digitsOf, type NumberRun } from '../number-runs';
import type { PiiSpan } from '../types';

const ISSUER = /^(?:3[0-9]|4|5[1-5]|6|2[2-7])/;

/** The Luhn (mod 10) check used by payment cards. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Product and book codes that pass Luhn by chance (JANコード 4901234567894). */
const PRODUCT_CODE =
  /(?:JAN|EAN|ISBN|ISSN|GTIN|UPC|IMEI|バーコード|商品コード|品番|型番|製造番号|シリアル|S\/N)[^。\n]{0,8}$/i;

/**
 * The card named right before the number (カード番号 4539-…, クレカ 5312 …, カード 5284-…, card=5312-…, and in residents'
 * languages: Portuguese cartão, Spanish tarjeta, French carte): a mistyped or made-up number that fails
 * the Luhn check is still someone's card number as far as the writer is concerned.
 */
const CARD_KEYWORD =
  /(?:カード(?:の?番号|No\.?)?|クレジット|クレカ|\bcard(?:[ _-]?(?:no\.?|number|num))?[ \t]*[=:]?|\bcartao|\btarjeta|\bcarte(?: bancaire)?)[^。\n\d]{0,6}$/i;

const CARD_TEXT = /クレジットカード|クレカ|カード番号|credit card|card number/i;

/** Finds card numbers among the number runs. */
export function detectCardNumber(runs: NumberRun[], normalized = ''): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const run of runs) {
    if (PRODUCT_CODE.test(normalized.slice(Math.max(0, run.start - 20), run.start))) continue;
    const digits = digitsOf(run);
    if (digits.length < 13 || digits.length > 19 || !ISSUER.test(digits)) continue;
    const named = CARD_KEYWORD.test(normalized.slice(Math.max(0, run.start - 16), run.start));
    // Short groups are another number's, unless the card is named right before them (a mistyped 49800-012-3456-7801).
    if (
      run.groups.length > 1 &&
      run.groups.some((g) => g.length < 4) &&
      !(named && run.separators.every((s) => s === '-'))
    )
      continue;
    // Dotted groups are a version or a date, unless the card is named right before them (カード番号 5200.0000.8812.4407).
    if (run.separators.some((s) => s === '.' || s === '/') && !(named && run.separators.every((s) => s === '.')))
      continue;
    // In a text about a card, sixteen digits in fours are one (クレジットカード番号を入力する画面…、4539 7812 0364 5518 と入れたら).
    const aboutCard = run.groups.length === 4 && run.groups.every((g) => g.length === 4) && CARD_TEXT.test(normalized);
    if (passesLuhn(digits) || aboutCard || named) spans.push({ type: 'card_number', start: run.start, end: run.end });
  }
  return spans;
}
