/**
 * PDF manuals with pdfjs-dist: sections by page and by headings (see pdf-layout) so answers can
 * cite the page. Encrypted,
 * corrupt and image-only (scanned) PDFs are skipped with a reason the operator can act on.
 */
import * as path from 'node:path';
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { pageDocuments } from './faq-page';
import { documentTitle } from './manual';
import { pdfSections, type PdfTextItem } from './pdf-layout';
import type { LoadResult, SourceFile } from './types';

/** Japanese PDFs often use predefined CMaps (UniJIS-UCS2-H…) that pdfjs loads from its package. */
function pdfjsAssetDir(name: 'cmaps' | 'standard_fonts'): string {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), name) + path.sep;
}

/** Loads a PDF manual. */
export async function loadPdf(file: SourceFile): Promise<LoadResult> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(file.bytes),
    cMapUrl: pdfjsAssetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsAssetDir('standard_fonts'),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((err: unknown) => {
      const name = err instanceof Error ? err.name : '';
      const reason = name === 'PasswordException' ? SKIP_REASONS.pdfEncrypted : SKIP_REASONS.pdfCorrupt;
      throw skipFile(reason, `pdfjs cannot open ${file.relPath}: ${String(err)}`, err);
    });
    const pages: PdfTextItem[][] = [];
    for (let page = 1; page <= pdf.numPages; page += 1) {
      const content = await (await pdf.getPage(page)).getTextContent();
      pages.push(
        content.items.flatMap((item) =>
          'str' in item
            ? [{ str: item.str, height: item.height, hasEOL: item.hasEOL, y: Number(item.transform[5]) }]
            : [],
        ),
      );
    }
    if (pages.every((items) => items.every((i) => i.str.trim() === ''))) {
      throw skipFile(SKIP_REASONS.pdfNoText, `no text layer in ${file.relPath}`);
    }
    const { sections, titleHeading } = pdfSections(pages);
    const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    // Without a Title of its own, its title heading, else (manualDocument) the file name.
    const title = documentTitle(typeof info?.Title === 'string' ? info.Title : undefined) ?? titleHeading;
    return { documents: pageDocuments(file, sections, { title }), skippedParts: [] };
  } finally {
    await task.destroy();
  }
}
