/**
 * The cells of a pasted table's main-number column (部署 | 代表 | 内線, 課名,代表電話,FAX): an office's published numbers,
 * no one's. A column headed 代表 (代表電話, 代表番号) holds each row's main number — as 代表 before a number in a sentence
 * does — and a FAX column beside it the fax given with that main number.
 */

const MAIN_HEADER = /^(?:代表|代表電話|代表番号|代表電話番号|代表TEL)$/;
const FAX_HEADER = /^(?:FAX|ＦＡＸ|Fax|ファクス|ファックス)(?:番号)?$/;
const SEPARATOR = /[|,\t｜]/;

/** Start and end of each cell of a main-number (or its fax) column, in text order. */
export function mainNumberCells(text: string): Array<{ start: number; end: number }> {
  if (!text.includes('代表')) return [];
  const cells: Array<{ start: number; end: number }> = [];
  let columns: number[] = [];
  let separator = '';
  let at = 0;
  for (const line of text.split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    const sep = SEPARATOR.exec(line)?.[0];
    if (!sep) {
      columns = [];
      continue;
    }
    const parts = line.split(sep);
    const names = parts.map((p) => p.trim());
    const main = names.flatMap((n, i) => (MAIN_HEADER.test(n) ? [i] : []));
    if (main.length > 0) {
      separator = sep;
      columns = [...main, ...names.flatMap((n, i) => (FAX_HEADER.test(n) ? [i] : []))];
      continue;
    }
    // A row without a digit is another table's header.
    if (columns.length === 0 || sep !== separator || !/\d/.test(line)) {
      columns = [];
      continue;
    }
    let from = lineStart;
    parts.forEach((p, i) => {
      if (columns.includes(i)) cells.push({ start: from, end: from + p.length });
      from += p.length + sep.length;
    });
  }
  return cells;
}
