/** HTML manuals (.html/.htm), e.g. pages saved from the intranet. */
import { decodeText } from '../text-decode';
import { htmlSections } from './html-sections';
import { pageDocuments } from './faq-page';
import type { LoadResult, SourceFile } from './types';

/** Loads an HTML manual; the page's own charset is detected from its bytes. */
export async function loadHtml(file: SourceFile): Promise<LoadResult> {
  const { text } = decodeText(file.bytes, file.relPath);
  const { sections, title, url } = htmlSections(text);
  return { documents: pageDocuments(file, sections, { title, url }), skippedParts: [] };
}
