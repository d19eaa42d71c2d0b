/**
 * Layout of the xlsx data sheets for print: column widths that fit the page (wrapping long text
 * instead of shrinking the sheet to 3 pt), the orientation, and valid unique sheet names for
 * contributed sections.
 */
import type { ReportTable } from './tables';

/** Width units (≈ characters of the default font) that print at 100 % across A4 with the margins. */
export const PAGE_WIDTH_UNITS = { portrait: 88, landscape: 128 } as const;

/** No column is narrower (a number column) or, unwrapped, wider than these. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Printed width of a text in half-width units (full-width characters count twice), longest line. */
export function visualWidth(text: string): number {
  return Math.max(
    0,
    ...text.split('\n').map((line) => [...line].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0)),
  );
}

/** Orientation and column widths of a table: natural widths, shrunk (widest first) to fit the page. */
export function sheetLayout(t: ReportTable): { orientation: 'portrait' | 'landscape'; widths: number[] } {
  const natural = t.columns.map((name, i) => {
    const longest = Math.max(visualWidth(name) / 2, ...t.rows.map((r) => visualWidth(String(r[i] ?? ''))));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(longest) + 2));
  });
  const total = natural.reduce((a, b) => a + b, 0);
  const orientation = total > PAGE_WIDTH_UNITS.portrait || t.columns.length > 5 ? 'landscape' : 'portrait';
  const budget = PAGE_WIDTH_UNITS[orientation];
  if (total <= budget) return { orientation, widths: natural };
  // Water-filling: cap every column at the same width c, the largest c whose widths sum to the budget.
  const floor = Math.max(MIN_WIDTH, Math.min(12, Math.floor(budget / t.columns.length)));
  let lo = floor;
  let hi = MAX_WIDTH;
  const sum = (cap: number) => natural.reduce((n, w) => n + Math.min(w, Math.max(cap, floor)), 0);
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (sum(mid) > budget) hi = mid;
    else lo = mid;
  }
  return { orientation, widths: natural.map((w) => Math.floor(Math.min(w, Math.max(lo, floor)))) };
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique within `used`. */
export function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, '・')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** Line height in points of the data sheets' 10 pt text. */
const LINE_POINTS = 14;

/**
 * Height in points a row needs for its wrapped cells. Neither Excel nor LibreOffice fits the height
 * of a generated row on opening, so without it a long cell shows (and prints) its first line only.
 */
export function rowHeight(cells: readonly unknown[], widths: readonly number[]): number {
  const lines = cells.map((cell, i) => {
    const usable = Math.max(1, (widths[i] ?? 10) - 1);
    return String(cell ?? '')
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil(visualWidth(line) / usable)), 0);
  });
  return Math.min(409, Math.max(1, ...lines) * LINE_POINTS + 4);
}
