/** Helpers for values that are personal data only after a keyword (口座番号, 住民票コード, …). */
import type { PiiSpan, PiiType } from './types';

/** Characters allowed between a keyword and its value: particles, colons, brackets, short words. */
const GAP = '[^。\\n]';

/**
 * Spans of `value` found at most `gap` characters after each match of `keyword`
 * (same sentence). `value` must not use capture groups of its own.
 */
export function valuesAfter(normalized: string, type: PiiType, keyword: RegExp, value: RegExp, gap = 12): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const caseless = value.flags.includes('i') ? 'i' : '';
  const follow = new RegExp(`${GAP}{0,${gap}}?(${value.source})`, `dy${caseless}`);
  // More values of the kind joined to the first (5012-384729 と 5012-384792).
  const more = new RegExp(`[ \\t]*(?:と|、|,|，|・|及び|および|/|／|or)[ \\t]*(${value.source})`, `dy${caseless}`);
  const flags = keyword.flags.includes('g') ? keyword.flags : `${keyword.flags}g`;
  for (const k of normalized.matchAll(new RegExp(keyword.source, flags))) {
    follow.lastIndex = k.index + k[0].length;
    let m = follow.exec(normalized);
    for (let n = 0; m?.indices?.[1] && n < 10; n++) {
      const at = m.indices[1];
      spans.push({ type, start: at[0], end: at[1] });
      more.lastIndex = at[1];
      m = more.exec(normalized);
    }
  }
  return spans;
}

/** Whether `keyword` occurs within `window` characters before `index`. */
export function keywordBefore(normalized: string, index: number, keyword: RegExp, window = 30): boolean {
  return keyword.test(normalized.slice(Math.max(0, index - window), index));
}

/** Every match of `re` (with the g flag) as a span of `type`: a value known by its own shape. */
export function shapedValues(normalized: string, type: PiiType, re: RegExp): PiiSpan[] {
  return [...normalized.matchAll(re)].map((m) => ({ type, start: m.index, end: m.index + m[0].length }));
}
