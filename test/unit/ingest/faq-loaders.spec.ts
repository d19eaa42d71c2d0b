import { strict as assert } from 'node:assert';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { KotaeError } from '../../../core/errors';
import { loadCsv } from '../../../ingest/loaders/csv';
import { loadJson } from '../../../ingest/loaders/json';
import { loadXlsx } from '../../../ingest/loaders/xlsx';
import { SKIP_REASONS } from '../../../ingest/skip-reasons';
import { sourceFile } from './fixtures';

const ENGLISH_CSV = [
  'id,category,question,alternate_questions,answer,source_url',
  'FAQ-0001,メール,パスワードを忘れました,パスワード再発行|PW忘れ,"ヘルプデスク（内線 2345）へ連絡してください。\n本人確認があります。",https://intra.example.lg.jp/pw',
  'FAQ-0002,ネットワーク,,言い換えだけ,回答だけある行',
  'FAQ-0003,ネットワーク,無線LANにつながらない,,',
  'FAQ-0001,メール,同じIDの行,,重複した回答',
  '',
  'FAQ-0004,,Wi-Fi password?,,Ask the helpdesk.,',
].join('\r\n');

async function skipReason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof KotaeError && err.code === 'INGEST_FILE_SKIPPED', String(err));
    return err.userMessage;
  }
  throw new Error('expected the file to be skipped');
}

