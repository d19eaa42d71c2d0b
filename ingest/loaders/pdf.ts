/**
 * PDF manuals with pdfjs-dist: one section per page so answers can cite the page. Encrypted,
 * corrupt and image-only (scanned) PDFs are skipped with a reason the operator can act on.
 */
import * as path from 'node:path';
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { manualDocument, type Section } from './manual';
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
    const sections: Section[] = [];
    for (let page = 1; page <= pdf.numPages; page += 1) {
      const content = await (await pdf.getPage(page)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      sections.push({ headingPath: [], text, page });
    }
    if (sections.every((s) => s.text.trim() === '')) {
      throw skipFile(SKIP_REASONS.pdfNoText, `no text layer in ${file.relPath}`);
    }
    const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { documents: [manualDocument(file, sections, { title })], skippedParts: [] };
  } finally {
    await task.destroy();
  }
}
