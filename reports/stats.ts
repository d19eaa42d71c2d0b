/** Small statistics used by the report sections. */
import type { CountItem, DurationStats } from './model';

/** Median (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0–100): the smallest value with at least p % at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

/** Count, median and 95th percentile. */
export function durationStats(values: readonly number[]): DurationStats {
  return { count: values.length, median: median(values), p95: percentile(values, 95) };
}

/** part / whole, or null when whole is 0. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Counts items by key, most frequent first (ties by key order of `order`, else by key).
 * Keys listed in `order` always appear, with 0 if absent.
 */
export function countBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  labelOf: (key: string) => string,
  order: readonly string[] = [],
): CountItem[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, label: labelOf(key), count }))
    .sort(
      (a, b) => (order.length > 0 ? rank(a.key) - rank(b.key) : 0) || b.count - a.count || a.key.localeCompare(b.key),
    );
}

/** Normalises question text for grouping: NFKC, collapsed spaces, no trailing punctuation. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?？。.!！]+$/u, '');
}

/** The `limit` most frequent texts (ties alphabetical). */
export function topTexts(texts: readonly string[], limit: number): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const key = normalizeQuestion(t);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, limit);
}
