/**
 * Which manuals operators may upload from the console, and the Japanese refusals naming the limit.
 * The formats are those the loaders read as documents (PDF, DOCX, XLSX, PPTX, CSV, HTML, Markdown, JSON).
 */
import { formatBytes } from './file-ingest';

/** Extensions accepted for upload (lower case, with the dot). */
export const UPLOAD_EXTENSIONS: readonly string[] = [
  '.pdf',
  '.docx',
  '.xlsx',
  '.pptx',
  '.csv',
  '.html',
  '.htm',
  '.md',
  '.markdown',
  '.json',
  '.jsonl',
];

/** Refusals of an upload. */
export const UPLOAD_MESSAGES = Object.freeze({
  tooLarge: (max: number) => `ファイルが大きすぎます。アップロードできるのは1ファイル${formatBytes(max)}までです。`,
  forbiddenType:
    'この形式のファイルはアップロードできません。アップロードできるのはPDF、Word（.docx）、Excel（.xlsx）、PowerPoint（.pptx）、CSV、HTML、Markdown（.md）、JSON（.json / .jsonl）のファイルです。',
  empty: (max: number) => `空のファイルはアップロードできません（1ファイル${formatBytes(max)}まで）。`,
  legacyOffice: (app: string, successor: string) =>
    `旧形式の${app}ファイル（Office 97-2003 形式）はアップロードできません。${app}で${successor}形式で保存し直してからアップロードしてください。`,
  noFile: 'アップロードするファイルを選んでください。',
  notFound: '指定された文書が見つかりません。',
});

/** Whether a file name has an uploadable extension. */
export function isUploadable(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && UPLOAD_EXTENSIONS.includes(fileName.slice(dot).toLowerCase());
}
