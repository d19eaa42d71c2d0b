/** A comma typed into a CSV cell without quotes: the row is reported, and an answer in the last column kept whole. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runIngestCommand } from '../../../adapters/cli/ingest';
import { MemoryLogger } from '../../../core/logger';
import { loadCsv } from '../../../ingest/loaders/csv';
import { loadXlsx } from '../../../ingest/loaders/xlsx';
import { INGEST_WARNINGS } from '../../../ingest/skip-reasons';
import { FakeIndexBuilder, makeTempDir, sourceFile } from './fixtures';
import ExcelJS from 'exceljs';

/** cases/kb16/手書きCSV.csv, as a department typed it. */
const HAND_TYPED =
  '\uFEFFid,question,answer\n' +
  'C-1,"コピー用紙の発注方法\n（A4・A3）",総務課の物品請求システムから発注してください。\n' +
  'C-2,公用車の予約方法,施設予約で「公用車」を選んでください。料金は1km当たり30円、1日上限1,000円です。\n' +
  'C-3,名刺の作成,"名刺は総務課で作成します。""名刺作成依頼書""を提出してください。"\n';

describe('CSV rows with more cells than the header', () => {
  it('keeps the extra cells in the answer when it is the last column, and warns with file and row', async () => {
    const { documents, skippedParts, warnings } = await loadCsv(sourceFile('手書きCSV.csv', HAND_TYPED));
    assert.deepEqual(
      documents.map((d) => `${d.id} ${d.answer}`),
      [
        'C-1 総務課の物品請求システムから発注してください。',
        'C-2 施設予約で「公用車」を選んでください。料金は1km当たり30円、1日上限1,000円です。',
        'C-3 名刺は総務課で作成します。"名刺作成依頼書"を提出してください。',
      ],
    );
    assert.deepEqual(skippedParts, []);
    assert.deepEqual(warnings, [{ path: '手書きCSV.csv:3', reason: INGEST_WARNINGS.extraCells(3, 4, true) }]);
    assert.equal(
      warnings?.[0].reason,
      '見出し（3列）より列が多い行です（4列）。引用符（"）で囲まれていないカンマがないか確認してください（はみ出した部分は最後の列の「回答」に含めました）',
    );
  });

  it('joins several extra cells, ignores the empty cells a spreadsheet pads rows with, and keeps a tab in a TSV', async () => {
    const csv = 'No.,質問,回答,,\n1,料金,1,000円から2,000円です。,,\n2,時間,9時から17時です。,,\n';
    const { documents, warnings } = await loadCsv(sourceFile('padded.csv', csv));
    assert.deepEqual(
      documents.map((d) => d.answer),
      ['1,000円から2,000円です。', '9時から17時です。'],
    );
    assert.deepEqual(warnings, [{ path: 'padded.csv:2', reason: INGEST_WARNINGS.extraCells(3, 5, true) }]);
    const tsv = await loadCsv(sourceFile('faq.tsv', 'id\tquestion\tanswer\nT-1\t質問\t前半\t後半\n'));
    assert.equal(tsv.documents[0].answer, '前半\t後半');
  });

  it('warns without moving text when the answer is not the last column', async () => {
    const csv = 'id,question,answer,category\nA-1,料金,1,000円です。,総務\n';
    const { documents, warnings } = await loadCsv(sourceFile('cat.csv', csv));
    assert.equal(documents[0].answer, '1');
    assert.deepEqual(warnings, [{ path: 'cat.csv:2', reason: INGEST_WARNINGS.extraCells(4, 5, false) }]);
  });

  it('a well-formed sheet has no warnings (CSV and XLSX)', async () => {
    const csv = await loadCsv(sourceFile('ok.csv', 'id,question,answer\nA-1,料金,"1,000円です。"\n'));
    assert.deepEqual([csv.documents[0].answer, csv.warnings], ['1,000円です。', undefined]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('FAQ');
    sheet.addRow(['id', 'question', 'answer']);
    sheet.addRow(['X-1', '料金', '1,000円です。', 'メモ欄']);
    const xlsx = await loadXlsx(sourceFile('ok.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    assert.deepEqual([xlsx.documents[0].answer, xlsx.warnings], ['1,000円です。', undefined]);
  });

  it('kotae ingest prints the warning in its summary', async () => {
    const root = makeTempDir();
    try {
      fs.mkdirSync(path.join(root, 'kb'));
      fs.writeFileSync(path.join(root, 'kb', '手書きCSV.csv'), HAND_TYPED);
      const lines: string[] = [];
      const code = await runIngestCommand([path.join(root, 'kb')], {
        dataDir: path.join(root, 'data'),
        build: new FakeIndexBuilder().build,
        logger: new MemoryLogger(),
        out: (s) => lines.push(s),
        isTTY: false,
      });
      assert.equal(code, 0);
      const at = lines.indexOf('取り込みましたが確認が必要なファイル・行（1件）:');
      assert.ok(at > 0, lines.join('\n'));
      assert.deepEqual(lines.slice(at + 1), [`  - 手書きCSV.csv:3: ${INGEST_WARNINGS.extraCells(3, 4, true)}`]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
