/**
 * A number found once as personal data is the same person's wherever the text says it again (国保の被保険者番号 00421977 …
 * his card says 00421977): the other places where the same digits stand whole are masked as the same type.
 */
import type { PiiSpan, PiiType } from './types';

/** Types whose value is a number a person holds. */
const NUMBERED: ReadonlySet<PiiType> = new Set<PiiType>([
  'my_number',
  'phone',
  'bank_account',
  'card_number',
  'pension_number',
  'resident_code',
  'passport',
  'insurance_number',
]);

/** At most this many values are looked for again: each is one linear search (a table of numbers is masked by its columns). */
const MAX_VALUES = 50;

/** The other occurrences of each numbered value of six digits or more found, not inside a longer number or word. */
export function sameValueSpans(normalized: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    const value = normalized.slice(s.start, s.end).trim();
    if (!NUMBERED.has(s.type) || seen.has(value) || value.replace(/\D/g, '').length < 6) continue;
    if (seen.size >= MAX_VALUES) break;
    seen.add(value);
    for (let i = normalized.indexOf(value); i >= 0; i = normalized.indexOf(value, i + value.length))
      if (!/[\w-]/.test(normalized[i - 1] ?? '') && !/[\w-]/.test(normalized[i + value.length] ?? ''))
        out.push({ type: s.type, start: i, end: i + value.length });
  }
  return out;
}
