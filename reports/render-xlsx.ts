/**
 * The Excel workbook: a summary sheet laid out as a Japanese report (title, period with the era,
 * organisation, key figures, 課題・対策; A4 portrait, fit to width, page numbers) and one data
 * sheet per report table.
 */
import type ExcelJS from 'exceljs';
import { formatJst } from '../calendar';
import { TEXT } from './labels';
import type { ReportModel } from './model';
import { reportTables, type ReportTable } from './tables';

const FONT = 'Yu Gothic';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } } as const;

function printSetup(ws: ExcelJS.Worksheet, title: string, orientation: 'portrait' | 'landscape'): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
  };
  ws.headerFooter = { oddHeader: `&L${title}`, oddFooter: '&C&P / &N' };
}

function headerRow(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { name: FONT, bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

function addSummary(wb: ExcelJS.Workbook, m: ReportModel, status: string): void {
  const ws = wb.addWorksheet('報告書');
  ws.columns = [{ width: 44 }, { width: 18 }, { width: 10 }];
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = m.title;
  ws.getCell('A1').font = { name: FONT, size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  const meta: [string, string][] = [
    [TEXT.period, m.period.label],
    [TEXT.organization, m.organization],
    [TEXT.generatedAt, formatJst(new Date(m.generatedAt))],
    [TEXT.status, status],
  ];
  for (const [k, v] of meta) ws.addRow([k, v]).font = { name: FONT };
  ws.addRow([]);
  const summary = reportTables(m)[0];
  ws.addRow([summary.title]).font = { name: FONT, size: 12, bold: true };
  headerRow(ws.addRow(summary.columns));
  for (const r of summary.rows) {
    const row = ws.addRow(r);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.font = { name: FONT };
    });
    row.getCell(2).alignment = { horizontal: 'right' };
  }
  ws.addRow([]);
  ws.addRow([TEXT.issues]).font = { name: FONT, size: 12, bold: true };
  const issues = ws.addRow([m.issuesText || TEXT.noIssues]);
  ws.mergeCells(`A${issues.number}:C${issues.number}`);
  issues.height = Math.max(60, 15 * (m.issuesText.split('\n').length + 1));
  issues.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  issues.getCell(1).font = { name: FONT };
  printSetup(ws, m.title, 'portrait');
}

/** Excel keeps at most 32,767 characters in a cell; longer texts (old data) are cut with a note. */
const XLSX_CELL_MAX_CHARS = 32_000;

function xlsxCell<T>(cell: T): T | string {
  return typeof cell === 'string' && cell.length > XLSX_CELL_MAX_CHARS
    ? `${cell.slice(0, XLSX_CELL_MAX_CHARS)}…（全${cell.length}文字。全文はCSV版を参照）`
    : cell;
}

function addTable(wb: ExcelJS.Workbook, m: ReportModel, t: ReportTable): void {
  const ws = wb.addWorksheet(t.sheet);
  ws.addRow([t.title]).font = { name: FONT, size: 12, bold: true };
  headerRow(ws.addRow(t.columns));
  for (const r of t.rows) {
    ws.addRow(r.map(xlsxCell)).eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.font = { name: FONT };
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  if (t.rows.length === 0 && t.emptyText) ws.addRow([t.emptyText]).font = { name: FONT };
  t.columns.forEach((name, i) => {
    const longest = Math.max(...[name, ...t.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest * 2 + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  printSetup(ws, `${m.title} ${t.title}`, t.columns.length > 5 ? 'landscape' : 'portrait');
}

/** Renders the workbook; `status` is the Japanese status text (下書き / 確定). */
export async function renderXlsx(model: ReportModel, status: string = TEXT.draft): Promise<Buffer> {
  // exceljs (about 150 modules) loads with the first report, not with the server.
  const wb = new (require('exceljs') as typeof ExcelJS).Workbook();
  wb.creator = model.organization;
  wb.created = new Date(model.generatedAt);
  addSummary(wb, model, status);
  for (const t of reportTables(model).slice(1)) addTable(wb, model, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
