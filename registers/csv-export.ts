/** CSV export of a register: UTF-8 with BOM (Excel) or Shift_JIS (CP932, older tools), CRLF, RFC 4180 quoting. */
import iconv from 'iconv-lite';
import { formatJst } from '../calendar';
import { csvCell, type Cell } from '../reports';
import { REGISTER_LABELS } from './messages';
import type { RegisterEntry } from './types';

/** The encodings offered. */
export type CsvEncoding = 'utf8' | 'sjis';

const COLUMNS = [
  '台帳',
  '値',
  '状態',
  '所属',
  '依頼者',
  '拠点',
  '端末',
  '発行日時',
  '発行者',
  '発行の理由',
  '削除日時',
  '削除者',
  '削除の理由',
];

function row(e: RegisterEntry): Cell[] {
  return [
    REGISTER_LABELS[e.kind],
    e.value,
    e.status === 'issued' ? '発行中' : '削除済み',
    e.department,
    e.requester,
    e.site ?? '',
    e.terminalRef ?? '',
    formatJst(e.issuedAt),
    e.issuedBy,
    e.issueReason,
    e.withdrawnAt ? formatJst(e.withdrawnAt) : '',
    e.withdrawnBy ?? '',
    e.withdrawReason ?? '',
  ];
}

/** The entries as CSV bytes in the chosen encoding. */
export function registerCsv(entries: readonly RegisterEntry[], encoding: CsvEncoding): Buffer {
  const text = [COLUMNS, ...entries.map(row)].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return encoding === 'sjis' ? iconv.encode(text, 'cp932') : Buffer.from(`\uFEFF${text}`, 'utf8');
}
