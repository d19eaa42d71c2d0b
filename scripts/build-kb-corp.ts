/**
 * Builds the kb-corp proxy knowledge base (test/fixtures/qa/kb-corp/helpdesk-knowledge.xlsx) from
 * test/fixtures/qa/kb-corp-entries.tsv: the workbook a helpdesk tool exports, a title row and an
 * export-date row above the header (管理番号 / 大分類 / 質問 / 回答 / 更新日), one row per article.
 * Run: npx tsx scripts/build-kb-corp.ts
 */
import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';

const SOURCE = 'test/fixtures/qa/kb-corp-entries.tsv';
const TARGET = 'test/fixtures/qa/kb-corp/helpdesk-knowledge.xlsx';

async function main(): Promise<void> {
  const rows = readFileSync(SOURCE, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));
  const workbook = new Workbook();
  // Fixed dates keep the file's metadata stable between builds.
  workbook.created = new Date('2026-11-30T00:00:00Z');
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('ナレッジ一覧');
  sheet.addRow(['若葉県 情報システムヘルプデスク ナレッジ一覧']);
  sheet.addRow(['出力日: 2026/11/30　公開範囲: 全職員']);
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => (column.width = [12, 20, 50, 90, 12][i] ?? 12));
  await workbook.xlsx.writeFile(TARGET);
}

void main();
