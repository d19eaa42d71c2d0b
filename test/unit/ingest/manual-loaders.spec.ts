import { strict as assert } from 'node:assert';
import * as iconv from 'iconv-lite';
import { loadDocx } from '../../../ingest/loaders/docx';
import { loadHtml } from '../../../ingest/loaders/html';
import { loadMarkdown } from '../../../ingest/loaders/markdown';
import { docxBytes, sourceFile } from './fixtures';

const MARKDOWN = `---
title: メール利用ガイド
---
前書きの文章です。

# メール

## 添付ファイル

無害化されたファイルが届きます。

\`\`\`
# これは見出しではない
\`\`\`

### 原本の取得

申請フォームから原本を取得します。

## 容量

上限は 10MB です。
`;

describe('manual loaders', () => {
  it('builds heading paths from Markdown headings and ignores # inside code fences', async () => {
    const { documents } = await loadMarkdown(sourceFile('manuals/mail.md', MARKDOWN));
    const [doc] = documents;
    assert.equal(doc.kind, 'manual');
    assert.equal(doc.id, 'manuals/mail.md');
    assert.equal(doc.title, 'メール利用ガイド', 'front matter title wins');
    assert.equal(doc.url, 'manuals/mail.md');
    assert.deepEqual(
      doc.sections?.map((s) => s.headingPath),
      [[], ['メール', '添付ファイル'], ['メール', '添付ファイル', '原本の取得'], ['メール', '容量']],
    );
    assert.match(doc.sections?.[1].text ?? '', /# これは見出しではない/);
    assert.equal(doc.contentHash, sourceFile('x', MARKDOWN).contentHash, 'hash of the file bytes');
  });

  it('titles a headingless Shift_JIS text file by its name', async () => {
    const { documents } = await loadMarkdown(
      sourceFile('手順/再起動.txt', iconv.encode('端末を再起動してください。\r\n', 'cp932')),
    );
    assert.equal(documents[0].title, '再起動');
    assert.deepEqual(documents[0].sections, [{ headingPath: [], text: '端末を再起動してください。' }]);
  });

  it('reads HTML sections by h1–h4 and drops script, style and navigation', async () => {
    const html = `<!doctype html><html><head><title>無線LAN｜ことのは市</title>
      <link rel="canonical" href="https://intra.example.lg.jp/wifi"><style>h1{color:red}</style></head>
      <body><nav>トップ &gt; 案内</nav><h1>無線LAN利用ガイド</h1><p>概要です。</p>
      <h2>接続方法</h2><ol><li>SSIDを選びます。</li><li>職員番号で
      ログインします。</li></ol><script>alert('x')</script>
      <h3>うまくいかないとき</h3><table><tr><td>症状</td><td>対処</td></tr></table></body></html>`;
    const [doc] = (await loadHtml(sourceFile('net.html', html))).documents;
    assert.equal(doc.title, '無線LAN利用ガイド');
    assert.equal(doc.url, 'https://intra.example.lg.jp/wifi');
    assert.deepEqual(doc.sections, [
      { headingPath: ['無線LAN利用ガイド'], text: '概要です。' },
      { headingPath: ['無線LAN利用ガイド', '接続方法'], text: 'SSIDを選びます。\n職員番号でログインします。' },
      { headingPath: ['無線LAN利用ガイド', '接続方法', 'うまくいかないとき'], text: '症状\t対処' },
    ]);
  });

  it('prefers sidecar metadata for title and url', async () => {
    const file = sourceFile('a.html', '<p>本文</p>', { url: 'https://example.lg.jp/a', title: '表題' });
    const [doc] = (await loadHtml(file)).documents;
    assert.deepEqual([doc.title, doc.url], ['表題', 'https://example.lg.jp/a']);
  });

  it('reads DOCX headings through mammoth', async () => {
    const bytes = await docxBytes([
      [1, 'プリンタ利用ガイド'],
      [0, '複合機の使い方です。'],
      [2, 'トナー交換'],
      [0, '前面の扉を開けます。'],
      [0, '新しいトナーを差し込みます。'],
    ]);
    const [doc] = (await loadDocx(sourceFile('printer.docx', bytes))).documents;
    assert.equal(doc.title, 'プリンタ利用ガイド');
    assert.deepEqual(doc.sections, [
      { headingPath: ['プリンタ利用ガイド'], text: '複合機の使い方です。' },
      {
        headingPath: ['プリンタ利用ガイド', 'トナー交換'],
        text: '前面の扉を開けます。\n\n新しいトナーを差し込みます。',
      },
    ]);
  });

  it('skips DOCX files that are not zip packages', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
    await assert.rejects(loadDocx(sourceFile('locked.docx', ole)), {
      code: 'INGEST_FILE_SKIPPED',
      userMessage: 'パスワード付きまたは旧形式のWord文書',
    });
    await assert.rejects(loadDocx(sourceFile('bad.docx', 'PK\u0003\u0004garbage')), {
      code: 'INGEST_FILE_SKIPPED',
      userMessage: '壊れたWord文書',
    });
  });
});
