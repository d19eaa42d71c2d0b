/**
 * Runs of digits joined by single separators (1234-5678-9012, 123 456 789 012, 1234の5678の9012),
 * read once and classified by the number detectors.
 */

/** A run of digit groups and where it is. */
export interface NumberRun {
  start: number;
  end: number;
  groups: string[];
  separators: string[];
}

// Not inside a word or a longer dotted/hyphenated token (NMZ-PC-01234, 10.0.19045, 0x80070005, 10:15).
const RUN = /(?<![\w.\-\/])(?<!\d:)\d+(?:(?:[ \t]?[\-.\/_の][ \t]?|[ \t]{1,2})\d+)*(?![\w])(?![\-.\/:]\d)/g;
const SEPARATOR = /[ \t]?[\-.\/_の][ \t]?|[ \t]{1,2}/g;

/** Every number run of the normalised text. */
export function numberRuns(normalized: string): NumberRun[] {
  const runs: NumberRun[] = [];
  for (const m of normalized.matchAll(RUN)) {
    const groups = m[0].split(SEPARATOR);
    const separators = m[0].match(SEPARATOR)?.map((s) => s.trim() || ' ') ?? [];
    runs.push({ start: m.index, end: m.index + m[0].length, groups, separators });
  }
  return runs;
}

/** The digits of a run without separators. */
export function digitsOf(run: NumberRun): string {
  return run.groups.join('');
}
