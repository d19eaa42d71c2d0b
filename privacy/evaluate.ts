/**
 * Recall and precision of the masker on labelled cases: an expected item is found when spans of
 * its type cover each of its letters and digits; a span is right when it overlaps an expected
 * item of its type. Pure, used by `kotae eval --pii`.
 */
import type { PiiMasker } from './masker';
import { PII_TYPES, type PiiType } from './types';

/** One labelled text: the personal data it holds (none for a negative case). */
export interface PiiCase {
  id: string;
  text: string;
  /** `start` places an item whose value occurs more than once (中野さん … 中野区 … 中野さん). */
  pii: Array<{ type: PiiType; value: string; start?: number }>;
}

/** Counts and ratios for one type (or overall). */
export interface PiiScore {
  expected: number;
  found: number;
  masked: number;
  correct: number;
  recall: number;
  precision: number;
}

/** The scores per type and overall, and the cases that went wrong. */
export interface PiiEvaluation {
  cases: number;
  perType: Partial<Record<PiiType, PiiScore>>;
  overall: PiiScore;
  misses: Array<{ id: string; type: PiiType; value: string }>;
  falsePositives: Array<{ id: string; type: PiiType; text: string }>;
}

interface Counts {
  expected: number;
  found: number;
  masked: number;
  correct: number;
}

function score(c: Counts): PiiScore {
  return {
    ...c,
    recall: c.expected === 0 ? 1 : c.found / c.expected,
    precision: c.masked === 0 ? 1 : c.correct / c.masked,
  };
}

/** Evaluates the masker on the cases. */
export function evaluatePii(masker: PiiMasker, cases: readonly PiiCase[]): PiiEvaluation {
  const counts = new Map<PiiType, Counts>(PII_TYPES.map((t) => [t, { expected: 0, found: 0, masked: 0, correct: 0 }]));
  const misses: PiiEvaluation['misses'] = [];
  const falsePositives: PiiEvaluation['falsePositives'] = [];
  for (const c of cases) {
    const spans = masker.find(c.text);
    let from = 0;
    // Labels are read in the text's order (a value written twice is placed after the label before it); a label listed
    // out of that order is placed at the value's first occurrence.
    const items = c.pii.map((p) => {
      const next = c.text.indexOf(p.value, from);
      const start =
        p.start !== undefined && c.text.startsWith(p.value, p.start)
          ? p.start
          : next >= 0
            ? next
            : c.text.indexOf(p.value);
      from = start < 0 ? from : start + p.value.length;
      return { ...p, start, end: start + p.value.length };
    });
    for (const item of items) {
      const k = counts.get(item.type);
      if (!k) continue;
      k.expected++;
      const same = spans.filter((s) => s.type === item.type);
      const covered =
        item.start >= 0 &&
        [...item.value].every(
          (ch, i) => !/[\p{L}\p{N}]/u.test(ch) || same.some((s) => s.start <= item.start + i && item.start + i < s.end),
        );
      if (covered) k.found++;
      else misses.push({ id: c.id, type: item.type, value: item.value });
    }
    // A value labelled once and written again (a chat speaker on every line) is personal data at each place.
    const occurrences = items.flatMap((i) =>
      allIndexes(c.text, i.value).map((start) => ({ ...i, start, end: start + i.value.length })),
    );
    for (const s of spans) {
      const k = counts.get(s.type);
      if (!k) continue;
      k.masked++;
      if (occurrences.some((i) => i.type === s.type && s.start < i.end && i.start < s.end)) k.correct++;
      else falsePositives.push({ id: c.id, type: s.type, text: c.text.slice(s.start, s.end) });
    }
  }
  const perType: PiiEvaluation['perType'] = {};
  const total: Counts = { expected: 0, found: 0, masked: 0, correct: 0 };
  for (const [t, k] of counts) {
    if (k.expected === 0 && k.masked === 0) continue;
    perType[t] = score(k);
    total.expected += k.expected;
    total.found += k.found;
    total.masked += k.masked;
    total.correct += k.correct;
  }
  return { cases: cases.length, perType, overall: score(total), misses, falsePositives };
}

/** Every start index of `value` in `text` (none for an empty value). */
function allIndexes(text: string, value: string): number[] {
  const out: number[] = [];
  if (!value) return out;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) out.push(at);
  return out;
}
