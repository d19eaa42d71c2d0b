/** FAQ sheets saved as Excel workbooks: every worksheet with a question/answer header is read. */
import type ExcelJS from 'exceljs';
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { tablesToFaqDocuments, type SheetTable } from './faq-sheet';
import type { LoadResult, SourceFile } from './types';

/** Loads an FAQ workbook (.xlsx). */
export async function loadXlsx(file: SourceFile): Promise<LoadResult> {
  // exceljs (about 150 modules) loads with the first spreadsheet, not with the server.
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  try {
    // exceljs declares its own Buffer type; an ArrayBuffer copy satisfies it.
    await workbook.xlsx.load(toArrayBuffer(file.bytes));
  } catch (err) {
    throw skipFile(SKIP_REASONS.xlsxCorrupt, `cannot open workbook ${file.relPath}`, err);
  }
  const multiple = workbook.worksheets.length > 1;
  const tables: SheetTable[] = workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    const label = multiple ? `${file.relPath}[${sheet.name}]` : file.relPath;
    return { rows: Array.from(rows, (r) => r ?? []), label };
  });
  const result = tablesToFaqDocuments(tables, file);
  if (!result) throw skipFile(SKIP_REASONS.noFaqHeader, `no FAQ header in ${file.relPath}`);
  return result;
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

/** Text of a cell whatever exceljs made of it: rich text, hyperlink, formula result, date. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}
