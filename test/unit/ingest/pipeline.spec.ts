import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KotaeError } from '../../../core/errors';
import { MemoryLogger } from '../../../core/logger';
import { currentIndexDir, runIngest, SKIP_REASONS, type IngestOptions } from '../../../ingest';
import { FakeIndexBuilder, makeTempDir, readBuiltChunks } from './fixtures';

const FAQ_CSV = 'id,question,answer\nF-1,パスワードを忘れた,窓口へ連絡してください。\nF-2,,回答だけ\n';

describe('ingest pipeline', () => {
  let root: string;
  let src: string;
  let dataDir: string;
  let builder: FakeIndexBuilder;
  const write = (rel: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    fs.writeFileSync(path.join(src, rel), content);
  };
  const ingest = (extra: Partial<IngestOptions> = {}) =>
    runIngest({ sourceDir: src, dataDir, build: builder.build, logger: new MemoryLogger(), ...extra });

  beforeEach(() => {
    root = makeTempDir();
    src = path.join(root, 'kb');
    dataDir = path.join(root, 'data');
    builder = new FakeIndexBuilder();
    write('faq.csv', FAQ_CSV);
    write('manuals/mail.md', '# メール\n\n添付ファイルは無害化されます。\n');
    write('manuals/net.html', '<h1>ネットワーク</h1><p>三層分離です。</p>');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('indexes a folder, reporting skipped files and rows, and points CURRENT at the new generation', async () => {
    write('empty.md', '');
    write('big.md', '# 大きい\n' + 'あ'.repeat(2000));
    write('archive.zip', 'PK');
    write('list.xls', 'old');
    write('.hidden.md', '# 隠し');
    write('.git/config', '[core]');
    write('~$draft.docx', 'lock');
    write('manuals/net.html.meta.json', JSON.stringify({ url: 'https://intra.example.lg.jp/net' }));
    const progress: string[] = [];
    const summary = await ingest({
      maxFileBytes: 1000,
      onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`),
    });
    assert.deepEqual(
      {
        files: summary.files,
        indexed: summary.indexed,
        unchanged: summary.unchanged,
        removed: summary.removed,
        chunks: summary.chunks,
      },
      { files: 7, indexed: 3, unchanged: 0, removed: 0, chunks: 3 },
    );
    assert.deepEqual(summary.skipped, [
      { path: 'archive.zip', reason: SKIP_REASONS.unsupported },
      { path: 'big.md', reason: '1000バイトを超えるファイル' },
      { path: 'empty.md', reason: SKIP_REASONS.empty },
      { path: 'faq.csv:3', reason: SKIP_REASONS.rowMissingQa },
      {
        path: 'list.xls',
        reason: '旧形式のExcelファイル（Office 97-2003 形式）は読み込めません。.xlsx形式で保存し直してください',
      },
    ]);
    assert.equal(currentIndexDir(dataDir), summary.indexDir);
    assert.equal(path.basename(path.dirname(summary.indexDir)), 'index');
    const chunks = readBuiltChunks(summary.indexDir);
    assert.equal(chunks.find((c) => c.documentId === 'manuals/net.html')?.url, 'https://intra.example.lg.jp/net');
    assert.deepEqual(progress.slice(-2), ['parse:7/7', 'build:3/3']);
  });

  it('syncs incrementally: unchanged files reused, removed files dropped, changed files re-parsed', async () => {
    const first = await ingest();
    write('manuals/mail.md', '# メール\n\n容量の上限は10MBです。\n');
    fs.rmSync(path.join(src, 'manuals/net.html'));
    write('manuals/new.txt', '新しい手順です。');
    const second = await ingest();
    assert.deepEqual([second.files, second.indexed, second.unchanged, second.removed], [3, 2, 1, 1]);
    const bodies = readBuiltChunks(second.indexDir).map((c) => c.fields.body || c.fields.question);
    assert.deepEqual(bodies.sort(), ['パスワードを忘れた', '容量の上限は10MBです。', '新しい手順です。'].sort());
    assert.notEqual(second.indexDir, first.indexDir);
    assert.ok(fs.existsSync(first.indexDir), 'the previous generation is kept');
    assert.deepEqual(
      second.skipped,
      [{ path: 'faq.csv:3', reason: SKIP_REASONS.rowMissingQa }],
      'row skips survive reuse',
    );

    const third = await ingest();
    assert.deepEqual([third.indexed, third.unchanged, third.removed, third.rebuilt], [0, 3, 0, false]);
    assert.equal(third.indexDir, second.indexDir);
    assert.equal(builder.builds.length, 2, 'no rebuild when nothing changed');

    const forced = await ingest({ force: true });
    assert.equal(forced.rebuilt, true);
    assert.ok(!fs.existsSync(first.indexDir), 'generations older than PREVIOUS are deleted');
    const generations = fs.readdirSync(path.join(dataDir, 'index')).filter((n) => n.startsWith('gen-'));
    assert.equal(generations.length, 2);
  });

  it('does not re-parse a file skipped last time while it stays unchanged', async () => {
    write('broken.pdf', '%PDF-1.4\n' + 'x'.repeat(100));
    const first = await ingest();
    assert.deepEqual(
      first.skipped.find((s) => s.path === 'broken.pdf'),
      { path: 'broken.pdf', reason: SKIP_REASONS.pdfCorrupt },
    );
    const logger = new MemoryLogger();
    const second = await ingest({ logger });
    assert.deepEqual(second.skipped.find((s) => s.path === 'broken.pdf')?.reason, SKIP_REASONS.pdfCorrupt);
    assert.ok(!logger.lines.some((l) => l.msg === 'file skipped'), 'served from the manifest');
  });

  it("keeps the first file's FAQ id and indexes another file's FAQ of the same id as <file>#<id>", async () => {
    write('more.csv', 'id,question,answer\nF-1,別の質問,別の回答\n');
    const summary = await ingest();
    assert.equal(
      summary.skipped.find((s) => s.path === 'more.csv'),
      undefined,
    );
    assert.deepEqual(
      builder.last.filter((c) => c.documentId.endsWith('F-1')).map((c) => `${c.id} ${c.fields.answer}`),
      ['F-1#0 窓口へ連絡してください。', 'more.csv#F-1#0 別の回答'],
    );
  });

  it('rebuilds (never updates in place) a generation that fails the check although no file changed', async () => {
    const first = await ingest();
    const checked: string[] = [];
    let broken = true;
    const check = (dir: string) => {
      checked.push(path.basename(dir));
      if (broken) throw new KotaeError('KB_INDEX_CORRUPT', `hnsw file unreadable: ${dir}/vectors.hnsw`);
    };
    const updates: string[] = [];
    const update = async (_chunks: unknown, dir: string) => {
      updates.push(dir);
      return { added: 0, removed: 0 };
    };
    const logger = new MemoryLogger();
    const repaired = await ingest({ check, update, logger });
    const generation = path.basename(first.indexDir);
    assert.deepEqual(
      [repaired.rebuilt, repaired.repaired, repaired.updated],
      [true, { generation, reason: `hnsw file unreadable: ${first.indexDir}/vectors.hnsw` }, undefined],
    );
    assert.deepEqual(updates, []);
    assert.notEqual(repaired.indexDir, first.indexDir);
    assert.equal(currentIndexDir(dataDir), repaired.indexDir);
    assert.deepEqual(
      logger.lines.filter((l) => l.level === 'warn').map((l) => [l.msg, l.fields?.indexDir]),
      [['ingest: the current index cannot be opened; rebuilding it although no file changed', generation]],
    );

    broken = false;
    const kept = await ingest({ check, update });
    assert.deepEqual([kept.rebuilt, kept.repaired, kept.indexDir], [false, undefined, repaired.indexDir]);
    // Checked only when the index would be kept: not by the forced run.
    await ingest({ check, force: true });
    assert.deepEqual(checked, [generation, path.basename(repaired.indexDir)]);
  });

  it('fails with INGEST_SOURCE_MISSING and leaves the previous index untouched', async () => {
    const first = await ingest();
    await assert.rejects(ingest({ sourceDir: path.join(root, 'nope') }), { code: 'INGEST_SOURCE_MISSING' });
    write('not-a-dir', 'x');
    await assert.rejects(ingest({ sourceDir: path.join(src, 'not-a-dir') }), { code: 'INGEST_SOURCE_MISSING' });
    assert.equal(currentIndexDir(dataDir), first.indexDir);
  });

  it('fails with DATA_DIR_UNWRITABLE when the data folder cannot be created', async () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, 'x');
    await assert.rejects(ingest({ dataDir: path.join(file, 'data') }), { code: 'DATA_DIR_UNWRITABLE' });
  });

  it('keeps CURRENT and removes the half-built generation when the build fails', async () => {
    const first = await ingest();
    write('manuals/mail.md', '# 変更\n\n本文。');
    const failing = async (): Promise<never> => {
      throw new Error('disk full');
    };
    await assert.rejects(
      ingest({ build: failing }),
      (err: unknown) => err instanceof KotaeError && err.code === 'INGEST_FAILED',
    );
    assert.equal(currentIndexDir(dataDir), first.indexDir);
    const generations = fs.readdirSync(path.join(dataDir, 'index')).filter((n) => n.startsWith('gen-'));
    assert.deepEqual(generations, [path.basename(first.indexDir)]);
    assert.ok(!fs.existsSync(path.join(dataDir, 'index', '.ingest.lock')), 'lock released');
  });

  it('refuses to run while a live process holds the lock, and takes over a dead one', async () => {
    fs.mkdirSync(path.join(dataDir, 'index'), { recursive: true });
    const lock = path.join(dataDir, 'index', '.ingest.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, hostname: os.hostname() }));
    await assert.rejects(ingest(), { code: 'DATA_DIR_IN_USE' });
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, hostname: os.hostname() }));
    const summary = await ingest();
    assert.equal(summary.indexed, 3);
    assert.ok(!fs.existsSync(lock));
  });
});
