/** The console's FAQ sheet overrides a knowledge-folder sheet's row of the same id, on every ingest. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryLogger } from '../../../core/logger';
import { currentIndexDir, runIngest } from '../../../ingest';
import { FakeIndexBuilder, makeTempDir, readBuiltChunks } from './fixtures';

const SHEET = 'id,question,answer\nF-1,パスワードを忘れた,窓口へ\nF-2,VPN,再接続\n';
const REVISED = 'id,question,answer\nF-1,パスワードを忘れた,窓口へ（改訂）\nF-2,VPN,再接続\n';

describe('ingest: FAQ overrides from the console sheet', () => {
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A knowledge folder holding SHEET and one console folder (`prefix`, `file` = `csv`) ingested with it. */
  function setUp(sheet: { prefix: string; file: string; csv: string; withholds?: boolean }) {
    root = makeTempDir();
    const src = path.join(root, 'kb');
    const extra = path.join(root, 'console');
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(src);
    fs.mkdirSync(extra);
    fs.writeFileSync(path.join(src, 'faq.csv'), SHEET);
    fs.writeFileSync(path.join(extra, sheet.file), sheet.csv);
    const builder = new FakeIndexBuilder();
    const { prefix, withholds } = sheet;
    return {
      consoleFile: path.join(extra, sheet.file),
      revise: () => fs.writeFileSync(path.join(src, 'faq.csv'), REVISED),
      ingest: () =>
        runIngest({
          sourceDir: src,
          dataDir,
          build: builder.build,
          logger: new MemoryLogger(),
          extraDirs: [{ dir: extra, prefix, overrides: true, ...(withholds ? { withholds } : {}) }],
        }),
      answers: () =>
        readBuiltChunks(currentIndexDir(dataDir) as string)
          .map((c) => `${c.documentId}:${c.fields.answer}`)
          .sort(),
    };
  }

  it('serves the override instead of the sheet row, and again after the sheet is re-ingested', async () => {
    const kb = setUp({
      prefix: '@console',
      file: 'faq-managed.csv',
      csv: 'id,question,answer\nF-1,パスワードを忘れた,新しい手順\n',
    });
    const first = await kb.ingest();
    assert.deepEqual(first.skipped, []);
    assert.deepEqual(kb.answers(), ['F-1:新しい手順', 'F-2:再接続']);
    kb.revise();
    const second = await kb.ingest();
    assert.equal(second.rebuilt, true);
    assert.deepEqual(kb.answers(), ['F-1:新しい手順', 'F-2:再接続']);
  });

  it('keeps a hidden FAQ id out of the index on every ingest, until its hidden sheet row goes', async () => {
    const kb = setUp({
      prefix: '@console-hidden',
      file: 'faq-hidden.csv',
      csv: 'id,question,answer\nF-1,パスワードを忘れた,窓口へ\n',
      withholds: true,
    });
    const first = await kb.ingest();
    assert.deepEqual([first.skipped, first.chunks], [[], 1]);
    assert.deepEqual(kb.answers(), ['F-2:再接続']);
    kb.revise();
    const second = await kb.ingest();
    assert.equal(second.rebuilt, true);
    assert.deepEqual(kb.answers(), ['F-2:再接続']);
    fs.rmSync(kb.consoleFile);
    await kb.ingest();
    assert.deepEqual(kb.answers(), ['F-1:窓口へ（改訂）', 'F-2:再接続']);
  });
});
