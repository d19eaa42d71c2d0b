import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryLogger } from '../../../core/logger';
import { runIngest } from '../../../ingest';
import { documentTitle } from '../../../ingest/loaders/manual';
import { docxBytes, FakeIndexBuilder, JP_FONT, makeTempDir, pdfBytes } from './fixtures';

/**
 * PDFs and Word files without a document title, ingested together: each passage's title is its own file's title
 * heading or its file name — never the first of several chapters, a running header or the name of the file a PDF
 * was printed from (each of which headed the other sections' passages before).
 */
describe('titles of PDF and Word manuals without a document title', () => {
  let root: string;
  before(() => (root = makeTempDir()));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives every passage its own file’s title heading, else the file name', async () => {
    const src = path.join(root, 'kb');
    fs.mkdirSync(src);
    const write = async (name: string, bytes: Promise<Buffer>) => fs.writeFileSync(path.join(src, name), await bytes);
    // Chapters of one size and no title.
    await write(
      'vpn.pdf',
      pdfBytes((doc) => {
        doc.font(JP_FONT).fontSize(14).text('1. 接続方法');
        doc.fontSize(10.5).text('VPNを起動して接続します。');
        doc.fontSize(14).text('2. 切断方法');
        doc.fontSize(10.5).text('タスクトレイから切断します。');
      }),
    );
    // Printed from Word through a PDF printer: the print job's name as Title.
    await write(
      'mail.pdf',
      pdfBytes((doc) => doc.font(JP_FONT).fontSize(10.5).text('メールの送信手順です。'), {
        info: { Title: 'Microsoft Word - 旧版_メール手順書.docx' },
      }),
    );
    // A running header set larger than the body on both pages.
    await write(
      'print.pdf',
      pdfBytes((doc) => {
        doc.font(JP_FONT).fontSize(14).text('情報政策課 配布資料', 50, 30);
        doc.fontSize(10.5).text('プリンターの追加手順です。', 50, 120);
        doc.addPage().fontSize(14).text('情報政策課 配布資料', 50, 30);
        doc.fontSize(10.5).text('トナーの交換手順です。', 50, 120);
      }),
    );
    // A title heading above its chapters.
    await write(
      'telework.pdf',
      pdfBytes((doc) => {
        doc.font(JP_FONT).fontSize(20).text('テレワーク手順書');
        doc.fontSize(14).text('1. 準備');
        doc.fontSize(10.5).text('端末を受け取ります。');
        doc.fontSize(14).text('2. 接続');
        doc.fontSize(10.5).text('VPNで接続します。');
      }),
    );
    await write(
      'chapters.docx',
      docxBytes([
        [1, '概要'],
        [0, '概要です。'],
        [1, 'トラブル対応'],
        [0, '再起動します。'],
      ]),
    );
    await write(
      'printer.docx',
      docxBytes([
        [2, 'プリンターの設定'],
        [0, '設定の本文です。'],
        [2, 'トナー交換'],
        [0, 'トナーの本文です。'],
      ]),
    );
    await write(
      'guide.docx',
      docxBytes([
        ['title', '庁内ネットワーク利用の手引き'],
        [1, '無線LAN'],
        [0, '無線LANの本文です。'],
        [1, '有線LAN'],
        [0, '有線LANの本文です。'],
      ]),
    );
    await write(
      'scanner.docx',
      docxBytes([
        [1, 'スキャナー利用ガイド'],
        [0, '複合機で読み取ります。'],
        [2, '保存先'],
        [0, '共有フォルダに保存されます。'],
      ]),
    );
    const builder = new FakeIndexBuilder();
    await runIngest({
      sourceDir: src,
      dataDir: path.join(root, 'data'),
      build: builder.build,
      logger: new MemoryLogger(),
    });
    assert.deepEqual(
      builder.last.map((c) => [c.id, c.title, c.headingPath, c.fields.body]),
      [
        ['chapters.docx#0', 'chapters', ['概要'], '概要です。'],
        ['chapters.docx#1', 'chapters', ['トラブル対応'], '再起動します。'],
        ['guide.docx#0', '庁内ネットワーク利用の手引き', ['無線LAN'], '無線LANの本文です。'],
        ['guide.docx#1', '庁内ネットワーク利用の手引き', ['有線LAN'], '有線LANの本文です。'],
        ['mail.pdf#0', 'mail', [], 'メールの送信手順です。'],
        ['print.pdf#0', 'print', ['情報政策課 配布資料'], 'プリンターの追加手順です。'],
        ['print.pdf#1', 'print', ['情報政策課 配布資料'], 'トナーの交換手順です。'],
        ['printer.docx#0', 'printer', ['プリンターの設定'], '設定の本文です。'],
        ['printer.docx#1', 'printer', ['トナー交換'], 'トナーの本文です。'],
        ['scanner.docx#0', 'スキャナー利用ガイド', ['スキャナー利用ガイド'], '複合機で読み取ります。'],
        ['scanner.docx#1', 'スキャナー利用ガイド', ['スキャナー利用ガイド', '保存先'], '共有フォルダに保存されます。'],
        ['telework.pdf#0', 'テレワーク手順書', ['テレワーク手順書', '1. 準備'], '端末を受け取ります。'],
        ['telework.pdf#1', 'テレワーク手順書', ['テレワーク手順書', '2. 接続'], 'VPNで接続します。'],
        ['vpn.pdf#0', 'vpn', ['1. 接続方法'], 'VPNを起動して接続します。'],
        ['vpn.pdf#1', 'vpn', ['2. 切断方法'], 'タスクトレイから切断します。'],
      ],
    );
  });

  it('takes a document’s own title, not an application’s placeholder or another file’s name', () => {
    assert.deepEqual(
      [
        '  庁内LAN   利用手順 ',
        '文書の表題',
        'Microsoft Word - 旧版_手順書.docx',
        'Microsoft PowerPoint - 研修資料',
        '手順書_v2.pdf',
        'C:\\Users\\jouhou\\Documents\\手順書',
        '無題',
        'Untitled-1',
        '文書 1',
        'PowerPoint プレゼンテーション',
        '',
        undefined,
      ].map(documentTitle),
      [
        '庁内LAN 利用手順',
        '文書の表題',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ],
    );
  });
});
