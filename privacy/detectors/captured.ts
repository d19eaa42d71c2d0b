import type { PiiSpan } from '../types';

/**
 * The person-name spans each match of `re` (with the d flag) captures — its first group that took part — and `keep`
 * accepts; `keep` sees the match too, for what stands around the name.
 */
export function captured(
  normalized: string,
  re: RegExp,
  keep: (name: string, at: [number, number], m: RegExpMatchArray) => boolean = () => true,
): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(re)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const at = group > 0 ? m.indices?.[group] : undefined;
    if (at && keep(m[group]!, at, m)) spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  return spans;
}
