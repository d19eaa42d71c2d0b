/**
 * The incident report as one Excel sheet 「障害復旧作業報告書」: title, 作成日・作成者, the bordered
 * label/value table, then the 経過 and 作業記録 tables. A4 portrait, fit to width, page numbers.
 */
import type ExcelJS from 'exceljs';
import type { ReportTable } from '../tables';
import { INCIDENT_SECTIONS, INCIDENT_TITLE } from './labels';
import type { IncidentReportModel } from './model';
import { issuerRows, summaryRows, timelineTable, workLogTable, type LabelValue } from './sections';

const FONT = 'Yu Gothic';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LABEL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } } as const;
/** Column widths A–E: the work-log table uses all five; label/value rows merge B–E. */
const WIDTHS = [24, 14, 18, 40, 24];
const LAST = 'E';

/** Printed width in column-width units (full-width characters count twice). */
const visualLength = (s: string): number => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** Wrapped line count of a text in a cell `width` units wide (Excel never auto-fits merged cells). */
const lineCount = (text: string, width: number): number =>
  text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(visualLength(p) / Math.max(1, width - 2))), 0);

const heightFor = (lines: number): number => Math.max(20, lines * 15 + 5);

function style(cell: ExcelJS.Cell, header: boolean): void {
  cell.font = { name: FONT, bold: header };
  cell.border = BORDER;
  cell.alignment = { vertical: header ? 'middle' : 'top', horizontal: header ? 'center' : 'left', wrapText: true };
  if (header) cell.fill = LABEL_FILL;
}

function heading(ws: ExcelJS.Worksheet, text: string): void {
  ws.addRow([]);
  ws.addRow([text]).font = { name: FONT, size: 12, bold: true };
}

/** A label in A and its value merged across B–E, both bordered. */
function labelValueRow(ws: ExcelJS.Worksheet, r: LabelValue): void {
  const row = ws.addRow([r.label, r.value]);
  ws.mergeCells(`B${row.number}:${LAST}${row.number}`);
  for (let c = 1; c <= WIDTHS.length; c += 1) style(row.getCell(c), c === 1);
  row.getCell(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  const valueWidth = WIDTHS.slice(1).reduce((a, b) => a + b, 0);
  row.height = heightFor(lineCount(r.value, valueWidth));
}

/** A table; with two columns the second one is merged across B–E. */
function table(ws: ExcelJS.Worksheet, t: ReportTable): void {
  heading(ws, t.title);
  const wide = t.columns.length === 2;
  const put = (cells: string[], header: boolean): void => {
    const row = ws.addRow(cells);
    if (wide) ws.mergeCells(`B${row.number}:${LAST}${row.number}`);
    for (let c = 1; c <= WIDTHS.length; c += 1) style(row.getCell(c), header);
    const widths = wide ? [WIDTHS[0], WIDTHS.slice(1).reduce((a, b) => a + b, 0)] : WIDTHS;
    row.height = heightFor(Math.max(...cells.map((s, i) => lineCount(s, widths[i]))));
  };
  put(t.columns, true);
  for (const r of t.rows) put(r.map(String), false);
  if (t.rows.length === 0 && t.emptyText) ws.addRow([t.emptyText]).font = { name: FONT };
}

/** Renders the workbook (one sheet). */
export async function renderIncidentXlsx(m: IncidentReportModel): Promise<Buffer> {
  // exceljs (about 150 modules) loads with the first report, not with the server.
  const wb = new (require('exceljs') as typeof ExcelJS).Workbook();
  wb.creator = m.organization;
  wb.created = new Date(m.generatedAt);
  wb.title = `${m.title} ${m.number}`;
  const ws = wb.addWorksheet(INCIDENT_TITLE);
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(`A1:${LAST}1`);
  ws.getCell('A1').value = m.title;
  ws.getCell('A1').font = { name: FONT, size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  for (const r of issuerRows(m)) {
    // 作成日・作成者 sit top right, the way Japanese official documents place the issuer.
    const row = ws.addRow(['', '', r.label, r.value]);
    ws.mergeCells(`D${row.number}:${LAST}${row.number}`);
    row.font = { name: FONT };
    row.getCell(3).alignment = { horizontal: 'right' };
  }
  heading(ws, INCIDENT_SECTIONS.summary);
  for (const r of summaryRows(m)) labelValueRow(ws, r);
  table(ws, timelineTable(m));
  table(ws, workLogTable(m));
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddHeader: `&L${m.title}&R${m.number}`, oddFooter: `&C&P / &N` };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
