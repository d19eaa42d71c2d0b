/** CSV files, one per report table: UTF-8 with BOM (Excel opens Japanese correctly), CRLF, RFC 4180 quoting. */
import type { ReportModel } from './model';
import { reportTables, type Cell, type ReportTable } from './tables';

/** A rendered file: its name and bytes. */
export interface RenderedFile {
  name: string;
  content: Buffer;
}

const BOM = '\uFEFF';

/**
 * Quotes a cell when it holds a comma, quote, CR or LF (quotes doubled). Text that a spreadsheet
 * would run as a formula (= + - @ at the start) gets a leading apostrophe.
 */
export function csvCell(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as CSV text (without BOM); an empty table carries its explanatory sentence as a row. */
export function tableToCsv(table: ReportTable): string {
  const rows: Cell[][] = [table.columns, ...table.rows];
  if (table.rows.length === 0 && table.emptyText) rows.push([table.emptyText]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Base name of a report's files, e.g. 'monthly-2026-05'. */
export function reportBaseName(model: Pick<ReportModel, 'kind' | 'period'>): string {
  return `${model.kind}-${model.period.key}`;
}

/** A table id as a file-name part: contributed sections may bring any id; keep [A-Za-z0-9_-] and make it unique. */
function fileIds(tables: readonly ReportTable[]): string[] {
  const used = new Set<string>();
  return tables.map((t) => {
    const base = t.id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'section';
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** Every table of the report as `<kind>-<period>-<table>.csv`. */
export function renderCsvFiles(model: ReportModel): RenderedFile[] {
  const base = reportBaseName(model);
  const tables = reportTables(model);
  const ids = fileIds(tables);
  return tables.map((t, i) => ({
    name: `${base}-${ids[i]}.csv`,
    content: Buffer.from(BOM + tableToCsv(t), 'utf8'),
  }));
}
