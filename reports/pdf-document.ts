/**
 * An A4 PDFKit document with Noto Sans JP registered as `jp` / `jp-bold`, collected into a Buffer:
 * the shared start of every PDF Kotae renders.
 */
import type PDFDocument from 'pdfkit';

/** Paths of the TrueType fonts to embed (regular and bold). */
export interface PdfFonts {
  regular: string;
  bold: string;
}

/** The Noto Sans JP fonts shipped with @expo-google-fonts/noto-sans-jp. */
export function defaultPdfFonts(): PdfFonts {
  const base = '@expo-google-fonts/noto-sans-jp';
  return {
    regular: require.resolve(`${base}/400Regular/NotoSansJP_400Regular.ttf`),
    bold: require.resolve(`${base}/700Bold/NotoSansJP_700Bold.ttf`),
  };
}

/** A new document and the bytes it will have once `doc.end()` is called. */
export function openJapanesePdf(
  options: { margin: number; title: string; author: string },
  fonts: PdfFonts,
): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  // pdfkit and its font engine load with the first PDF, not with the server.
  const doc = new (require('pdfkit') as typeof PDFDocument)({
    size: 'A4',
    margin: options.margin,
    bufferPages: true,
    info: { Title: options.title, Author: options.author },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('jp', fonts.regular);
  doc.registerFont('jp-bold', fonts.bold);
  return { doc, bytes };
}
