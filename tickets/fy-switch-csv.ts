/**
 * The personnel-transfer CSV of the fiscal-year switch (年度切替, issue 16 point 6): decoded from UTF-8
 * or Shift_JIS, checked row by row. Every problem is reported with its line number in Japanese; the
 * import uses the rows only when there is none (all or nothing).
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** 新規 → add, 異動 → change, 退職 → delete. */
export type AccountAction = 'add' | 'change' | 'delete';
/** The three actions in display order. */
export const ACCOUNT_ACTIONS: readonly AccountAction[] = ['add', 'change', 'delete'];
/** 異動区分 values and their action. */
export const TRANSFER_KINDS: Readonly<Record<string, AccountAction>> = { 新規: 'add', 異動: 'change', 退職: 'delete' };

/** One valid row of the file. */
export interface TransferRow {
  /** Line in the file (the header is line 1). */
  line: number;
  staffNo: string;
  name: string;
  action: AccountAction;
  oldDepartment?: string;
  newDepartment?: string;
  systems: string[];
}

/** The problems of one line. */
export interface TransferRowError {
  line: number;
  messages: string[];
}

/** The columns the file must have (in any order). */
export const TRANSFER_COLUMNS = ['職員番号', '氏名', '異動区分', '旧所属', '新所属', '対象システム'] as const;
type Column = (typeof TRANSFER_COLUMNS)[number];

/** Largest file accepted (bytes) and most data rows. */
export const MAX_TRANSFER_BYTES = 2 * 1024 * 1024;
export const MAX_TRANSFER_ROWS = 5000;

const M = {
  encoding: '文字コードを判別できません。UTF-8 または Shift_JIS で保存したCSVを指定してください。',
  csv: (detail: string) => `CSVとして読み取れません（${detail}）。`,
  empty: 'データ行がありません。',
  tooMany: `行数が多すぎます（${MAX_TRANSFER_ROWS}行まで）。`,
  missingColumns: (cols: string[]) => `見出し行に必要な列がありません: ${cols.join('、')}`,
  required: (col: string) => `${col}が空です。`,
  staffNo: '職員番号は英数字とハイフン（20文字以内）で入力してください。',
  tooLong: (col: string, n: number) => `${col}は${n}文字以内で入力してください。`,
  kind: (v: string) => `異動区分「${v}」は使えません（新規・異動・退職のいずれか）。`,
  sameDepartment: '異動の旧所属と新所属が同じです。',
  duplicate: (no: string, line: number) => `職員番号 ${no} が${line}行目と重複しています。`,
};

/** Decodes the bytes (UTF-8 with or without BOM, else Shift_JIS/CP932); undefined when neither fits. */
export function decodeTransferCsv(bytes: Buffer): string | undefined {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const text = iconv.decode(body, 'cp932');
    // iconv-lite turns bytes that are not CP932 into U+FFFD: a broken or unknown encoding.
    return text.includes('\ufffd') ? undefined : text;
  }
}

/** Reads and checks the file: valid rows, or the errors of every bad line (line 1: the file itself). */
export function parseTransferCsv(bytes: Buffer): { rows: TransferRow[]; errors: TransferRowError[] } {
  const text = decodeTransferCsv(bytes);
  if (text === undefined) return fileError(M.encoding);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    return fileError(M.csv(err instanceof Error ? err.message.split('\n')[0]!.slice(0, 120) : 'parse error'));
  }
  const [header, ...data] = records;
  if (!header) return fileError(M.empty);
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = TRANSFER_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) return fileError(M.missingColumns(missing));
  if (data.length === 0) return fileError(M.empty);
  if (data.length > MAX_TRANSFER_ROWS) return fileError(M.tooMany);
  const rows: TransferRow[] = [];
  const errors: TransferRowError[] = [];
  const seen = new Map<string, number>();
  data.forEach((record, i) => {
    const line = i + 2;
    const get = (c: Column) => (record[index.get(c)!] ?? '').trim();
    const messages: string[] = [];
    const row = checkRow(line, get, messages);
    if (row) {
      const first = seen.get(row.staffNo);
      if (first !== undefined) messages.push(M.duplicate(row.staffNo, first));
      else seen.set(row.staffNo, line);
    }
    if (messages.length > 0 || !row) errors.push({ line, messages });
    else rows.push(row);
  });
  return { rows: errors.length ? [] : rows, errors };
}

function checkRow(line: number, get: (c: Column) => string, messages: string[]): TransferRow | undefined {
  const staffNo = get('職員番号');
  const name = get('氏名');
  const kind = get('異動区分');
  const oldDepartment = get('旧所属');
  const newDepartment = get('新所属');
  const systems = get('対象システム')
    .split(/[、,;；/／|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!staffNo) messages.push(M.required('職員番号'));
  else if (!/^[A-Za-z0-9-]{1,20}$/.test(staffNo)) messages.push(M.staffNo);
  if (!name) messages.push(M.required('氏名'));
  else if (name.length > 100) messages.push(M.tooLong('氏名', 100));
  const action = TRANSFER_KINDS[kind];
  if (!kind) messages.push(M.required('異動区分'));
  else if (!action) messages.push(M.kind(kind));
  if (action === 'add' || action === 'change') {
    if (!newDepartment) messages.push(M.required('新所属'));
  }
  if (action === 'change' || action === 'delete') {
    if (!oldDepartment) messages.push(M.required('旧所属'));
  }
  if (action === 'change' && oldDepartment && oldDepartment === newDepartment) messages.push(M.sameDepartment);
  for (const [col, v] of [
    ['旧所属', oldDepartment],
    ['新所属', newDepartment],
  ] as const)
    if (v.length > 100) messages.push(M.tooLong(col, 100));
  if (systems.length === 0) messages.push(M.required('対象システム'));
  if (systems.some((s) => s.length > 100)) messages.push(M.tooLong('対象システム', 100));
  if (messages.length > 0 || !action) return undefined;
  return {
    line,
    staffNo,
    name,
    action,
    ...(oldDepartment ? { oldDepartment } : {}),
    ...(newDepartment ? { newDepartment } : {}),
    systems: [...new Set(systems)],
  };
}

function fileError(message: string): { rows: TransferRow[]; errors: TransferRowError[] } {
  return { rows: [], errors: [{ line: 1, messages: [message] }] };
}
