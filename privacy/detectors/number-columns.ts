/**
 * A table pasted with spaces between its cells (session 33): the header line opens with a number's label (被保険者番号
 * 氏名 生年月日), and each line under it opens with that number (0004418271 大森 ハナ 大正15年4月3日). A name written with a
 * space makes the rows' cells differ in number from the header's, so only the first column is read by its label; the
 * other cells are the name and date rules'.
 */
import type { PiiSpan, PiiType } from '../types';

/** A number's label opening a header line, and the type of the numbers in its column. */
const FIRST_LABELS: ReadonlyArray<readonly [RegExp, PiiType]> = [
  [/^(?:被保[険検]者番号|保[険検]者番号|保[険検]証番号)$/, 'insurance_number'],
  [/^(?:基礎年金番号|年金番号)$/, 'pension_number'],
  [/^(?:住民[票表]コード)$/, 'resident_code'],
  [/^(?:個人番号|マイナンバー)$/, 'my_number'],
  [/^(?:口座番号)$/, 'bank_account'],
];
/** A header line: two labels or more between spaces or tabs, no digits. */
const HEADER = /^[ \t\u3000]*([^\s\d]{2,12})(?:[ \t\u3000]+[^\s\d]{2,12}){1,8}[ \t\u3000]*$/;
/** A row's first cell: the number (maybe grouped by hyphens), then a space. */
const FIRST_CELL = /^[ \t\u3000]*(\d[\d-]{5,18}\d)(?=[ \t\u3000])/d;

/** Finds the numbers of the first column under a header line that names them. */
export function detectNumberColumns(normalized: string): PiiSpan[] {
  if (!/番号|コード|マイナンバー/.test(normalized)) return [];
  const spans: PiiSpan[] = [];
  const lines = normalized.split('\n');
  let offset = 0;
  let type: PiiType | undefined;
  for (const line of lines) {
    const header = HEADER.exec(line);
    const cell = FIRST_CELL.exec(line);
    if (header) type = FIRST_LABELS.find(([re]) => re.test(header[1]!))?.[1];
    else if (type && cell?.indices?.[1])
      spans.push({ type, start: offset + cell.indices[1][0], end: offset + cell.indices[1][1] });
    else type = undefined;
    offset += line.length + 1;
  }
  return spans;
}
