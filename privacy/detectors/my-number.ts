/** マイナンバー (個人番号): 12 digits, classified by the check digit or by a 個人番号 context. */
import { keywordBefore } from '../context';
import { digitsOf, type NumberRun } from '../number-runs';
import type { PiiSpan } from '../types';

// Also as voice input writes the label in hiragana (こじんばんごうは いち に さん …).
const CONTEXT = /個人番号|こじんばんごう|マイナンバー|ﾏｲﾅﾝﾊﾞｰ|まいなんばー|my ?number|通知カード/i;

/** The number named right before its digits (個人番号 …, マイナンバーは …). */
const NAMED_RIGHT_BEFORE = /(?:個人番号|こじんばんごう|マイナンバー|まいなんばー)[^。\n\d]{0,6}$/;

const OTHER_NUMBER =
  /(?:注文|受付|伝票|管理|問い?合わ?せ|領収書?|会員|請求|契約|予約|申込|整理|お客様|顧客|法人|口座|電話)番号[^\d]{0,4}$|(?:No|NO|ID)\.?\s*[:：]?\s*$/;

/** Whether 12 digits carry a valid マイナンバー check digit (総務省令 formula). */
export function isValidMyNumber(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(digits[11 - n]);
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return Number(digits[11]) === (r <= 1 ? 0 : 11 - r);
}

function groupedLikeMyNumber(run: NumberRun): boolean {
  const lens = run.groups.map((g) => g.length).join(',');
  return lens === '12' || lens === '4,4,4' || lens === '3,3,3,3' || run.groups.every((g) => g.length === 1);
}

function looksLikeIPv4(run: NumberRun): boolean {
  return run.groups.length === 4 && run.separators.every((s) => s === '.') && run.groups.every((g) => Number(g) <= 255);
}

/** Finds individual numbers among the number runs. */
export function detectMyNumber(normalized: string, runs: NumberRun[]): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const run of runs) {
    const digits = digitsOf(run);
    // One digit twelve times (000000000000) is a dummy value. Named right before, twelve digits grouped any way are the
    // number mistyped (個人番号 4820-19375-521 が桁数エラー).
    const named = NAMED_RIGHT_BEFORE.test(normalized.slice(Math.max(0, run.start - 16), run.start));
    if (digits.length !== 12 || !(groupedLikeMyNumber(run) || named) || /^(\d)\1{11}$/.test(digits)) continue;
    // A country code before it makes it a phone number abroad (+886 912 345 678).
    if (/\+[ \t]?$/.test(normalized.slice(Math.max(0, run.start - 2), run.start))) continue;
    // The keyword right before, or twelve digits in one run or in fours in a text about the number (…マイナンバーを書く欄が
    // 見つからなかったので…長男 高畑 陽翔 482917365502) — not a number that starts with a date or is named another's
    // (202404150001 が受付番号として…).
    const lens = run.groups.map((g) => g.length).join(',');
    const inContext =
      keywordBefore(normalized, run.start, CONTEXT) ||
      ((lens === '12' || lens === '4,4,4') &&
        !run.separators.includes('\n') &&
        CONTEXT.test(normalized) &&
        !/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])/.test(digits) &&
        !/^[^。\n\d]{0,6}(?:番号|ID|No)/.test(normalized.slice(run.end, run.end + 12)));
    if (looksLikeIPv4(run) && !inContext) continue;
    // Broken over lines (three 4-digit lines may be 内線 numbers): only after 個人番号 / マイナンバー.
    if (run.separators.includes('\n') && !inContext) continue;
    // Another number's label right before it (注文番号 547280385280) outweighs a マイナンバー said nearby.
    const otherLabel = OTHER_NUMBER.test(normalized.slice(Math.max(0, run.start - 10), run.start));
    if (isValidMyNumber(digits) || (inContext && !otherLabel))
      spans.push({ type: 'my_number', start: run.start, end: run.end });
  }
  return spans;
}
