/**
 * Corrections of a record, where the wrong and the right value stand side by side and only one of them carries its
 * label: 生年月日 1992.11.08 で登録…本人申告は 1992.08.11; S55.3.2じゃなくてS55.3.12; 口座番号（5529037 → 552903）;
 * 修正項目：生年月日⏎誤）1988/07/14⏎正）1988/01/14. The other value is the same kind of data: a date after a date, a
 * number of the same shape after a number.
 */
import type { PiiSpan, PiiType } from './types';
import { DATE_BODY } from './detectors';

/** Words that put a corrected value next to the one found (→, 正しくは, じゃなくて, 本人申告は, 正）…). */
const CUE =
  /→|⇒|->|正しくは|じゃなくて|ではなく|でなく|申告は|訂正|正[）):：]|修正後|変更後|実際は|本来は|違う|誤り|ではなくて|間違え|まちがえ|打ち間違い|should be|instead of|correct (?:one|date|number) is|actually|はずが|はずなのに/;
/** Words after the corrected value (1968.2.14 になってるけど 1968.12.4 が正しい): the value stands before them. */
const CUE_AFTER = /(?:が|の方が|のほうが)正しい|が正解/;
/** Words joining two values of a list within a few characters (と, や, 、, が). */
const LISTED = /^[^\n\d]{0,6}?(?:と|や|、|,|が)/;
/** A date written day (or month) first, then a four-digit year. */
const DAY_FIRST = /(?<![\d/.\-])\d{1,2}[/.\-]\d{1,2}[/.\-](?:1[89]|20)\d{2}(?![\d/.\-])/;
/** How far after a found value its correction may stand. */
const REACH = 40;
const DATE_AT_START = new RegExp(`^(?:${DATE_BODY})`);
/** A number's shape: its digit groups and what separates them (1992.08.11 → 9.9.9; 5529037 → 9). */
const shape = (value: string): string => value.replace(/\d+/g, '9');

/** Types known only by their label, whose corrected value a detector cannot tell (a phone number is one by its shape). */
const CORRECTED: ReadonlySet<PiiType> = new Set([
  'birth_date',
  'bank_account',
  'my_number',
  'pension_number',
  'insurance_number',
  'resident_code',
]);

/** A correction pair's labels: the value before (誤, 修正前, 変更前, 旧) and after (正, 修正後, 変更後, 新). */
const PAIR_LINE = /^[ \t]*(?:誤|正|修正前|修正後|変更前|変更後|旧|新)[ \t]*[）):：][ \t]*([^\n]{1,40}?)[ \t]*$/gm;
/** The item a correction record names (修正項目：生年月日). */
const ITEM: ReadonlyArray<readonly [RegExp, PiiType]> = [
  [/生年月日|誕生日/, 'birth_date'],
  [/口座番号/, 'bank_account'],
  [/個人番号|マイナンバー/, 'my_number'],
  [/基礎年金番号/, 'pension_number'],
  [/住民票コード/, 'resident_code'],
];

/** The spans of the corrected values next to the `spans` found, not overlapping them. */
export function correctionSpans(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const free = (start: number, end: number): boolean => ![...spans, ...out].some((k) => start < k.end && k.start < end);
  for (const s of spans) {
    if (!CORRECTED.has(s.type)) continue;
    const after = text.slice(s.end, s.end + REACH);
    const behind = CUE_AFTER.exec(after);
    if (behind) {
      // The value right before the words, after the one found.
      const head = after.slice(0, behind.index);
      const m = s.type === 'birth_date' ? lastDateIn(head) : lastSameShapeIn(head, text.slice(s.start, s.end));
      if (m && free(s.end + m.start, s.end + m.end))
        out.push({ type: s.type, start: s.end + m.start, end: s.end + m.end });
      continue;
    }
    const corrected = CUE.exec(after);
    // A number of the same shape listed right after it is another of the kind (5501-203948 の人と 5501-203984 の人).
    const cue = corrected ?? (s.type === 'birth_date' ? null : LISTED.exec(after));
    if (!cue) continue;
    const from = s.end + cue.index + cue[0].length;
    const rest = text.slice(from, s.end + REACH + 20);
    // A listed one follows its joiner at once (と 5501-…), not after another label (、金融機関コード 0009).
    const near = corrected ? 8 : 1;
    const found = s.type === 'birth_date' ? dateIn(rest) : sameShapeIn(rest, text.slice(s.start, s.end), near);
    if (found && free(from + found.start, from + found.end))
      out.push({ type: s.type, start: from + found.start, end: from + found.end });
  }
  // 誤）… / 正）… lines under a record naming the item.
  for (const m of text.matchAll(PAIR_LINE)) {
    const head = text.slice(Math.max(0, m.index - 80), m.index);
    const type = ITEM.find(([re]) => re.test(head))?.[1];
    const value = m[1] ?? '';
    if (!type) continue;
    const fits = type === 'birth_date' ? DATE_AT_START.test(value) : /^\+?[\d\- ]{4,20}$/.test(value);
    const start = m.index + m[0].indexOf(value);
    if (fits && free(start, start + value.length)) out.push({ type, start, end: start + value.length });
  }
  return out;
}

/** The first date in the text after a cue, within a few characters. */
function dateIn(rest: string): { start: number; end: number } | undefined {
  // Or day and month before the year, as foreign forms write it (it should be 04/07/1993 (DD/MM)).
  const m = new RegExp(DATE_BODY).exec(rest) ?? DAY_FIRST.exec(rest);
  if (!m || m.index > 8) return undefined;
  return { start: m.index, end: m.index + m[0].length };
}

/** The first number of the same shape as `value` after a cue, within `near` characters. */
function sameShapeIn(rest: string, value: string, near: number): { start: number; end: number } | undefined {
  const m = /(?<![\d-])\d[\d\- ]*\d(?![\d])/.exec(rest);
  if (!m || m.index > near) return undefined;
  const candidate = m[0].trim();
  const digits = (v: string): number => v.replace(/\D/g, '').length;
  if (shape(candidate) !== shape(value) || Math.abs(digits(candidate) - digits(value)) > 1) return undefined;
  return { start: m.index, end: m.index + candidate.length };
}

/** The last date in the text before words that say it is the right one, ending within a few characters of them. */
function lastDateIn(head: string): { start: number; end: number } | undefined {
  const all = [...head.matchAll(new RegExp(DATE_BODY, 'g'))];
  const m = all[all.length - 1];
  if (!m || head.length - (m.index + m[0].length) > 4) return undefined;
  return { start: m.index, end: m.index + m[0].length };
}

/** The last number of the same shape as `value` before words that say it is the right one. */
function lastSameShapeIn(head: string, value: string): { start: number; end: number } | undefined {
  const all = [...head.matchAll(/(?<![\d-])\d[\d\- ]*\d(?![\d])/g)];
  const m = all[all.length - 1];
  if (!m || head.length - (m.index + m[0].length) > 4) return undefined;
  const found = sameShapeIn(m[0], value, 0);
  return found ? { start: m.index + found.start, end: m.index + found.end } : undefined;
}
