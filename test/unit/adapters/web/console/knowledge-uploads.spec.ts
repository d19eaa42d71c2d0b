/**
 * Uploading manuals from the console (issue 15 point 3): accepted formats go into the managed
 * folder and start the background ingest, whose progress and summary (skipped files with reasons)
 * the page shows; a forbidden type or a file over the limit is refused with the limit named and
 * leaves nothing behind; a document can be deleted.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startConsole, type ConsoleHarness } from './console-harness';

const alert = (page: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(page)?.[1];

describe('console knowledge uploads', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('stores an uploaded manual, ingests it in the background and shows the summary', async () => {
    const op = await h.sessionFor('operator');
    const res = await h.request('POST', '/console/knowledge/documents', {
      session: op,
      files: [{ name: '庁内Wi-Fi手順.md', content: '# 庁内Wi-Fi\n接続手順です。' }],
    });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/console/knowledge?notice=uploaded');
    assert.deepEqual(
      h.documents.list().map((d) => d.name),
      ['庁内Wi-Fi手順.md'],
    );
    await h.ingest.request('test');
    assert.deepEqual(h.ingestRuns, ['庁内Wi-Fi手順.md', '庁内Wi-Fi手順.md']);
    const page = await h.request('GET', '/console/knowledge', { session: op });
    assert.match(page.text, /<p class="ingest-state">取り込みが完了しました。<\/p>/);
    assert.match(page.text, /対象 1ファイル（新規・更新 1、変更なし 0）、削除 0、検索単位 3件/);
    assert.match(page.text, /<td>@uploads\/scan.pdf<\/td>\s*<td>文字を抽出できないPDF（画像のみ）<\/td>/);
    assert.match(page.text, /<td>庁内Wi-Fi手順.md<\/td>/);
    // The SharePoint section lists the library files the ingest skipped (here an encrypted PDF).
    const sharePoint = page.text.slice(page.text.indexOf('id="sharepoint"'));
    assert.match(sharePoint, /<td>@sharepoint\/0123abcd\/規程.pdf<\/td>\s*<td>暗号化されたPDF<\/td>/);
  });

  it('refuses a forbidden type and a file over the limit, naming the limit, and keeps nothing', async () => {
    const op = await h.sessionFor('operator');
    const exe = await h.request('POST', '/console/knowledge/documents', {
      session: op,
      files: [{ name: 'setup.exe', content: 'MZ' }],
    });
    assert.equal(exe.status, 400);
    assert.equal(
      alert(exe.text),
      'この形式のファイルはアップロードできません。アップロードできるのはPDF、Word（.docx）、Excel（.xlsx）、PowerPoint（.pptx）、CSV、HTML、Markdown（.md）、JSON（.json / .jsonl）のファイルです。',
    );
    const xls = await h.request('POST', '/console/knowledge/documents', {
      session: op,
      files: [{ name: '問い合わせ一覧.XLS', content: 'old' }],
    });
    assert.equal(xls.status, 400);
    assert.equal(
      alert(xls.text),
      '旧形式のExcelファイル（Office 97-2003 形式）はアップロードできません。Excelで.xlsx形式で保存し直してからアップロードしてください。',
    );
    const big = await h.request('POST', '/console/knowledge/documents', {
      session: op,
      files: [{ name: 'big.md', content: 'あ'.repeat(30_000) }],
    });
    assert.equal(big.status, 413);
    assert.equal(alert(big.text), 'ファイルが大きすぎます。アップロードできるのは1ファイル64KBまでです。');
    assert.deepEqual(h.documents.list(), []);
    const tmp = path.join(h.documents.dir, '.tmp');
    assert.deepEqual(fs.existsSync(tmp) ? fs.readdirSync(tmp) : [], []);
    assert.deepEqual(h.ingestRuns, []);
  });

  it('deletes a document and re-ingests', async () => {
    const op = await h.sessionFor('operator');
    await h.request('POST', '/console/knowledge/documents', {
      session: op,
      files: [{ name: 'a.md', content: '# A\n本文' }],
    });
    await h.ingest.request('test');
    const res = await h.request('POST', '/console/knowledge/documents/delete', { session: op, form: { name: 'a.md' } });
    assert.equal(res.location, '/console/knowledge?notice=docDeleted');
    await h.ingest.request('test');
    assert.deepEqual(h.documents.list(), []);
    assert.equal(h.ingestRuns[h.ingestRuns.length - 1], '');
    const missing = await h.request('POST', '/console/knowledge/documents/delete', {
      session: op,
      form: { name: 'a.md' },
    });
    assert.equal(missing.status, 404);
    assert.equal(alert(missing.text), '指定された文書が見つかりません。');
  });
});
