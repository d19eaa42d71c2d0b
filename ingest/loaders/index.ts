/** Picks the loader for a file by its extension. */
import { loadCsv } from './csv';
import { loadDocx } from './docx';
import { loadHtml } from './html';
import { loadJson } from './json';
import { loadMarkdown } from './markdown';
import { loadPdf } from './pdf';
import { loadPptx } from './pptx';
import type { Loader } from './types';
import { loadXlsx } from './xlsx';

export type { LoadResult, Loader, SkippedPart, SourceFile, SourceMeta } from './types';

const LOADERS: Readonly<Record<string, Loader>> = Object.freeze({
  '.csv': loadCsv,
  '.tsv': loadCsv,
  '.xlsx': loadXlsx,
  '.md': loadMarkdown,
  '.markdown': loadMarkdown,
  '.txt': loadMarkdown,
  '.html': loadHtml,
  '.htm': loadHtml,
  '.docx': loadDocx,
  '.pdf': loadPdf,
  '.pptx': loadPptx,
  '.json': loadJson,
  '.jsonl': loadJson,
});

/** The loader for a path (by lower-cased extension), or undefined when the format is not supported. */
export function loaderFor(relPath: string): Loader | undefined {
  const match = /\.[^./]+$/.exec(relPath.toLowerCase());
  return match ? LOADERS[match[0]] : undefined;
}

/** Office 97–2003 formats and what to save them as (the loaders read the successor). */
const LEGACY_OFFICE: Readonly<Record<string, { app: string; successor: string }>> = Object.freeze({
  '.xls': { app: 'Excel', successor: '.xlsx' },
  '.doc': { app: 'Word', successor: '.docx' },
  '.ppt': { app: 'PowerPoint', successor: '.pptx' },
});

/** For a legacy Office file (.xls, .doc, .ppt): its application and the format to save it as. */
export function legacyOfficeFormat(relPath: string): { app: string; successor: string } | undefined {
  const match = /\.[^./]+$/.exec(relPath.toLowerCase());
  return match ? LEGACY_OFFICE[match[0]] : undefined;
}

/** Extensions the ingester reads. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(LOADERS);
