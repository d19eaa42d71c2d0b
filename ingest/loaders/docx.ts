/** Word manuals (.docx): mammoth turns them into HTML that keeps headings, then the HTML logic applies. */
import type mammoth from 'mammoth';
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { htmlSections } from './html-sections';
import { pageDocuments } from './faq-page';
import { documentTitle } from './manual';
import type { LoadResult, SourceFile } from './types';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Password-protected .docx files are OLE compound files, like legacy .doc. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** Word's 表題 (Title) paragraph, which mammoth does not map by default: marked, then read as the title. */
const TITLE_CLASS = 'kotae-docx-title';
const TITLE_PARAGRAPH = new RegExp(`<p class="${TITLE_CLASS}">([\\s\\S]*?)</p>`, 'g');

/**
 * Loads a DOCX manual. Its title is its 表題 paragraph, else its heading when the document has one h1 that
 * comes first, else (manualDocument) the file name — never the first of several chapters or a section's
 * heading, which would head every other section's passages too.
 */
export async function loadDocx(file: SourceFile): Promise<LoadResult> {
  const head = file.bytes.subarray(0, 4);
  if (head.equals(OLE_MAGIC)) throw skipFile(SKIP_REASONS.docxProtected, `OLE container in ${file.relPath}`);
  if (!head.equals(ZIP_MAGIC)) throw skipFile(SKIP_REASONS.docxCorrupt, `not a zip: ${file.relPath}`);
  let html: string;
  try {
    // mammoth loads with the first Word file, not with the server.
    const { convertToHtml } = require('mammoth') as typeof mammoth;
    html = (
      await convertToHtml({ buffer: file.bytes }, { styleMap: [`p[style-name='Title'] => p.${TITLE_CLASS}:fresh`] })
    ).value;
  } catch (err) {
    throw skipFile(SKIP_REASONS.docxCorrupt, `mammoth failed on ${file.relPath}`, err);
  }
  const { sections, headTitle, soleH1 } = htmlSections(withTitleInHead(html));
  return {
    documents: pageDocuments(file, sections, { title: documentTitle(headTitle) ?? soleH1 }),
    skippedParts: [],
  };
}

/** The first 表題 paragraph as the HTML's <title> (its inline markup dropped), the others as body paragraphs. */
function withTitleInHead(html: string): string {
  let title: string | undefined;
  const body = html.replace(TITLE_PARAGRAPH, (_whole, inner: string) => {
    if (title !== undefined) return `<p>${inner}</p>`;
    title = inner.replace(/<[^>]*>/g, '');
    return '';
  });
  return title === undefined ? html : `<html><head><title>${title}</title></head><body>${body}</body></html>`;
}
