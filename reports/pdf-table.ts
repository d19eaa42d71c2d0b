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
  const widths = columnWidths(table, width);
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
  for (const r of table.rows) row(r.map(String), false);
  doc.y += 6;
}

function ensureRoom(doc: PDFKit.PDFDocument, needed: number, bottom: () => number): void {
  if (doc.y + needed > bottom()) doc.addPage();
}

/** Printed width of a text in half-width units (full-width characters count twice). */
const visualLength = (s: string): number => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** Widths proportional to the longest text of each column (capped), each at least 8 % of the width. */
function columnWidths(table: ReportTable, width: number): number[] {
  const weights = table.columns.map(
    (c, i) => Math.min(48, Math.max(visualLength(c), ...table.rows.map((r) => visualLength(String(r[i] ?? ''))))) + 2,
  );
  const floor = width * 0.08;
  const total = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => Math.max(floor, (width * w) / total));
  const scale = width / raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w * scale);
}
