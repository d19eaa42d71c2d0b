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

/** Groups of four digits broken over lines (a number pasted from a PDF or typed into a narrow field). */
const LINE_BROKEN = /(?<![\w.\-\/])\d{4}(?:[ \t]\d{4})?(?:\n\d{4}(?:[ \t]\d{4})?)+(?![\w])/g;

/** Every number run of the normalised text; runs broken over lines have '\n' among their separators. */
export function numberRuns(normalized: string): NumberRun[] {
  const runs: NumberRun[] = [];
  for (const m of normalized.matchAll(RUN)) {
    const groups = m[0].split(SEPARATOR);
    const separators = m[0].match(SEPARATOR)?.map((s) => s.trim() || ' ') ?? [];
    runs.push({ start: m.index, end: m.index + m[0].length, groups, separators });
  }
  if (normalized.includes('\n'))
    for (const m of normalized.matchAll(LINE_BROKEN)) {
      const separators = m[0].match(/[ \t\n]/g)?.map((s) => (s === '\n' ? '\n' : ' ')) ?? [];
      runs.push({ start: m.index, end: m.index + m[0].length, groups: m[0].split(/[ \t\n]/), separators });
    }
  return runs;
}

/** The digits of a run without separators. */
export function digitsOf(run: NumberRun): string {
  return run.groups.join('');
}
