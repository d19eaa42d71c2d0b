/** Word manuals (.docx): mammoth turns them into HTML that keeps headings, then the HTML logic applies. */
import type mammoth from 'mammoth';
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { htmlSections } from './html-sections';
import { pageDocuments } from './faq-page';
import type { LoadResult, SourceFile } from './types';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Password-protected .docx files are OLE compound files, like legacy .doc. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Loads a DOCX manual. */
export async function loadDocx(file: SourceFile): Promise<LoadResult> {
  const head = file.bytes.subarray(0, 4);
  if (head.equals(OLE_MAGIC)) throw skipFile(SKIP_REASONS.docxProtected, `OLE container in ${file.relPath}`);
  if (!head.equals(ZIP_MAGIC)) throw skipFile(SKIP_REASONS.docxCorrupt, `not a zip: ${file.relPath}`);
  let html: string;
  try {
    // mammoth loads with the first Word file, not with the server.
    const { convertToHtml } = require('mammoth') as typeof mammoth;
    html = (await convertToHtml({ buffer: file.bytes })).value;
  } catch (err) {
    throw skipFile(SKIP_REASONS.docxCorrupt, `mammoth failed on ${file.relPath}`, err);
  }
  const { sections, title } = htmlSections(html);
  return { documents: pageDocuments(file, sections, { title }), skippedParts: [] };
}
