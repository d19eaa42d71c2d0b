import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { MemoryLogger } from '../../../core/logger';
import { FaqSheetReader, runIngest, SKIP_REASONS } from '../../../ingest';
import { loadXlsx } from '../../../ingest/loaders/xlsx';
import { FakeIndexBuilder, makeTempDir, sourceFile } from './fixtures';

/** A workbook as Excel saves it: one FAQ sheet, a hidden draft sheet and a very hidden list behind a drop-down. */
async function workbookWithHiddenSheets(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const faq = workbook.addWorksheet('FAQ');
  faq.addRow(['ID', '質問', '回答']);
  faq.addRow(['F-1', 'VPNにつながらない', '端末を再起動してください。']);
  const draft = workbook.addWorksheet('下書き', { state: 'hidden' });
  draft.addRow(['ID', '質問', '回答']);
  draft.addRow(['D-1', '新しい仮想デスクトップの使い方', '（作成中）']);
  const lists = workbook.addWorksheet('選択肢', { state: 'veryHidden' });
  lists.addRow(['質問', '回答']);
  lists.addRow(['公開', '非公開']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('FAQ workbooks (.xlsx): hidden sheets and hyperlinks', () => {
  it('leaves hidden and very hidden sheets out and names them in the skipped parts', async () => {
    const { documents, skippedParts } = await loadXlsx(sourceFile('faq.xlsx', await workbookWithHiddenSheets()));
    assert.deepEqual(
      documents.map((d) => [d.id, d.question, d.answer]),
      [['F-1', 'VPNにつながらない', '端末を再起動してください。']],
    );
    assert.deepEqual(skippedParts, [
      { path: 'faq.xlsx[下書き]', reason: SKIP_REASONS.sheetHidden },
      { path: 'faq.xlsx[選択肢]', reason: SKIP_REASONS.sheetHidden },
    ]);
    assert.equal(SKIP_REASONS.sheetHidden, '非表示のシート（取り込む場合はExcelでシートを再表示してください）');
  });

  it('reports the hidden sheets in the ingest summary and keeps them out of the index and the console list', async () => {
    const root = makeTempDir();
    try {
      const src = path.join(root, 'kb');
      fs.mkdirSync(path.join(src, '総務課'), { recursive: true });
      fs.writeFileSync(path.join(src, '総務課', 'FAQ.xlsx'), await workbookWithHiddenSheets());
      const builder = new FakeIndexBuilder();
      const summary = await runIngest({
        sourceDir: src,
        dataDir: path.join(root, 'data'),
        build: builder.build,
        logger: new MemoryLogger(),
      });
      assert.deepEqual(
        builder.last.map((c) => c.documentId),
        ['F-1'],
      );
      assert.deepEqual(summary.skipped, [
        { path: '総務課/FAQ.xlsx[下書き]', reason: SKIP_REASONS.sheetHidden },
        { path: '総務課/FAQ.xlsx[選択肢]', reason: SKIP_REASONS.sheetHidden },
      ]);
      const listed = await new FaqSheetReader(src).read();
      assert.deepEqual(
        listed.map((d) => d.id),
        ['F-1'],
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('skips a workbook whose only FAQ sheet is hidden, saying so', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表紙').addRow(['情報政策課 FAQ']);
    const hidden = workbook.addWorksheet('FAQ', { state: 'hidden' });
    hidden.addRow(['質問', '回答']);
    hidden.addRow(['プリンターが使えない', '電源を入れ直してください。']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await assert.rejects(loadXlsx(sourceFile('faq.xlsx', bytes)), {
      code: 'INGEST_FILE_SKIPPED',
      userMessage: SKIP_REASONS.noVisibleFaqSheet,
    });
  });

  it('keeps a cell hyperlink in the answer text and takes a linked source cell’s address', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('FAQ');
    sheet.addRow(['ID', '質問', '回答', '出典URL']);
    const form = 'https://intra.example.lg.jp/forms/vpn';
    sheet.addRow([
      'F-1',
      'VPNの申請書はどこ',
      { text: '申請書はこちら', hyperlink: form },
      { text: 'こちら', hyperlink: form },
    ]);
    sheet.addRow(['F-2', '申請書のURLは', { text: form, hyperlink: form }, '']);
    sheet.addRow(['F-3', '問い合わせ先は', { text: 'ヘルプデスク', hyperlink: 'mailto:help@example.lg.jp' }, '']);
    sheet.addRow([
      'F-4',
      '様式はどこ',
      { formula: 'HYPERLINK("https://intra.example.lg.jp/forms/""a""","様式一覧")', result: '様式一覧' },
      '',
    ]);
    sheet.addRow(['F-5', '一覧はどこ', { text: '一覧シートを参照', hyperlink: '#一覧!A1' }, '']);
    sheet.addRow([
      'F-6',
      'ポータルは',
      { text: 'https://intra.example.lg.jp', hyperlink: 'https://intra.example.lg.jp/' },
      '',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { documents } = await loadXlsx(sourceFile('faq.xlsx', bytes));
    assert.deepEqual(
      documents.map((d) => [d.id, d.answer, d.url]),
      [
        ['F-1', `申請書はこちら（${form}）`, form],
        ['F-2', form, undefined],
        ['F-3', 'ヘルプデスク（help@example.lg.jp）', undefined],
        ['F-4', '様式一覧（https://intra.example.lg.jp/forms/"a"）', undefined],
        ['F-5', '一覧シートを参照', undefined],
        ['F-6', 'https://intra.example.lg.jp', undefined],
      ],
    );
  });
});
