/** The console's FAQ sheet overrides a knowledge-folder sheet's row of the same id, on every ingest. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryLogger } from '../../../core/logger';
import { currentIndexDir, runIngest } from '../../../ingest';
import { FakeIndexBuilder, makeTempDir, readBuiltChunks } from './fixtures';

describe('ingest: FAQ overrides from the console sheet', () => {
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('serves the override instead of the sheet row, and again after the sheet is re-ingested', async () => {
    root = makeTempDir();
    const src = path.join(root, 'kb');
    const managed = path.join(root, 'managed');
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(src);
    fs.mkdirSync(managed);
    fs.writeFileSync(path.join(src, 'faq.csv'), 'id,question,answer\nF-1,パスワードを忘れた,窓口へ\nF-2,VPN,再接続\n');
    fs.writeFileSync(path.join(managed, 'faq-managed.csv'), 'id,question,answer\nF-1,パスワードを忘れた,新しい手順\n');
    const builder = new FakeIndexBuilder();
    const ingest = () =>
      runIngest({
        sourceDir: src,
        dataDir,
        build: builder.build,
        logger: new MemoryLogger(),
        extraDirs: [{ dir: managed, prefix: '@console', overrides: true }],
      });
    const first = await ingest();
    assert.deepEqual(first.skipped, []);
    const answers = () =>
      readBuiltChunks(currentIndexDir(dataDir) as string)
        .map((c) => `${c.documentId}:${c.fields.answer}`)
        .sort();
    assert.deepEqual(answers(), ['F-1:新しい手順', 'F-2:再接続']);
    fs.writeFileSync(
      path.join(src, 'faq.csv'),
      'id,question,answer\nF-1,パスワードを忘れた,窓口へ（改訂）\nF-2,VPN,再接続\n',
    );
    const second = await ingest();
    assert.equal(second.rebuilt, true);
    assert.deepEqual(answers(), ['F-1:新しい手順', 'F-2:再接続']);
  });

  it('keeps a hidden FAQ id out of the index on every ingest, until its hidden sheet row goes', async () => {
    root = makeTempDir();
    const src = path.join(root, 'kb');
    const hidden = path.join(root, 'hidden');
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(src);
    fs.mkdirSync(hidden);
    fs.writeFileSync(path.join(src, 'faq.csv'), 'id,question,answer\nF-1,パスワードを忘れた,窓口へ\nF-2,VPN,再接続\n');
    fs.writeFileSync(path.join(hidden, 'faq-hidden.csv'), 'id,question,answer\nF-1,パスワードを忘れた,窓口へ\n');
    const builder = new FakeIndexBuilder();
    const ingest = () =>
      runIngest({
        sourceDir: src,
        dataDir,
        build: builder.build,
        logger: new MemoryLogger(),
        extraDirs: [{ dir: hidden, prefix: '@console-hidden', overrides: true, withholds: true }],
      });
    const answers = () =>
      readBuiltChunks(currentIndexDir(dataDir) as string)
        .map((c) => `${c.documentId}:${c.fields.answer}`)
        .sort();
    const first = await ingest();
    assert.deepEqual([first.skipped, first.chunks], [[], 1]);
    assert.deepEqual(answers(), ['F-2:再接続']);
    fs.writeFileSync(
      path.join(src, 'faq.csv'),
      'id,question,answer\nF-1,パスワードを忘れた,窓口へ（改訂）\nF-2,VPN,再接続\n',
    );
    const second = await ingest();
    assert.equal(second.rebuilt, true);
    assert.deepEqual(answers(), ['F-2:再接続']);
    fs.rmSync(path.join(hidden, 'faq-hidden.csv'));
    await ingest();
    assert.deepEqual(answers(), ['F-1:窓口へ（改訂）', 'F-2:再接続']);
  });
});
