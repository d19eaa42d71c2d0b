/**
 * A form's filled-in example is no one's data: 【記入例】 up to the next blank line (or the end), and a value
 * marked （例） / (例) up to the end of its field. Spans found there are dropped.
 */
import type { PiiSpan } from './types';

const EXAMPLE_BLOCK = /[【［[]?記入例[】］\]]?/g;
const EXAMPLE_VALUE = /[（(]例[）)]|記載例[:：]?/g;

/** The [start, end) ranges of examples in the text. */
function exampleZones(normalized: string): Array<[number, number]> {
  const zones: Array<[number, number]> = [];
  for (const m of normalized.matchAll(EXAMPLE_BLOCK)) {
    const blank = normalized.indexOf('\n\n', m.index);
    zones.push([m.index, blank < 0 ? normalized.length : blank]);
  }
  for (const m of normalized.matchAll(EXAMPLE_VALUE)) {
    const from = m.index + m[0].length;
    // Up to the next field: a line break, 。, or two spaces / a full-width space (normalised to one space).
    const end = /[\n。]|  | (?=\S+欄)/.exec(normalized.slice(from, from + 40));
    zones.push([m.index, from + (end ? end.index : Math.min(40, normalized.length - from))]);
  }
  return zones;
}

/** The spans outside any example. */
export function withoutExamples(normalized: string, spans: PiiSpan[]): PiiSpan[] {
  if (!normalized.includes('例')) return spans;
  const zones = exampleZones(normalized);
  return zones.length === 0 ? spans : spans.filter((s) => !zones.some(([a, b]) => a <= s.start && s.end <= b));
}
