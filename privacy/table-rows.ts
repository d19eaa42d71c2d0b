/**
 * Pasted tables as rows of cells: lines split at tabs, pipes or commas, or a fixed-width screen's columns (two spaces or
 * more apart; a row whose cell holds a single space is cut at its header's columns by display width). The meaning of
 * the cells (which column holds names, dates, numbers) is related-spans.ts's.
 */

/** One cell: its text (trimmed) and where it stands in the normalised text. */
export interface Cell {
  start: number;
  end: number;
  text: string;
}

/** Cells of a line split at `separator`, a CSV cell's quotes taken off. */
function cellsOf(line: string, offset: number, separator: string): Cell[] {
  const cells: Cell[] = [];
  let at = 0;
  for (const raw of splitCells(line, separator)) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/^"(.*)"$/, '$1');
    const quoted = raw.trim().startsWith('"') && raw.trim().endsWith('"') && raw.trim().length >= 2 ? 1 : 0;
    cells.push({ start: offset + at + lead + quoted, end: offset + at + lead + quoted + text.length, text });
    at += raw.length + separator.length;
  }
  return cells;
}

/** A line's cells as typed; a CSV cell in double quotes keeps its commas ("DELA CRUZ, Angelo"). */
function splitCells(line: string, separator: string): string[] {
  if (separator !== ',' || !line.includes('"')) return line.split(separator);
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    // Quotes open a cell only at its start (row[0]="a,b" is no quoted cell) and close it before a comma.
    if (ch === '"' && (quoted || cell.trim() === '')) quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

/** Cells of a line whose columns are two or more spaces apart (a 全角 space is normalised to one). */
function spacedCells(line: string, offset: number): Cell[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({
    start: offset + m.index,
    end: offset + m.index + m[0].length,
    text: m[0],
  }));
}

/** Display width of a character on a fixed-width screen: full-width and CJK letters take two columns. */
const wide = (ch: string): boolean =>
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch);

/** The display column where each character of a line starts. */
function columnsOf(line: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of line) {
    out.push(col);
    col += wide(ch) ? 2 : 1;
  }
  return out;
}

/**
 * A fixed-width row cut at its header's columns (by display width: 受付日 takes six): each header cell's first column
 * starts a cell, when no word of the row runs across that column; undefined when one does or the row has more cells.
 */
export function alignedRow(normalized: string, header: Row, row: Row): Row | undefined {
  const lineStart = (at: number): number => normalized.lastIndexOf('\n', at - 1) + 1;
  const hStart = lineStart(header.cells[0]!.start);
  const hEnd = normalized.indexOf('\n', hStart);
  const hColumns = columnsOf(normalized.slice(hStart, hEnd < 0 ? undefined : hEnd));
  const starts = header.cells.map((c) => hColumns[c.start - hStart] ?? 0);
  const rStart = lineStart(row.cells[0]!.start);
  const rEnd = normalized.indexOf('\n', rStart);
  const line = normalized.slice(rStart, rEnd < 0 ? undefined : rEnd);
  if ([...line].length !== line.length || row.cells.length > header.cells.length) return undefined;
  const rColumns = columnsOf(line);
  const cells: Cell[] = [];
  for (const [k, from] of starts.entries()) {
    const to = starts[k + 1] ?? Infinity;
    const at = rColumns.findIndex((c) => c >= from);
    const end = rColumns.findIndex((c) => c >= to);
    const a = at < 0 ? line.length : at;
    const b = end < 0 ? line.length : end;
    // A word across the boundary: the screen is not aligned with its header.
    if (a > 0 && a < line.length && line[a - 1] !== ' ' && line[a] !== ' ') return undefined;
    const raw = line.slice(a, b);
    const text = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    cells.push({ start: rStart + a + lead, end: rStart + a + lead + text.length, text });
  }
  return { cells, separator: '  ' };
}

export interface Row {
  cells: Cell[];
  separator: string;
}

/** Lines with a tab, Markdown or spaced pipes (a | b), two pipes or more (No.3｜山内 さくら｜…), or two commas or more, split into cells. */
export function rowsOf(normalized: string): Array<Row | undefined> {
  const rows: Array<Row | undefined> = [];
  let offset = 0;
  for (const line of normalized.split('\n')) {
    const separator = line.includes('\t')
      ? '\t'
      : /^\s*\|.*\|\s*$/.test(line) || / \| \S/.test(line) || (line.match(/\|/g)?.length ?? 0) >= 2
        ? '|'
        : (line.match(/,/g)?.length ?? 0) >= 2
          ? ','
          : undefined;
    if (separator) rows.push({ cells: cellsOf(line, offset, separator), separator });
    // A fixed-width screen: columns two or more spaces apart.
    else if ((line.match(/\S {2,}(?=\S)/g)?.length ?? 0) >= 2)
      rows.push({ cells: spacedCells(line, offset), separator: '  ' });
    else rows.push(undefined);
    offset += line.length + 1;
  }
  return rows;
}
