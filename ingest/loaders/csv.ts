/** FAQ sheets saved as CSV (UTF-8, UTF-8 with BOM, Shift_JIS/CP932 or EUC-JP). */
import { parse } from 'csv-parse/sync';
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { decodeText } from '../text-decode';
import { tablesToFaqDocuments } from './faq-sheet';
import type { LoadResult, SourceFile } from './types';

/** Loads an FAQ CSV; the delimiter is a comma, or a tab when the file is TSV-like. */
export async function loadCsv(file: SourceFile): Promise<LoadResult> {
  const { text } = decodeText(file.bytes, file.relPath);
  const firstLine = text.split('\n', 1)[0];
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (err) {
    throw skipFile(SKIP_REASONS.readFailed, `CSV parse error in ${file.relPath}`, err);
  }
  const result = tablesToFaqDocuments([{ rows, label: file.relPath, delimiter }], file);
  if (!result) throw skipFile(SKIP_REASONS.noFaqHeader, `no FAQ header in ${file.relPath}`);
  return result;
}
