/**
 * The deletion certificate (消去証明書, issue 11) as PDF and xlsx: 情報項目, 媒体名, 数量, 方法, 実施者,
 * 年月日 and the count per table. Reuses the reports' Japanese PDF document and exceljs.
 */
import type ExcelJS from 'exceljs';
import { formatJstWithEra } from './incident';
import { defaultPdfFonts, openJapanesePdf, type PdfFonts } from './pdf-document';

/** What a certificate shows (structurally the stored certificate of jobs/). */
export interface CertificateDocument {
  id: string;
  createdAt: Date;
  performedBy: string;
  medium: string;
  method: string;
  items: { item: string; table: string; count: number }[];
  total: number;
  /** Statements after the counts (the console's residue: erased tickets, attachment folder, remaining copies). */
  sections?: { heading: string; lines: string[] }[];
}

/** Labels of the certificate. */
export const CERTIFICATE_TEXT = {
  title: 'データ消去証明書',
  lead: '保存期間を経過した次の情報を、下記の方法により消去したことを証明します。',
  issuer: (organization: string) => `発行: ${organization}`,
  number: '証明書番号',
  date: '年月日',
  performedBy: '実施者',
  medium: '媒体名',
  method: '方法',
  quantity: '数量（合計）',
  item: '情報項目',
  table: 'テーブル等',
  count: '件数',
  unit: (n: number) => `${n.toLocaleString('ja-JP')} 件`,
} as const;

function summaryRows(c: CertificateDocument): [string, string][] {
  const T = CERTIFICATE_TEXT;
  return [
    [T.number, c.id],
    [T.date, formatJstWithEra(c.createdAt)],
    [T.performedBy, c.performedBy],
    [T.medium, c.medium],
    [T.method, c.method],
    [T.quantity, T.unit(c.total)],
  ];
}

/** The certificate as an A4 PDF (one page unless the sections are long). */
export async function renderCertificatePdf(
  c: CertificateDocument,
  organization: string,
  fonts: PdfFonts = defaultPdfFonts(),
): Promise<Buffer> {
  const T = CERTIFICATE_TEXT;
  const { doc, bytes } = openJapanesePdf({ margin: 50, title: T.title, author: organization }, fonts);
  doc.font('jp-bold').fontSize(18).text(T.title, { align: 'center' });
  doc.moveDown().font('jp').fontSize(10).text(T.issuer(organization), { align: 'right' });
  doc.moveDown().text(T.lead);
  doc.moveDown();
  for (const [label, value] of summaryRows(c)) {
    doc.font('jp-bold').text(`${label}: `, { continued: true }).font('jp').text(value);
  }
  doc.moveDown().font('jp-bold').text(`${T.item} / ${T.table} / ${T.count}`);
  for (const i of c.items) doc.font('jp').text(`・${i.item}　${i.table}　${T.unit(i.count)}`);
  for (const s of c.sections ?? []) {
    doc.moveDown().font('jp-bold').text(s.heading);
    for (const line of s.lines) doc.font('jp').text(line);
  }
  doc.end();
  return bytes;
}

/** The certificate as an xlsx workbook (one sheet). */
export async function renderCertificateXlsx(c: CertificateDocument, organization: string): Promise<Buffer> {
  const T = CERTIFICATE_TEXT;
  const wb = new (require('exceljs') as typeof ExcelJS).Workbook();
  wb.creator = organization;
  wb.created = c.createdAt;
  const ws = wb.addWorksheet(T.title);
  ws.columns = [{ width: 34 }, { width: 40 }, { width: 14 }];
  ws.addRow([T.title]).font = { bold: true, size: 14 };
  ws.addRow([T.issuer(organization)]);
  ws.addRow([T.lead]);
  ws.addRow([]);
  for (const [label, value] of summaryRows(c)) ws.addRow([label, value]).getCell(1).font = { bold: true };
  ws.addRow([]);
  ws.addRow([T.item, T.table, T.count]).font = { bold: true };
  for (const i of c.items) ws.addRow([i.item, i.table, i.count]);
  for (const s of c.sections ?? []) {
    ws.addRow([]);
    ws.addRow([s.heading]).font = { bold: true };
    for (const line of s.lines) ws.addRow([line]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
