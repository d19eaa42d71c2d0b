/**
 * The PDF report (A4 portrait, Noto Sans JP embedded): title block, key figures, 課題・対策,
 * charts (category, daily or monthly volume, SLA compliance, hourly usage) and the tables.
 */
import { formatRate } from './format';
import { formatJst } from '../calendar';
import { CHART_TITLES, TEXT } from './labels';
import { keyFigures } from './key-figures';
import type { ReportModel } from './model';
import { drawBarChart, drawDonut, drawHorizontalBars } from './pdf-charts';
import { drawTable } from './pdf-table';
import { defaultPdfFonts, openJapanesePdf, type PdfFonts } from './pdf-document';
import { drawPageFooters } from './pdf-footer';
import { reportTables } from './tables';

const MARGIN = 36;
/** Tables the PDF leaves to the xlsx and CSV (the charts or the key figures show them); all others, contributed sections included, are printed. */
const TABLES_NOT_IN_PDF = ['summary', 'hourly', 'weekday', 'daily', 'knowledge-usage'];

/** Renders the PDF; `status` is the Japanese status text (下書き / 確定). */
export async function renderPdf(
  model: ReportModel,
  status: string = TEXT.draft,
  fonts: PdfFonts = defaultPdfFonts(),
): Promise<Buffer> {
  const { doc, bytes } = openJapanesePdf(
    { margin: MARGIN, title: `${model.title} ${model.period.label}`, author: model.organization },
    fonts,
  );
  titleBlock(doc, model, status);
  figures(doc, model);
  issues(doc, model);
  charts(doc, model);
  for (const t of reportTables(model).filter((x) => !TABLES_NOT_IN_PDF.includes(x.id)))
    drawTable(doc, t, 'jp-bold', 'jp');
  pageNumbers(doc, model);
  doc.end();
  return bytes;
}

const contentWidth = (doc: PDFKit.PDFDocument): number => doc.page.width - 2 * MARGIN;

function titleBlock(doc: PDFKit.PDFDocument, m: ReportModel, status: string): void {
  doc
    .font('jp-bold')
    .fontSize(18)
    .fillColor('#000000')
    .text(m.title, MARGIN, MARGIN, { width: contentWidth(doc), align: 'center' });
  doc.font('jp').fontSize(10).moveDown(0.3);
  doc.text(`${TEXT.period}: ${m.period.label}`, { align: 'center' });
  doc
    .fontSize(9)
    .text(`${m.organization}　${TEXT.generatedAt}: ${formatJst(new Date(m.generatedAt))}　${TEXT.status}: ${status}`, {
      align: 'center',
    });
  doc
    .lineWidth(1)
    .moveTo(MARGIN, doc.y + 4)
    .lineTo(MARGIN + contentWidth(doc), doc.y + 4)
    .strokeColor('#3b6fb6')
    .stroke();
  doc.y += 10;
}

function figures(doc: PDFKit.PDFDocument, m: ReportModel): void {
  doc.font('jp-bold').fontSize(11).text(TEXT.keyFigures, MARGIN, doc.y);
  const list = keyFigures(m);
  const half = Math.ceil(list.length / 2);
  const colW = contentWidth(doc) / 2;
  const top = doc.y + 3;
  const rowH = 14;
  doc.font('jp').fontSize(8);
  list.forEach((f, i) => {
    const x = MARGIN + (i < half ? 0 : colW);
    const y = top + (i % half) * rowH;
    if ((i % half) % 2 === 0)
      doc
        .rect(x, y, colW - 6, rowH)
        .fillColor('#f2f5fa')
        .fill();
    doc.fillColor('#000000').text(f.label, x + 4, y + 3, { width: colW - 80, lineBreak: false });
    doc.text(`${f.value}${f.unit}`, x + colW - 80, y + 3, { width: 70, align: 'right', lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = top + half * rowH + 8;
}

function issues(doc: PDFKit.PDFDocument, m: ReportModel): void {
  doc.font('jp-bold').fontSize(11).text(TEXT.issues, MARGIN, doc.y);
  const text = m.issuesText.trim() || TEXT.noIssues;
  doc.font('jp').fontSize(8.5);
  const top = doc.y + 3;
  const h = doc.heightOfString(text, { width: contentWidth(doc) - 12 }) + 10;
  doc
    .lineWidth(0.5)
    .rect(MARGIN, top, contentWidth(doc), Math.min(h, doc.page.height - MARGIN - top))
    .strokeColor('#888888')
    .stroke();
  doc.fillColor('#000000').text(text, MARGIN + 6, top + 5, { width: contentWidth(doc) - 12 });
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + h) + 10;
}

function charts(doc: PDFKit.PDFDocument, m: ReportModel): void {
  const gap = 10;
  const w = (contentWidth(doc) - gap) / 2;
  const h = 185;
  if (doc.y + 2 * h + gap > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  doc.font('jp');
  const categories = m.inquiries.byCategory.slice(0, 8).map((c) => ({ label: c.label, value: c.count }));
  drawHorizontalBars(doc, { x: MARGIN, y: top, w, h }, CHART_TITLES.category, categories);
  const volume =
    m.usage.trend.length === 0
      ? {
          title: CHART_TITLES.daily,
          items: m.usage.daily.map((d) => ({ label: String(Number(d.date.slice(8))), value: d.count })),
          every: 5,
        }
      : {
          title: CHART_TITLES.monthly,
          items: m.usage.trend.map((t) => ({ label: `${Number(t.month.slice(5))}月`, value: t.asked })),
          every: 1,
        };
  drawBarChart(doc, { x: MARGIN + w + gap, y: top, w, h }, volume.title, volume.items, volume.every);
  const sla = m.tickets.sla;
  drawDonut(
    doc,
    { x: MARGIN, y: top + h + gap, w, h },
    CHART_TITLES.sla,
    [
      { label: TEXT.slaMet, value: sla.met, color: '#4a9d5b' },
      { label: TEXT.slaBreached.replace('（未対応）', ''), value: sla.breached, color: '#d9534f' },
      { label: TEXT.slaPending, value: sla.pending, color: '#bbbbbb' },
    ],
    formatRate(sla.complianceRate),
  );
  const hourly = m.usage.byHour.map((n, hour) => ({ label: String(hour), value: n }));
  drawBarChart(doc, { x: MARGIN + w + gap, y: top + h + gap, w, h }, CHART_TITLES.hourly, hourly, 3);
  doc.x = MARGIN;
  doc.y = top + 2 * h + gap + 10;
  trendChart(doc, m);
}

/** The 12-month volume, full width below the four charts (models made before it existed have none). */
function trendChart(doc: PDFKit.PDFDocument, m: ReportModel): void {
  if (!m.trend12) return;
  const h = 150;
  if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  const items = m.trend12.map((t) => ({ label: `${Number(t.month.slice(5))}月`, value: t.asked }));
  drawBarChart(doc, { x: MARGIN, y: top, w: contentWidth(doc), h }, CHART_TITLES.trend12Pdf, items, 1);
  doc.x = MARGIN;
  doc.y = top + h + 10;
}

function pageNumbers(doc: PDFKit.PDFDocument, m: ReportModel): void {
  drawPageFooters(doc, (page, pages) => `${m.title}　${m.period.label}　${page} / ${pages}`, {
    margin: MARGIN,
    fromBottom: 24,
  });
}
