/**
 * The Excel workbook: a summary sheet laid out as a Japanese report (title, period with the era,
 * organisation, key figures, 課題・対策; A4 portrait, fit to width, page numbers), a sheet of the
 * charts as PNG images, and one data sheet per report table (contributed sections included), each
 * printable: widths that fit the page, wrapped text, title and header rows repeated on every page.
 */
import type ExcelJS from 'exceljs';
import { formatJst } from '../calendar';
import { createSvgToPng } from './chart-png';
import { TEXT } from './labels';
import type { ReportModel } from './model';
import { defaultPdfFonts, type PdfFonts } from './pdf-document';
import { reportCharts } from './report-charts';
import { reportTables, type ReportTable } from './tables';
import { rowHeight, sheetLayout, sheetName } from './xlsx-layout';

const FONT = 'Yu Gothic';
/** Point size of the data sheets' cells (printed at 100 %: the widths fit the page). */
const BODY_SIZE = 10;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } } as const;

function printSetup(
  ws: ExcelJS.Worksheet,
  title: string,
  orientation: 'portrait' | 'landscape',
  printTitlesRow?: string,
): void {
  // Fit to the page width only: as many pages down as the rows need (fitToHeight 0).
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(printTitlesRow ? { printTitlesRow } : {}),
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

function addTable(wb: ExcelJS.Workbook, m: ReportModel, t: ReportTable, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(t.sheet, used));
  const layout = sheetLayout(t);
  ws.addRow([t.title]).font = { name: FONT, size: 12, bold: true };
  headerRow(ws.addRow(t.columns));
  ws.getRow(2).eachCell((c) => (c.font = { name: FONT, size: BODY_SIZE, bold: true }));
  ws.getRow(2).height = rowHeight(t.columns, layout.widths);
  for (const r of t.rows) {
    const cells = r.map(xlsxCell);
    const row = ws.addRow(cells);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.font = { name: FONT, size: BODY_SIZE };
      c.alignment = { wrapText: true, vertical: 'top' };
    });
    row.height = rowHeight(cells, layout.widths);
  }
  if (t.rows.length === 0 && t.emptyText) ws.addRow([t.emptyText]).font = { name: FONT, size: BODY_SIZE };
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  printSetup(ws, `${m.title} ${t.title}`, layout.orientation, '1:2');
}

/** Chart images: 2 per row, each 640 × 288 px (from 800 × 360 SVG). */
async function addCharts(wb: ExcelJS.Workbook, m: ReportModel, fonts: PdfFonts, used: Set<string>): Promise<void> {
  const ws = wb.addWorksheet(sheetName(TEXT.charts, used));
  ws.columns = Array.from({ length: 20 }, () => ({ width: 10 }));
  const png = createSvgToPng(fonts);
  const charts = reportCharts(m);
  for (const [i, chart] of charts.entries()) {
    const id = wb.addImage({ buffer: (await png(chart.svg)) as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: (i % 2) * 9.2, row: Math.floor(i / 2) * 16 }, ext: { width: 640, height: 288 } });
  }
  printSetup(ws, `${m.title} ${TEXT.charts}`, 'landscape');
}

/** Renders the workbook; `status` is the Japanese status text (下書き / 確定). */
export async function renderXlsx(
  model: ReportModel,
  status: string = TEXT.draft,
  fonts: PdfFonts = defaultPdfFonts(),
): Promise<Buffer> {
  // exceljs (about 150 modules) loads with the first report, not with the server.
  const wb = new (require('exceljs') as typeof ExcelJS).Workbook();
  wb.creator = model.organization;
  wb.created = new Date(model.generatedAt);
  const used = new Set<string>(['報告書']);
  addSummary(wb, model, status);
  await addCharts(wb, model, fonts, used);
  for (const t of reportTables(model).slice(1)) addTable(wb, model, t, used);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
