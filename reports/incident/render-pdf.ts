/**
 * The incident report as a PDF (A4 portrait, Noto Sans JP embedded): title, 作成日・作成者, the
 * label/value table with wrapped text that continues on the next page, then 経過 and 作業記録.
 */
import { drawTable } from '../pdf-table';
import { drawPageFooters } from '../pdf-footer';
import { defaultPdfFonts, openJapanesePdf, type PdfFonts } from '../pdf-document';
import { INCIDENT_SECTIONS, INCIDENT_TEXT } from './labels';
import type { IncidentReportModel } from './model';
import { issuerRows, summaryRows, timelineTable, workLogTable, type LabelValue } from './sections';
import { splitToFit } from './pdf-split';

const MARGIN = 40;
const LABEL_W = 100;
const PAD = 4;
/** Below this much room a row starts on the next page rather than leaving a sliver. */
const MIN_ROOM = 40;

const contentWidth = (doc: PDFKit.PDFDocument): number => doc.page.width - 2 * MARGIN;
const bottom = (doc: PDFKit.PDFDocument): number => doc.page.height - doc.page.margins.bottom;

/** Renders the PDF. */
export async function renderIncidentPdf(m: IncidentReportModel, fonts: PdfFonts = defaultPdfFonts()): Promise<Buffer> {
  const { doc, bytes } = openJapanesePdf(
    { margin: MARGIN, title: `${m.title} ${m.number}`, author: m.organization },
    fonts,
  );
  titleBlock(doc, m, issuerRows(m));
  doc.font('jp-bold').fontSize(11).fillColor('#000000').text(INCIDENT_SECTIONS.summary, MARGIN, doc.y);
  doc.y += 4;
  for (const r of summaryRows(m)) labelValueRow(doc, r);
  doc.y += 6;
  drawTable(doc, timelineTable(m), 'jp-bold', 'jp');
  drawTable(doc, workLogTable(m), 'jp-bold', 'jp');
  pageFooters(doc, m);
  doc.end();
  return bytes;
}

function titleBlock(doc: PDFKit.PDFDocument, m: IncidentReportModel, issuer: LabelValue[]): void {
  doc
    .font('jp-bold')
    .fontSize(18)
    .fillColor('#000000')
    .text(m.title, MARGIN, MARGIN, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.4).font('jp').fontSize(9);
  for (const r of issuer)
    doc.text(`${r.label}: ${r.value}`, MARGIN, doc.y, { width: contentWidth(doc), align: 'right' });
  doc
    .lineWidth(1)
    .moveTo(MARGIN, doc.y + 4)
    .lineTo(MARGIN + contentWidth(doc), doc.y + 4)
    .strokeColor('#3b6fb6')
    .stroke();
  doc.x = MARGIN;
  doc.y += 12;
}

/** One bordered label/value row; a value too long for the page continues under 「（続き）」. */
function labelValueRow(doc: PDFKit.PDFDocument, r: LabelValue): void {
  const valueW = contentWidth(doc) - LABEL_W;
  let value = r.value.trim() || ' ';
  let label: string = r.label;
  while (value) {
    doc.font('jp').fontSize(9);
    const room = bottom(doc) - doc.y - 2 * PAD;
    if (room < MIN_ROOM) {
      doc.addPage();
      continue;
    }
    const [head, rest] = splitToFit(doc, value, valueW - 2 * PAD, room);
    const h =
      Math.max(
        doc.heightOfString(head, { width: valueW - 2 * PAD }),
        doc.font('jp-bold').heightOfString(label, { width: LABEL_W - 2 * PAD }),
      ) +
      2 * PAD;
    const y = doc.y;
    doc.rect(MARGIN, y, LABEL_W, h).fillColor('#dde7f3').fill();
    doc
      .lineWidth(0.4)
      .strokeColor('#888888')
      .rect(MARGIN, y, LABEL_W, h)
      .stroke()
      .rect(MARGIN + LABEL_W, y, valueW, h)
      .stroke();
    doc
      .fillColor('#000000')
      .font('jp-bold')
      .text(label, MARGIN + PAD, y + PAD, { width: LABEL_W - 2 * PAD });
    doc.font('jp').text(head, MARGIN + LABEL_W + PAD, y + PAD, { width: valueW - 2 * PAD });
    doc.x = MARGIN;
    doc.y = y + h;
    value = rest;
    label = `${r.label}${INCIDENT_TEXT.continued}`;
  }
}

function pageFooters(doc: PDFKit.PDFDocument, m: IncidentReportModel): void {
  drawPageFooters(doc, (page, pages) => `${m.title}　${m.number}　${INCIDENT_TEXT.page(page, pages)}`, {
    margin: MARGIN,
    fromBottom: 26,
  });
}
