/** Tables in the PDF: a heading, a shaded header row, wrapped cells and page breaks that repeat the header. */
import type { ReportTable } from './tables';

/** Draws a table from the current y position across the page width; leaves doc.y below it. */
export function drawTable(doc: PDFKit.PDFDocument, table: ReportTable, boldFont: string, font: string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  ensureRoom(doc, 60, bottom);
  doc
    .font(boldFont)
    .fontSize(11)
    .fillColor('#000000')
    .text(table.title, left, doc.y + 6);
  doc.font(font).fontSize(7.5);
  if (table.rows.length === 0) {
    doc.text(table.emptyText ?? '', left, doc.y + 4, { width });
    doc.moveDown(0.5);
    return;
  }
  const widths = columnWidths(table, width, (t) => doc.widthOfString(t));
  const row = (cells: string[], header: boolean): void => {
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 6;
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!header) row(table.columns, true);
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      if (header) doc.rect(x, y, widths[i], h).fillColor('#dde7f3').fill();
      doc.lineWidth(0.4).rect(x, y, widths[i], h).strokeColor('#888888').stroke();
      doc.fillColor('#000000').text(c, x + 3, y + 3, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc.x = left;
    doc.y = y + h;
  };
  doc.y += 4;
  row(table.columns, true);
  for (const r of table.rows)
    row(
      r.map((c) => pdfCell(String(c))),
      false,
    );
  doc.y += 6;
}

/**
 * Longest cell text printed in the PDF. PDFKit's line wrapping grows faster than linearly with a
 * cell's length (a 20,000-character 作業内容 took 30 s and 850 MB); the PDF shows the start and
 * says where the full text is (the xlsx and CSV files keep every character).
 */
export const PDF_CELL_MAX_CHARS = 600;

/** The cell text as printed: at most PDF_CELL_MAX_CHARS characters, with a note when cut. */
export function pdfCell(text: string): string {
  if (text.length <= PDF_CELL_MAX_CHARS) return text;
  return `${text.slice(0, PDF_CELL_MAX_CHARS)}…（全${text.length.toLocaleString('ja-JP')}文字。全文はExcel・CSV版を参照）`;
}

function ensureRoom(doc: PDFKit.PDFDocument, needed: number, bottom: () => number): void {
  if (doc.y + needed > bottom()) doc.addPage();
}

/** Printed width of a text in half-width units (full-width characters count twice). */
const visualLength = (s: string): number => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** A date and time (2026/12/07 10:44) or a number: printed whole, never broken inside. */
const UNBREAKABLE = /^(?:\d{4}\/\d{1,2}\/\d{1,2}(?: \d{1,2}:\d{2})?|\d{1,2}:\d{2}|[\d,.%]+|[A-Z]{1,10}-\d{4}-\d{6})$/;

/**
 * Widths proportional to the longest text of each column (capped), each at least 8 % of the width and at least as wide
 * as its longest date, time, number or ticket number (PDFKit breaks a word wider than its cell inside: 「2026/12/0」
 * 「7 10:44」), as far as the page allows.
 */
function columnWidths(table: ReportTable, width: number, measure: (text: string) => number): number[] {
  const weights = table.columns.map(
    (c, i) => Math.min(48, Math.max(visualLength(c), ...table.rows.map((r) => visualLength(String(r[i] ?? ''))))) + 2,
  );
  const floor = width * 0.08;
  const needs = table.columns.map((_, i) =>
    Math.max(
      floor,
      ...table.rows.slice(0, 500).map((r) => {
        const cell = String(r[i] ?? '');
        return UNBREAKABLE.test(cell) ? Math.min(width * 0.3, measure(cell) + 8) : 0;
      }),
    ),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w, i) => Math.max(needs[i]!, (width * w) / total));
  // Shrink only the columns above their need, so dates keep their width when the others can give.
  const excess = raw.reduce((a, b) => a + b, 0) - width;
  const slack = raw.reduce((a, w, i) => a + (w - needs[i]!), 0);
  if (excess > 0 && slack >= excess) return raw.map((w, i) => w - ((w - needs[i]!) * excess) / slack);
  const scale = width / raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w * scale);
}
