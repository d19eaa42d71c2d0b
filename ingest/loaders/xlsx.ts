/**
 * FAQ sheets saved as Excel workbooks: every visible worksheet with a question/answer header is read. Hidden
 * and very hidden sheets (drafts, lookup lists for a drop-down) are left out and reported; a hyperlink on a
 * cell is kept with its text (xlsx-cell.ts).
 */
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { tablesToFaqDocuments, type SheetTable } from './faq-sheet';
import type { LoadResult, SkippedPart, SourceFile } from './types';
import { cellLink, cellText } from './xlsx-cell';

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
  // Labels (and the ids of rows without an id column) name the sheet whenever the workbook has several,
  // hidden ones counted, so hiding a sheet does not renumber the others' rows.
  const multiple = workbook.worksheets.length > 1;
  const label = (name: string): string => (multiple ? `${file.relPath}[${name}]` : file.relPath);
  const hidden: SkippedPart[] = [];
  const tables: SheetTable[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') {
      hidden.push({ path: label(sheet.name), reason: SKIP_REASONS.sheetHidden });
      continue;
    }
    const rows: string[][] = [];
    const links: (string | undefined)[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      const targets: (string | undefined)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
        targets[col - 1] = cellLink(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
      links[rowNumber - 1] = targets;
    });
    tables.push({ rows: Array.from(rows, (r) => r ?? []), links, label: label(sheet.name) });
  }
  const result = tablesToFaqDocuments(tables, file);
  if (!result) {
    // The FAQ may sit on a sheet someone hid: say so rather than 「no header」.
    const reason = hidden.length > 0 ? SKIP_REASONS.noVisibleFaqSheet : SKIP_REASONS.noFaqHeader;
    throw skipFile(reason, `no FAQ header on a visible sheet of ${file.relPath}`);
  }
  return { ...result, skippedParts: [...hidden, ...result.skippedParts] };
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
