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

/** An application's print-job name, as a PDF printer writes it: 「Microsoft Word - 旧版_手順書.docx」. */
const PRINT_JOB = /^Microsoft\s+(?:Office\s+)?(?:Word|Excel|PowerPoint|Publisher|Visio)\s+-\s/i;
/** A file's name or path (the file the document was made from, not this one). */
const FILE_NAME =
  /\.(?:docx?|docm|dotx?|xlsx?|xlsm|pptx?|pdf|txt|rtf|jtdc?|odt|ods|odp|html?|csv|md|png|jpe?g|tiff?)$/i;
const FILE_PATH = /^(?:[A-Za-z]:)?[\\/]|\\/;
/** What an application writes when nobody gave the document a title. */
const PLACEHOLDER =
  /^(?:untitled|無題|タイトルなし|title|タイトル|document|文書|ドキュメント|新規\s?microsoft\s?(?:word|office)\s?文書|microsoft\s?word\s?文書|powerpoint\s?プレゼンテーション|presentation|スライド|slide|book|sheet)(?:[\s\-_]*\d+)?$/i;

/**
 * A title the file itself carries (a PDF's Title, a Word file's 表題), or undefined when it names nothing of this
 * document: empty, an application's placeholder (無題, Untitled-1, 文書 1), a print job or another file's name or
 * path (「Microsoft Word - 旧版_手順書.docx」 — the file it was printed from). Passages would show that name.
 */
export function documentTitle(candidate: string | undefined): string | undefined {
  const title = candidate?.replace(/\s+/g, ' ').trim();
  if (!title) return undefined;
  const plain = title.normalize('NFKC');
  const generated = PRINT_JOB.test(plain) || FILE_NAME.test(plain) || FILE_PATH.test(plain) || PLACEHOLDER.test(plain);
  return generated ? undefined : title;
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
