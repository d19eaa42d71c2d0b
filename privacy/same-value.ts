/**
 * A number found once as personal data is the same person's wherever the text says it again (国保の被保険者番号 00421977 …
 * his card says 00421977): the other places where the same digits stand whole are masked as the same type — also
 * written together when it was found read out in groups (1 2 0 3 4 5 6 … 1203456); a birth date written again the same
 * way is the same person's too.
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
    // A birth date written again the same way (R1.5.1生 … R1.5.1 だと通る) is the same person's too.
    const again =
      s.type === 'birth_date' ? value.length >= 6 : NUMBERED.has(s.type) && value.replace(/\D/g, '').length >= 6;
    if (!again || seen.has(value)) continue;
    if (seen.size >= MAX_VALUES) break;
    seen.add(value);
    // A number read out digit by digit or in groups (1 2 0 3 4 5 6) is the same number written together (1203456).
    const digits = value.replace(/[ \t-]/g, '');
    for (const v of /^\d[\d \t-]*$/.test(value) && digits !== value ? [value, digits] : [value])
      for (let i = normalized.indexOf(v); i >= 0; i = normalized.indexOf(v, i + v.length))
        if (!/[\w-]/.test(normalized[i - 1] ?? '') && !/[\w-]/.test(normalized[i + v.length] ?? ''))
          out.push({ type: s.type, start: i, end: i + v.length });
  }
  return out;
}
