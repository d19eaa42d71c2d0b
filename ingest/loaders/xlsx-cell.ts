/** What a workbook cell holds for the FAQ reader: its text as shown, and where a hyperlink on it leads. */
import type ExcelJS from 'exceljs';

/** Text of a cell whatever exceljs made of it: rich text, hyperlink, formula result, date. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/**
 * Where a cell's hyperlink leads: the link set on the cell (挿入 › リンク) or the first argument of a
 * `HYPERLINK("…", "…")` formula written as a literal. A link to a place in the workbook (`#Sheet2!A1`) is
 * no address a reader can open, so none.
 */
export function cellLink(value: ExcelJS.CellValue): string | undefined {
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  let target: string | undefined;
  if ('hyperlink' in value && typeof value.hyperlink === 'string') target = value.hyperlink;
  else if ('formula' in value && typeof value.formula === 'string') target = hyperlinkFormulaTarget(value.formula);
  target = target?.trim();
  return target && !target.startsWith('#') ? target : undefined;
}

/** 「HYPERLINK("https://…","申請書")」 → https://… (Excel doubles a quote inside a string literal). */
function hyperlinkFormulaTarget(formula: string): string | undefined {
  const match = /^\s*=?\s*HYPERLINK\s*\(\s*"((?:[^"]|"")*)"/i.exec(formula);
  return match?.[1].replace(/""/g, '"');
}

/**
 * A cell's text with the link it holds, as staff should read it in an answer: 「申請書はこちら（https://…）」, the
 * text alone when it already shows the target (a cell whose text is the URL or the mail address).
 */
export function textWithLink(text: string, link: string | undefined): string {
  if (!link) return text;
  const shown = link.replace(/^mailto:/i, '');
  if (!text.trim()) return shown;
  // Excel adds a slash to a bare host (https://intra.example.lg.jp → …lg.jp/).
  return text.includes(shown.replace(/\/$/, '')) ? text : `${text}（${shown}）`;
}
