/** An empty knowledge folder (an unmounted share looks the same) never silently replaces a non-empty index. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runIngestCommand, type IngestCommandDeps } from '../../../adapters/cli/ingest';
import { INGEST_MESSAGES } from '../../../adapters/cli/ingest-messages';
import { MemoryLogger } from '../../../core/logger';
import { currentIndexDir, emptySourceMessage, runIngest } from '../../../ingest';
import { FakeIndexBuilder, makeTempDir, readBuiltChunks } from './fixtures';

describe('ingest: an empty source folder', () => {
  let root: string;
  let kb: string;
  let empty: string;
  let dataDir: string;
  let builder: FakeIndexBuilder;
  beforeEach(() => {
    root = makeTempDir();
    kb = path.join(root, 'kb');
    empty = path.join(root, 'kb-empty');
    dataDir = path.join(root, 'data');
    fs.mkdirSync(path.join(kb, 'manuals'), { recursive: true });
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(kb, 'faq.csv'), 'id,question,answer\nF-1,VPNにつながらない,再起動してください。\n');
    fs.writeFileSync(path.join(kb, 'manuals', 'mail.md'), '# メール\n\n添付ファイルは無害化されます。\n');
    builder = new FakeIndexBuilder();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const ingest = (sourceDir: string, extra: { allowEmpty?: boolean } = {}) =>
    runIngest({ sourceDir, dataDir, build: builder.build, logger: new MemoryLogger(), ...extra });

  it('is refused with INGEST_SOURCE_MISSING and a Japanese message while the index holds files; nothing changes', async () => {
    const first = await ingest(kb);
    await assert.rejects(ingest(empty), (err: { code: string; userMessage: string; details: unknown }) => {
      assert.equal(err.code, 'INGEST_SOURCE_MISSING');
      assert.equal(
        err.userMessage,
        '取り込み元のフォルダにファイルが1件もないため、取り込みを中止しました。今の索引（2件のファイル）はそのままです。' +
          'フォルダのパスと、共有フォルダの接続（マウント）が切れていないかを確認してください。',
      );
      assert.deepEqual(err.details, { sourceDir: empty, reason: 'empty-source', indexedFiles: 2 });
      return true;
    });
    assert.equal(currentIndexDir(dataDir), first.indexDir);
    assert.equal(builder.builds.length, 1);
    assert.deepEqual(
      readBuiltChunks(first.indexDir)
        .map((c) => c.documentId)
        .sort(),
      ['F-1', 'manuals/mail.md'],
    );
  });

  it('empties the index when allowEmpty is given', async () => {
    await ingest(kb);
    const summary = await ingest(empty, { allowEmpty: true });
    assert.deepEqual(
      { files: summary.files, removed: summary.removed, chunks: summary.chunks, rebuilt: summary.rebuilt },
      { files: 0, removed: 2, chunks: 0, rebuilt: true },
    );
    assert.deepEqual(readBuiltChunks(summary.indexDir), []);
  });

  it('is allowed for a first ingest, and when the index holds only files of the extra folders read with it', async () => {
    const uploads = path.join(root, 'uploads');
    fs.mkdirSync(uploads);
    fs.writeFileSync(path.join(uploads, 'guide.md'), '# 手引き\n\nプリンターの設定方法です。\n');
    const withUploads = () =>
      runIngest({
        sourceDir: empty,
        dataDir,
        build: builder.build,
        logger: new MemoryLogger(),
        extraDirs: [{ dir: uploads, prefix: '@uploads' }],
      });
    const first = await ingest(empty);
    assert.equal(first.chunks, 0);
    const second = await withUploads();
    assert.deepEqual(
      readBuiltChunks(second.indexDir).map((c) => c.documentId),
      ['@uploads/guide.md'],
    );
    fs.writeFileSync(path.join(uploads, 'guide.md'), '# 手引き\n\nプリンターとスキャナーの設定方法です。\n');
    const third = await withUploads();
    assert.equal(third.indexed, 1);
    // Without the extra folder the upload would be dropped: refused as well.
    await assert.rejects(ingest(empty), { code: 'INGEST_SOURCE_MISSING', userMessage: emptySourceMessage(1) });
  });

  describe('kotae ingest', () => {
    let lines: string[];
    let errors: string[];
    let deps: IngestCommandDeps;
    let published: number;
    beforeEach(() => {
      lines = [];
      errors = [];
      published = 0;
      deps = {
        dataDir,
        build: builder.build,
        logger: new MemoryLogger(),
        out: (s) => lines.push(s),
        err: (s) => errors.push(s),
        isTTY: false,
        publish: async () => ++published,
      };
    });

    it('refuses an empty folder with exit 1, the reason and the --allow-empty hint, and notifies no instance', async () => {
      assert.equal(await runIngestCommand([kb], deps), 0);
      assert.equal(published, 1);
      const before = currentIndexDir(dataDir);
      errors.length = 0;
      assert.equal(await runIngestCommand([empty], deps), 1);
      assert.deepEqual(errors, [
        INGEST_MESSAGES.failed(emptySourceMessage(2)),
        'ナレッジをすべて削除してよい場合は、--allow-empty を付けてもう一度実行してください。',
      ]);
      assert.equal(published, 1);
      assert.equal(currentIndexDir(dataDir), before);
    });

    it('with --allow-empty empties the index (削除 2件, チャンク数 0件) and notifies the instances', async () => {
      await runIngestCommand([kb], deps);
      lines.length = 0;
      assert.equal(await runIngestCommand([empty, '--allow-empty'], deps), 0);
      assert.deepEqual(errors, []);
      assert.equal(lines.filter((l) => /^ {2}削除: +2件$/.test(l)).length, 1);
      assert.equal(lines.filter((l) => /^ {2}チャンク数: +0件$/.test(l)).length, 1);
      assert.equal(published, 2);
    });

    it('documents --allow-empty in its help', async () => {
      assert.equal(await runIngestCommand(['--help'], deps), 0);
      assert.equal(lines.length, 1);
      assert.match(
        lines[0],
        /^使い方: npx kotae ingest <フォルダ> \[--force\] \[--allow-empty\] \[--max-file-mb <MB>\]$/m,
      );
      assert.match(lines[0], /^ {2}--allow-empty {4}フォルダが空でも取り込み、今の索引を空にします/m);
    });
  });
});
