/** Building blocks shared by the manual loaders (Markdown, HTML, DOCX, PDF). */
import * as path from 'node:path';
import type { KnowledgeDocument } from '../../knowledge';
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import type { SourceFile } from './types';

/** One section of a manual: its heading path, text and, for PDFs, page. */
export type Section = NonNullable<KnowledgeDocument['sections']>[number];

/** Normalises extracted text: LF line ends, no control characters, at most one blank line in a row. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** File name without its extension, the title of last resort. */
export function fileStem(relPath: string): string {
  return path.posix.basename(relPath).replace(/\.[^.]+$/, '');
}

/**
 * Wraps sections into a manual document; `title` falls back to the file name and `url` to the
 * relative path. Throws a skip error when no section has any text.
 */
export function manualDocument(
  file: SourceFile,
  sections: Section[],
  found: { title?: string; url?: string },
): KnowledgeDocument {
  const kept = sections.map((s) => ({ ...s, text: normalizeText(s.text) })).filter((s) => s.text.length > 0);
  if (kept.length === 0) throw skipFile(SKIP_REASONS.noText, `no text in ${file.relPath}`);
  return {
    id: file.relPath,
    kind: 'manual',
    title: file.meta?.title || found.title || fileStem(file.relPath),
    url: file.meta?.url || found.url || file.relPath,
    sections: kept,
    sourcePath: file.relPath,
    contentHash: file.contentHash,
  };
}
