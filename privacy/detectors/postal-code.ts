/** 郵便番号: 7 digits after 〒 or 郵便番号, or 3-4 digits directly before a prefecture. */
import { valuesAfter } from '../context';
import type { PiiSpan } from '../types';
import { PREFECTURE } from './prefectures';

const CODE = /\d{3}-?\d{4}(?![\d\-])/;
const BEFORE_PREFECTURE = new RegExp(`(?<![\\d\\-])\\d{3}-\\d{4}(?=[ \\t]*(?:${PREFECTURE}))`, 'g');

/** Finds postal codes. */
export function detectPostalCode(normalized: string): PiiSpan[] {
  const spans = valuesAfter(normalized, 'postal_code', /郵便番号|郵便/, CODE, 4);
  for (const m of normalized.matchAll(/〒[ \t]?\d{3}-?\d{4}(?![\d\-])/g)) {
    spans.push({ type: 'postal_code', start: m.index, end: m.index + m[0].length });
  }
  for (const m of normalized.matchAll(BEFORE_PREFECTURE)) {
    spans.push({ type: 'postal_code', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
