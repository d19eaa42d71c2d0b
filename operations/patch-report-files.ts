/**
 * The 適用結果報告 as files: an xlsx workbook (one sheet per table, A4 landscape, wrapped text, the
 * heading row repeated on every printed page) and a UTF-8 CSV (with BOM) of the per-terminal results.
 */
import type ExcelJS from 'exceljs';
import { tableToCsv, type ReportTable } from '../reports';
import { patchReportTables, type PatchReport } from './patch-report';

/** The file name without extension, e.g. `patch-report-2026-12-09`. */
export function patchReportBaseName(r: PatchReport): string {
  return `patch-report-${r.campaign.releaseDate ?? r.campaign.id.slice(0, 8)}`;
}

/** The per-terminal results as CSV (UTF-8 with BOM, for Excel). */
export function renderPatchReportCsv(r: PatchReport): Buffer {
  const terminals = patchReportTables(r).find((t) => t.id === 'terminals') as ReportTable;
  return Buffer.from('\uFEFF' + tableToCsv(terminals), 'utf8');
}

/** Width of a column in characters: the longest cell (full-width counted twice), 8–40. */
function widthOf(table: ReportTable, col: number): number {
  const len = (v: unknown) => [...String(v ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  const longest = Math.max(len(table.columns[col]), ...table.rows.map((row) => len(row[col])));
  return Math.min(40, Math.max(8, longest + 2));
}

/** The report as an xlsx workbook. */
export async function renderPatchReportXlsx(r: PatchReport): Promise<Buffer> {
  // Loaded with the first report, not with the server.
  const wb = new (require('exceljs') as typeof ExcelJS).Workbook();
  wb.creator = 'Kotae';
  wb.created = r.generatedAt;
  for (const table of patchReportTables(r)) {
    const ws = wb.addWorksheet(table.sheet, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.addRow([table.title]).font = { bold: true, size: 14 };
    const head = ws.addRow(table.columns);
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const row of table.rows) ws.addRow(row);
    table.columns.forEach((_, i) => {
      const column = ws.getColumn(i + 1);
      column.width = widthOf(table, i);
      column.alignment = { wrapText: true, vertical: 'top' };
    });
    ws.pageSetup.printTitlesRow = '2:2';
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
