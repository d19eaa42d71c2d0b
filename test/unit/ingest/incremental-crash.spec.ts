/**
 * A crash between an incremental update and its merge loses nothing: the delta logged beside the
 * generation is replayed when the generation is opened again, the next ingest catches the manifest up
 * without changing the index, and a merge killed mid-build leaves the generation and its log serving.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryLogger } from '../../../core/logger';
import { currentIndexDir, runIngest } from '../../../ingest';
import { buildKnowledgeIndex, deltaFiles, openKnowledgeIndex, updateKnowledgeIndex } from '../../../knowledge';
import { testAnalyzer } from '../knowledge/shared-analyzer';
import { makeTempDir } from './fixtures';

const HEADER = 'id,category,question,alternate_questions,answer,source_url\n';
const ROWS = [
  '"FAQ-0001","アカウント","パスワードを忘れました","","情報政策課で再設定します。",""',
  '"FAQ-0002","印刷","プリンターで印刷できない","","電源と用紙を確認してください。",""',
  '"FAQ-0003","メール","メールが送信できない","","添付ファイルの大きさを確認してください。",""',
];
const NEW_ROW = '"FAQ-0100","庁舎","自転車置き場は何時に施錠されますか","","毎日午後10時に施錠します。",""';

/** Runs the child in `mode` until it prints `signal`, then kills it with SIGKILL. */
async function killAt(mode: string, signal: string, src: string, dataDir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'incremental-crash-child.ts'), mode, src, dataDir],
    { cwd: path.join(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(signal)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before ${signal}: ${err}`)));
  });
  child.kill('SIGKILL');
  await exited;
}

describe('incremental index updates: crash safety', function () {
  this.timeout(60_000);
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('SIGKILL after the delta is logged, and again during the merge: the update is still served', async () => {
    root = makeTempDir();
    const src = path.join(root, 'kb');
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'faq.csv'), HEADER + ROWS.join('\n') + '\n');
    const analyzer = await testAnalyzer();
    const build = (chunks: Parameters<typeof buildKnowledgeIndex>[0], dir: string) =>
      buildKnowledgeIndex(chunks, dir, { analyzer, calibrate: false });
    const logger = new MemoryLogger();
    const first = await runIngest({ sourceDir: src, dataDir, build, logger });
    fs.appendFileSync(path.join(src, 'faq.csv'), NEW_ROW + '\n');

    await killAt('update', 'UPDATED', src, dataDir);
    assert.equal(currentIndexDir(dataDir), first.indexDir);
    assert.deepEqual(deltaFiles(first.indexDir), ['delta-000001.bin']);
    const reopened = await openKnowledgeIndex(first.indexDir, { analyzer, synonyms: 'curated' });
    assert.equal((await reopened.search('自転車置き場の施錠')).hits[0].chunk.id, 'FAQ-0100#0');

    // The next ingest finds the files changed since the manifest, but the index already holds them.
    const update = (chunks: Parameters<typeof buildKnowledgeIndex>[0], dir: string) =>
      updateKnowledgeIndex(reopened, dir, chunks);
    const caughtUp = await runIngest({ sourceDir: src, dataDir, build, logger, update });
    assert.deepEqual([caughtUp.rebuilt, caughtUp.updated], [false, { added: 0, removed: 0 }]);
    const quiet = await runIngest({ sourceDir: src, dataDir, build, logger, update });
    assert.deepEqual([quiet.rebuilt, quiet.updated], [false, undefined]);

    await killAt('merge', 'BUILDING', src, dataDir);
    assert.equal(currentIndexDir(dataDir), first.indexDir, 'the killed merge published nothing');
    const afterMerge = await openKnowledgeIndex(first.indexDir, { analyzer, synonyms: 'curated' });
    assert.equal((await afterMerge.search('自転車置き場の施錠')).hits[0].chunk.id, 'FAQ-0100#0');
    assert.equal(afterMerge.stats().chunks, 4);

    const merged = await runIngest({ sourceDir: src, dataDir, build, logger, force: true });
    assert.deepEqual(deltaFiles(merged.indexDir), []);
    const fresh = await openKnowledgeIndex(merged.indexDir, { analyzer, synonyms: 'curated' });
    assert.equal((await fresh.search('自転車置き場の施錠')).hits[0].chunk.id, 'FAQ-0100#0');
  });
});
