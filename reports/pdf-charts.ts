/** Charts drawn with pdfkit's vector primitives: vertical bars, horizontal bars and a donut. */

/** Where a chart goes on the page. */
export interface ChartBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A labelled value. */
export interface ChartItem {
  label: string;
  value: number;
}

const AXIS = '#555555';
const GRID = '#dddddd';
const BAR = '#3b6fb6';

/** Gridlines of the vertical bar chart. */
const TICKS = 4;

/** A round axis maximum: TICKS × a whole step of 1, 2 or 5 × 10^n, so every gridline is an integer. */
export function niceMax(max: number): number {
  const raw = Math.max(1, max / TICKS);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * p).find((v) => v >= raw) ?? 10 * p;
  return step * TICKS;
}

function frame(doc: PDFKit.PDFDocument, box: ChartBox, title: string): void {
  doc.lineWidth(0.5).rect(box.x, box.y, box.w, box.h).strokeColor('#bbbbbb').stroke();
  doc
    .fillColor('#000000')
    .fontSize(9)
    .text(title, box.x + 6, box.y + 5, { width: box.w - 12, lineBreak: false });
}

/** Vertical bars with a y axis and every `labelEvery`-th x label. */
export function drawBarChart(
  doc: PDFKit.PDFDocument,
  box: ChartBox,
  title: string,
  items: ChartItem[],
  labelEvery = 1,
): void {
  frame(doc, box, title);
  const left = box.x + 30;
  const top = box.y + 24;
  const bottom = box.y + box.h - 18;
  const width = box.x + box.w - 8 - left;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)));
  doc.fontSize(6);
  for (let g = 0; g <= TICKS; g += 1) {
    const y = bottom - ((bottom - top) * g) / TICKS;
    doc
      .lineWidth(0.3)
      .moveTo(left, y)
      .lineTo(left + width, y)
      .strokeColor(GRID)
      .stroke();
    doc
      .fillColor(AXIS)
      .text(String((max * g) / TICKS), box.x + 2, y - 3, { width: 25, align: 'right', lineBreak: false });
  }
  const slot = width / Math.max(1, items.length);
  items.forEach((item, i) => {
    const h = ((bottom - top) * item.value) / max;
    if (h > 0)
      doc
        .rect(left + i * slot + slot * 0.15, bottom - h, slot * 0.7, h)
        .fillColor(BAR)
        .fill();
    if (i % labelEvery === 0) {
      doc
        .fillColor(AXIS)
        .text(item.label, left + i * slot - 6, bottom + 3, { width: slot + 12, align: 'center', lineBreak: false });
    }
  });
  doc
    .lineWidth(0.6)
    .moveTo(left, top)
    .lineTo(left, bottom)
    .lineTo(left + width, bottom)
    .strokeColor(AXIS)
    .stroke();
}

/** Horizontal bars, one row per item, with the value printed at the end of the bar. */
export function drawHorizontalBars(doc: PDFKit.PDFDocument, box: ChartBox, title: string, items: ChartItem[]): void {
  frame(doc, box, title);
  const labelWidth = 78;
  const left = box.x + 6 + labelWidth;
  const top = box.y + 24;
  const rowH = Math.min(16, (box.h - 30) / Math.max(1, items.length));
  const width = box.x + box.w - 34 - left;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)));
  doc.fontSize(7);
  items.forEach((item, i) => {
    const y = top + i * rowH;
    doc.fillColor('#000000').text(item.label, box.x + 4, y + rowH / 2 - 4, {
      width: labelWidth - 4,
      align: 'right',
      lineBreak: false,
      ellipsis: true,
    });
    const w = (width * item.value) / max;
    if (w > 0)
      doc
        .rect(left, y + rowH * 0.15, w, rowH * 0.7)
        .fillColor(BAR)
        .fill();
    doc.fillColor(AXIS).text(String(item.value), left + w + 3, y + rowH / 2 - 4, { width: 30, lineBreak: false });
  });
  doc
    .lineWidth(0.6)
    .moveTo(left, top)
    .lineTo(left, top + rowH * items.length)
    .strokeColor(AXIS)
    .stroke();
}

/** A donut of the segments with a text in its middle and a legend beside it. */
export function drawDonut(
  doc: PDFKit.PDFDocument,
  box: ChartBox,
  title: string,
  segments: (ChartItem & { color: string })[],
  center: string,
): void {
  frame(doc, box, title);
  const r = Math.min(box.w * 0.5, box.h - 34) / 2;
  const cx = box.x + 14 + r;
  const cy = box.y + 24 + (box.h - 30) / 2;
  const total = segments.reduce((n, s) => n + s.value, 0);
  if (total === 0) {
    doc.circle(cx, cy, r).fillColor('#eeeeee').fill();
  } else {
    let angle = -Math.PI / 2;
    for (const s of segments.filter((x) => x.value > 0)) {
      const sweep = (2 * Math.PI * s.value) / total;
      drawSlice(doc, cx, cy, r, angle, Math.min(sweep, 2 * Math.PI - 1e-4), s.color);
      angle += sweep;
    }
  }
  doc
    .circle(cx, cy, r * 0.58)
    .fillColor('#ffffff')
    .fill();
  doc
    .fillColor('#000000')
    .fontSize(11)
    .text(center, cx - r, cy - 7, { width: 2 * r, align: 'center', lineBreak: false });
  doc.fontSize(7);
  segments.forEach((s, i) => {
    const y = box.y + 40 + i * 16;
    doc
      .rect(cx + r + 14, y, 8, 8)
      .fillColor(s.color)
      .fill();
    doc
      .fillColor('#000000')
      .text(`${s.label} ${s.value}件`, cx + r + 26, y, { width: box.x + box.w - cx - r - 30, lineBreak: false });
  });
}

function drawSlice(
  doc: PDFKit.PDFDocument,
  cx: number,
  cy: number,
  r: number,
  from: number,
  sweep: number,
  color: string,
): void {
  const x1 = cx + r * Math.cos(from);
  const y1 = cy + r * Math.sin(from);
  const x2 = cx + r * Math.cos(from + sweep);
  const y2 = cy + r * Math.sin(from + sweep);
  const large = sweep > Math.PI ? 1 : 0;
  doc.path(`M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${large} 1 ${x2} ${y2} Z`).fillColor(color).fill();
}
