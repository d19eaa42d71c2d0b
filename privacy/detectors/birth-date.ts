/**
 * 生年月日: a date after 生年月日 / 誕生日 / 生まれ, or directly before 生まれ. Western years and
 * the eras 大正・昭和・平成・令和 (also S/H/R abbreviations). Other dates (an outage, a deadline) stay.
 */
import { valuesAfter } from '../context';
import type { PiiSpan } from '../types';

const NUM = '[\\d〇一二三四五六七八九十]{1,3}';
const ERA = `(?:(?:明治|大正|昭和|平成|令和|[MTSHR])[ \\t]?(?:${NUM}|元))`;
const DATE_BODY = `(?:(?:1[89]|20)\\d{2}|${ERA})[ \\t]?[年/.\\-][ \\t]?${NUM}[ \\t]?[月/.\\-][ \\t]?${NUM}日?`;
// After 誕生日 a month and day alone are enough (２月３日).
const DATE = new RegExp(`${DATE_BODY}|${NUM}[ \\t]?月[ \\t]?${NUM}[ \\t]?日`);
const CONTEXT = /生年月日|誕生日|生まれ|出生日|birth ?day|date of birth|DOB/i;
const BEFORE_BORN = new RegExp(`${DATE_BODY}(?=[ \\t]?(?:生まれ|生|うまれ))`, 'g');

/** Finds dates of birth. */
export function detectBirthDate(normalized: string): PiiSpan[] {
  const spans = valuesAfter(normalized, 'birth_date', CONTEXT, DATE, 10);
  for (const m of normalized.matchAll(BEFORE_BORN)) {
    spans.push({ type: 'birth_date', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
