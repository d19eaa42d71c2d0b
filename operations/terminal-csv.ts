/**
 * The terminal CSV (取り込み・書き出し): its columns, decoding UTF-8 or Shift_JIS (CP932) with
 * iconv-lite chunk by chunk, and parsing with csv-parse's streaming parser, so a large file never
 * sits in memory as a whole. Undecodable bytes become U+FFFD, which the import reports per row.
 */
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import * as iconv from 'iconv-lite';
import { KotaeError } from '../core';
import { OPS_MESSAGES as M } from './messages';

/** Encodings of the terminal CSV. */
export type CsvEncoding = 'utf8' | 'sjis';
/** What the operator chose on the import form. */
export type CsvEncodingChoice = CsvEncoding | 'auto';
export const CSV_ENCODING_CHOICES: readonly CsvEncodingChoice[] = ['auto', 'utf8', 'sjis'];
export const CSV_ENCODING_LABELS: Readonly<Record<CsvEncodingChoice, string>> = {
  auto: '自動判定',
  utf8: 'UTF-8',
  sjis: 'Shift_JIS',
};

/** Column keys of the terminal CSV. */
export type CsvColumnKey =
  | 'computerName'
  | 'ipAddress'
  | 'macAddress'
  | 'model'
  | 'os'
  | 'osVersion'
  | 'site'
  | 'department'
  | 'userName'
  | 'status';

/** The columns, in export order, with their Japanese headings. */
export const TERMINAL_CSV_COLUMNS: readonly { key: CsvColumnKey; label: string; required?: boolean }[] = [
  { key: 'computerName', label: 'コンピュータ名', required: true },
  { key: 'ipAddress', label: 'IPアドレス', required: true },
  { key: 'macAddress', label: 'MACアドレス' },
  { key: 'model', label: '機種' },
  { key: 'os', label: 'OS' },
  { key: 'osVersion', label: 'OSバージョン' },
  { key: 'site', label: '拠点', required: true },
  { key: 'department', label: '所属' },
  { key: 'userName', label: '利用者' },
  { key: 'status', label: '状態' },
];

/** One data record: its first line in the file and its cells by column. */
export interface CsvRecord {
  line: number;
  cells: Partial<Record<CsvColumnKey, string>>;
  /** Cells beyond the heading's columns, or fewer cells than headings. */
  columnCountDiffers: boolean;
  /** A cell held bytes the encoding cannot read (U+FFFD after decoding). */
  undecodable: boolean;
}

const iconvName = (e: CsvEncoding) => (e === 'sjis' ? 'cp932' : 'utf8');

/** Decodes chunks of bytes into text, keeping a character split between chunks whole. */
async function* decoded(source: AsyncIterable<Uint8Array>, encoding: CsvEncoding): AsyncIterable<string> {
  const decoder = iconv.getDecoder(iconvName(encoding), { stripBOM: true });
  for await (const chunk of source) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * Detects the encoding from the first bytes: a UTF-8 BOM or valid UTF-8 (a sequence cut at the end
 * of the sample is ignored) reads as UTF-8; so does text that is UTF-8 but for a few broken bytes
 * (at most one undecodable sequence per 20 good non-ASCII characters), so the import names the broken
 * rows instead of reading the whole file as Shift_JIS; anything else reads as Shift_JIS.
 */
export function detectEncoding(sample: Uint8Array): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  // `stream` holds back a sequence cut at the end of the sample instead of reporting it broken.
  const text = new TextDecoder('utf-8').decode(sample, { stream: true });
  let broken = 0;
  let good = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') broken++;
    else if (ch.charCodeAt(0) >= 0x80) good++;
  }
  if (broken === 0 || (good > 0 && broken * 20 <= good)) return 'utf8';
  return 'sjis';
}

/** Maps the heading row to column keys; throws INPUT_INVALID naming missing or unknown headings. */
export function headingKeys(heading: readonly string[]): (CsvColumnKey | undefined)[] {
  const byLabel = new Map(TERMINAL_CSV_COLUMNS.map((c) => [c.label, c.key]));
  const keys = heading.map((h) => byLabel.get(h.trim()));
  const unknown = heading.filter((h, i) => h.trim() && !keys[i]).map((h) => h.trim());
  if (unknown.length > 0)
    throw new KotaeError('INPUT_INVALID', 'unknown csv headings', { userMessage: M.importHeaderUnknown(unknown) });
  const missing = TERMINAL_CSV_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.label);
  if (missing.length > 0)
    throw new KotaeError('INPUT_INVALID', 'missing csv headings', { userMessage: M.importHeaderMissing(missing) });
  return keys;
}

/**
 * The data records of a terminal CSV, streamed. Throws INPUT_INVALID for a file without a heading
 * row, with bad headings, or that csv-parse cannot read (an unclosed quote: the line is named).
 */
export async function* terminalRecords(
  source: AsyncIterable<Uint8Array>,
  encoding: CsvEncoding,
): AsyncIterable<CsvRecord> {
  const parser = Readable.from(decoded(source, encoding)).pipe(
    parse({ relax_column_count: true, skip_empty_lines: true, info: true, bom: true }),
  );
  let keys: (CsvColumnKey | undefined)[] | undefined;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (!keys) {
        keys = headingKeys(record);
        continue;
      }
      if (record.every((c) => c.trim() === '')) continue;
      const cells: Partial<Record<CsvColumnKey, string>> = {};
      keys.forEach((k, i) => {
        if (k) cells[k] = record[i] ?? '';
      });
      yield {
        line: info.lines,
        cells,
        columnCountDiffers: record.length !== keys.length,
        undecodable: record.some((c) => c.includes('\uFFFD')),
      };
    }
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      throw new KotaeError('INPUT_INVALID', `csv parse error: ${err.message}`, {
        userMessage: M.importCsvBroken(line),
        cause: err,
      });
    }
    throw err;
  } finally {
    parser.destroy();
  }
  if (!keys) throw new KotaeError('INPUT_INVALID', 'empty csv', { userMessage: M.importEmpty });
}

/** One CSV line (RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet shows it as text). */
export function csvLine(cells: readonly string[]): string {
  return (
    cells
      .map((c) => {
        const safe = /^[=+\-@]/.test(c) ? `'${c}` : c;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}

/** Encodes CSV text (UTF-8 with a BOM for Excel, or Shift_JIS). */
export function encodeCsv(text: string, encoding: CsvEncoding, first: boolean): Buffer {
  if (encoding === 'sjis') return iconv.encode(text, 'cp932');
  return Buffer.from((first ? '\uFEFF' : '') + text, 'utf8');
}