describe('FAQ loaders', () => {
  it('reads a UTF-8 CSV with BOM, alternates split by |, and counts rows without question or answer', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ENGLISH_CSV, 'utf8')]);
    const { documents, skippedParts } = await loadCsv(sourceFile('faq.csv', bytes));
    assert.deepEqual(
      documents.map((d) => d.id),
      ['FAQ-0001', 'FAQ-0004'],
    );
    const first = documents[0];
    assert.equal(first.kind, 'faq');
    assert.equal(first.category, 'メール');
    assert.deepEqual(first.alternateQuestions, ['パスワード再発行', 'PW忘れ']);
    assert.equal(first.answer, 'ヘルプデスク（内線 2345）へ連絡してください。\n本人確認があります。');
    assert.equal(first.url, 'https://intra.example.lg.jp/pw');
    assert.equal(first.sourcePath, 'faq.csv');
    assert.equal(documents[1].question, 'Wi-Fi password?', 'non-Japanese rows are indexed too');
    assert.deepEqual(skippedParts, [
      { path: 'faq.csv:3', reason: SKIP_REASONS.rowMissingQa },
      { path: 'faq.csv:4', reason: SKIP_REASONS.rowMissingQa },
      { path: 'faq.csv:5', reason: SKIP_REASONS.rowDuplicateId('FAQ-0001') },
    ]);
  });

  it('reads Shift_JIS (CP932) and EUC-JP CSVs with Japanese headers', async () => {
    // ① and ㈱ exist only in CP932 (NEC/IBM extensions), not in plain Shift_JIS or EUC-JP.
    const cases = [
      { encoding: 'cp932', question: '①の機器が㈱製で起動しない' },
      { encoding: 'euc-jp', question: '髙橋さんの端末が起動しない' },
    ];
    for (const { encoding, question } of cases) {
      const csv = `ID,分類,質問,言い換え,回答,出典URL\nQ1,庁内PC,${question},動かない｜つかない,情報政策課へ連絡,\n`;
      const { documents } = await loadCsv(sourceFile('faq.csv', iconv.encode(csv, encoding)));
      assert.equal(documents.length, 1, encoding);
      assert.equal(documents[0].question, question);
      assert.equal(documents[0].category, '庁内PC');
      assert.deepEqual(documents[0].alternateQuestions, ['動かない', 'つかない']);
      assert.equal(documents[0].answer, '情報政策課へ連絡');
    }
  });

  it('generates ids from the row when the sheet has no id column', async () => {
    const { documents } = await loadCsv(
      sourceFile('sub/faq.csv', '質問,回答\nプリンタが詰まった,扉を開けて紙を取り除く\n'),
    );
    assert.equal(documents[0].id, 'sub/faq.csv:2');
  });

  it('drops the 「Q.」 / 「A：」 markers an author typed into the cells, not a cell that is only a marker', async () => {
    const { documents } = await loadCsv(
      sourceFile('m.csv', '質問,回答\nQ. パスワードの有効期限は？,A：90日です。\nＱ１．Q&Aの見方,回答：上から順に\n'),
    );
    assert.deepEqual(
      documents.map((d) => [d.question, d.answer]),
      [
        ['パスワードの有効期限は？', '90日です。'],
        ['Q&Aの見方', '上から順に'],
      ],
    );
  });

  it('reads knowledge bases exported as title / body, short_description / text, 件名 / 本文, 質問（Q） / 回答（A）', async () => {
    const read = async (csv: string) =>
      (await loadCsv(sourceFile('kb.csv', csv))).documents.map((d) => [d.id, d.question, d.answer]);
    assert.deepEqual(await read('title,body\nパスワードを忘れた,窓口へ連絡\n'), [
      ['kb.csv:2', 'パスワードを忘れた', '窓口へ連絡'],
    ]);
    assert.deepEqual(await read('id,short_description,text\nKB1,印刷できない,確認します\n'), [
      ['KB1', '印刷できない', '確認します'],
    ]);
    assert.deepEqual(await read('No,件名,本文,作成日\n7,Wi-Fi,設定します,2026/4/1\n'), [['7', 'Wi-Fi', '設定します']]);
    assert.deepEqual(await read('番号,質問（Q）,回答（A）\n1,メールが届かない,迷惑メールを確認\n'), [
      ['1', 'メールが届かない', '迷惑メールを確認'],
    ]);
  });

  it('reads an export’s HTML article bodies as text, and leaves its unpublished rows out', async () => {
    const csv =
      '記事ID,タイトル,本文,公開状態\n' +
      'KA-1,パスワードの変更,"<p>次の手順です。</p><ol><li>Ctrl&nbsp;+ Alt + Delete</li><li>「変更」を選ぶ</li></ol>",公開\n' +
      'KA-2,古い手順,<p>廃止した手順</p>,非公開\n' +
      'KA-3,書きかけ,<p>未完成</p>,下書き\n';
    const { documents, skippedParts } = await loadCsv(sourceFile('export.csv', csv));
    assert.deepEqual(
      documents.map((d) => [d.id, d.question, d.answer]),
      [['KA-1', 'パスワードの変更', '次の手順です。\n1. Ctrl + Alt + Delete\n2. 「変更」を選ぶ']],
    );
    assert.deepEqual(
      skippedParts.map((p) => [p.path, p.reason]),
      [
        ['export.csv:3', SKIP_REASONS.rowUnpublished],
        ['export.csv:4', SKIP_REASONS.rowUnpublished],
      ],
    );
    const json = JSON.stringify({
      articles: [
        { id: 'A', title: 'VPN', body: '<p>再起動<br>します</p>', status: 'published' },
        { id: 'B', title: '旧VPN', body: '<p>旧手順</p>', status: 'archived' },
      ],
    });
    const exported = await loadJson(sourceFile('export.json', json));
    assert.deepEqual(
      exported.documents.map((d) => [d.id, d.answer]),
      [['A', '再起動\nします']],
    );
  });

  it('skips binary data and text without a question/answer header', async () => {
    const binary = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256));
    assert.equal(await skipReason(loadCsv(sourceFile('x.csv', binary))), SKIP_REASONS.binary);
    const noNul = Buffer.from(Array.from({ length: 300 }, (_, i) => 0x80 + ((i * 7) % 0x7f)));
    assert.equal(await skipReason(loadCsv(sourceFile('y.csv', noNul))), SKIP_REASONS.unknownEncoding);
    assert.equal(await skipReason(loadCsv(sourceFile('z.csv', 'a,b\n1,2\n'))), SKIP_REASONS.noFaqHeader);
  });

  it('reads every worksheet of an XLSX that has a header, below a title row, with rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('FAQ');
    sheet.addRow(['ことのは市 ヘルプデスクFAQ']);
    sheet.addRow(['ID', 'カテゴリ', '質問', '別の聞き方', '回答', 'URL']);
    sheet.addRow([
      'X-1',
      'メール',
      '添付ファイルが開けない',
      '無害化|原本',
      { richText: [{ text: '原本取得を' }, { text: '申請します。' }] },
      '',
    ]);
    sheet.addRow(['X-2', 'メール', '', '', '質問がない行', '']);
    workbook.addWorksheet('メモ').addRow(['ただのメモ']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { documents, skippedParts } = await loadXlsx(sourceFile('faq.xlsx', bytes));
    assert.equal(documents.length, 1);
    assert.equal(documents[0].id, 'X-1');
    assert.equal(documents[0].answer, '原本取得を申請します。');
    assert.deepEqual(documents[0].alternateQuestions, ['無害化', '原本']);
    assert.deepEqual(skippedParts, [{ path: 'faq.xlsx[FAQ]:4', reason: SKIP_REASONS.rowMissingQa }]);
  });

  it('reads a department’s own list: 問い合わせ内容 / 回答・対処方法 under a title, merged categories and notes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('端末');
    sheet.addRow(['よくある問い合わせ一覧（端末）']);
    sheet.addRow(['更新日：2026/4/1']);
    sheet.addRow([]);
    sheet.addRow(['No.', '大分類', '問い合わせ内容', '回答・対処方法', '備考', '更新日']);
    sheet.addRow([
      'T-001',
      'アカウント',
      'パスワードを忘れた場合の対処方法',
      '情報システム課へ連絡してください。',
      '',
      '',
    ]);
    sheet.addRow(['T-002', '', 'アカウントがロックされた', '30分後に解除されます。', '', '']);
    sheet.addRow(['※ 解決しない場合はヘルプデスクへ']);
    sheet.mergeCells('B5:B6');
    sheet.mergeCells('A7:F7');
    const other = workbook.addWorksheet('その他');
    other.addRow(['No', '分類', '問合せ内容', '回答', '所管課', '回答者']);
    other.addRow(['G-001', '庶務', '名刺を作りたい', '総務課へ依頼してください。', '総務課', '山田']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { documents, skippedParts } = await loadXlsx(sourceFile('list.xlsx', bytes));
    assert.deepEqual(
      documents.map((d) => [d.id, d.category, d.question, d.answer]),
      [
        ['T-001', 'アカウント', 'パスワードを忘れた場合の対処方法', '情報システム課へ連絡してください。'],
        ['T-002', 'アカウント', 'アカウントがロックされた', '30分後に解除されます。'],
        ['G-001', '庶務', '名刺を作りたい', '総務課へ依頼してください。'],
      ],
    );
    assert.deepEqual(skippedParts, []);
  });

  it('reads FAQ JSON (an array, or an object holding one) and JSON Lines, keys read as a sheet’s header', async () => {
    const read = async (name: string, text: string) =>
      (await loadJson(sourceFile(name, text))).documents.map((d) => [d.id, d.question, d.answer, d.alternateQuestions]);
    assert.deepEqual(
      await read(
        'faq.json',
        '[{"id":"A1","question":"パスワードを忘れた","answer":"窓口へ","alternate_questions":["PW忘れ"]}]',
      ),
      [['A1', 'パスワードを忘れた', '窓口へ', ['PW忘れ']]],
    );
    assert.deepEqual(
      await read('faq.json', '{"version":1,"faqs":[{"no":1,"質問":"VPN","回答":"再起動","meta":{"x":1}}]}'),
      [['1', 'VPN', '再起動', []]],
    );
    assert.deepEqual(
      await read('kb.jsonl', '{"id":"x","title":"Wi-Fi","body":"設定"}\n\n{"id":"y","title":"メール","body":"確認"}\n'),
      [
        ['x', 'Wi-Fi', '設定', []],
        ['y', 'メール', '確認', []],
      ],
    );
    assert.equal(await skipReason(loadJson(sourceFile('bad.json', '{"id": '))), SKIP_REASONS.jsonInvalid);
    assert.equal(await skipReason(loadJson(sourceFile('n.json', '[1, 2, 3]'))), SKIP_REASONS.noFaqHeader);
  });

  it('skips a broken XLSX', async () => {
    assert.equal(
      await skipReason(loadXlsx(sourceFile('bad.xlsx', 'PK\u0003\u0004 not really a zip'))),
      SKIP_REASONS.xlsxCorrupt,
    );
  });
});
