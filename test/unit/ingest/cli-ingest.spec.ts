import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { runIngestCommand, type IngestCommandDeps } from '../../../adapters/cli/ingest';
import { MemoryLogger } from '../../../core/logger';
import { currentIndexDir, type IndexBuilder } from '../../../ingest';
import { buildKnowledgeIndex, checkKnowledgeIndex, openKnowledgeIndex } from '../../../knowledge';
import { testAnalyzer } from '../knowledge/shared-analyzer';
import { FakeIndexBuilder, makeTempDir } from './fixtures';

/** A writable that says it is a terminal, as cli-progress only draws on one. */
class FakeTerminal extends Writable {
  readonly isTTY = true;
  readonly columns = 120;
  drawn = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.drawn += chunk.toString();
    done();
  }
}

describe('kotae ingest (CLI)', () => {
  let root: string;
  let lines: string[];
  let deps: IngestCommandDeps;
  beforeEach(() => {
    root = makeTempDir();
    fs.mkdirSync(path.join(root, 'kb'));
    fs.writeFileSync(
      path.join(root, 'kb', 'faq.csv'),
      '質問,回答\nVPNにつながらない,再起動してください。\n,回答のみ\n',
    );
    fs.writeFileSync(path.join(root, 'kb', 'scan.bin'), 'x');
    lines = [];
    deps = {
      dataDir: path.join(root, 'data'),
      build: new FakeIndexBuilder().build,
      logger: new MemoryLogger(),
      out: (s) => lines.push(s),
      isTTY: false,
    };
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prints plain progress and a Japanese summary with each skipped item, exit 0', async () => {
    const code = await runIngestCommand([path.join(root, 'kb')], deps);
    assert.equal(code, 0);
    const text = lines.join('\n');
    assert.match(text, /ファイル解析 2\/2 scan\.bin/);
    assert.match(text, /取り込みが完了しました/);
    assert.match(text, /ファイル数: +2件/);
    assert.match(text, /新規・変更: +1件/);
    assert.match(text, /チャンク数: +1件/);
    assert.match(text, /- faq\.csv:3: 質問または回答が空の行/);
    assert.match(text, /- scan\.bin: 未対応の形式/);

    lines.length = 0;
    assert.equal(await runIngestCommand([path.join(root, 'kb')], deps), 0);
    assert.match(lines.join('\n'), /変更はありませんでした/);
  });

  it('publishes a new index generation after a rebuild (not when nothing changed); a failure is a warning', async () => {
    const published: number[] = [];
    let down = false;
    const publish = async () => {
      if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      published.push(published.length + 1);
      return published.length;
    };
    assert.equal(await runIngestCommand([path.join(root, 'kb')], { ...deps, publish }), 0);
    assert.match(lines.join('\n'), /新しい索引を通知しました（世代 1）/);
    lines.length = 0;
    assert.equal(await runIngestCommand([path.join(root, 'kb')], { ...deps, publish }), 0);
    assert.deepEqual(published, [1], 'unchanged: nothing to publish');
    down = true;
    lines.length = 0;
    assert.equal(await runIngestCommand([path.join(root, 'kb'), '--force'], { ...deps, publish }), 0);
    assert.match(lines.join('\n'), /索引は作成しましたが、稼働中のインスタンスへの通知に失敗しました/);
  });

  it('rebuilds an index that no longer opens although no file changed, and says so', async function () {
    this.timeout(120_000);
    const analyzer = await testAnalyzer();
    const build: IndexBuilder = (chunks, dir, options) => buildKnowledgeIndex(chunks, dir, { analyzer, ...options });
    const real = { ...deps, build, check: checkKnowledgeIndex };
    /** The summary's lines without the counts (indented) and the progress lines. */
    const headlines = () => lines.filter((l) => !/^( |ファイル解析 |索引作成 )/.test(l));
    const kb = path.join(root, 'kb');
    fs.writeFileSync(
      path.join(kb, 'faq.csv'),
      [
        '質問,回答',
        'VPNにつながらない,端末を再起動してから、もう一度接続してください。',
        'パスワードを忘れた,ポータルの「パスワード再設定」から変更できます。',
        'プリンターで印刷できない,プリンターの電源と用紙を確認してください。',
      ].join('\n'),
    );
    assert.equal(await runIngestCommand([kb], real), 0);
    const damaged = currentIndexDir(real.dataDir) as string;
    fs.writeFileSync(path.join(damaged, 'chunks.json'), '[{"id": "faq.csv#');

    lines.length = 0;
    assert.equal(await runIngestCommand([kb], real), 0);
    assert.deepEqual(
      headlines().map((l) => l.replace(/（[0-9.]+秒）/, '')),
      [
        `取り込みを開始します: ${kb}`,
        '取り込みが完了しました。',
        '現在の索引が読み込めなかったため、作り直しました。',
        '取り込めなかったファイル・行（1件）:',
      ],
    );
    const rebuilt = currentIndexDir(real.dataDir) as string;
    assert.notEqual(rebuilt, damaged);
    const answers = await openKnowledgeIndex(rebuilt, { analyzer });
    assert.equal(answers.stats().chunks, 3);
    assert.equal((await answers.search('パスワードを忘れました')).hits[0]?.chunk.fields.question, 'パスワードを忘れた');
    assert.deepEqual(
      (real.logger as MemoryLogger).lines.filter((l) => l.level === 'warn').map((l) => l.msg),
      ['ingest: the current index cannot be opened; rebuilding it although no file changed'],
    );

    // The rebuilt index opens: the next run keeps it.
    lines.length = 0;
    assert.equal(await runIngestCommand([kb], real), 0);
    assert.deepEqual(
      headlines().map((l) => l.replace(/（[0-9.]+秒）/, '')),
      [
        `取り込みを開始します: ${kb}`,
        '変更はありませんでした。索引はそのままです。',
        '取り込めなかったファイル・行（1件）:',
      ],
    );
    assert.equal(currentIndexDir(real.dataDir), rebuilt);
  });

  it('draws a bar instead of progress lines on a terminal', async () => {
    const stream = new FakeTerminal();
    const code = await runIngestCommand([path.join(root, 'kb')], { ...deps, isTTY: true, progressStream: stream });
    assert.equal(code, 0);
    assert.match(stream.drawn, /ファイル解析 \|.*\| 2\/2/);
    assert.ok(!lines.some((l) => l.startsWith('ファイル解析')));
  });

  it('exits non-zero with a clear message when the folder is missing', async () => {
    const errors: string[] = [];
    const code = await runIngestCommand([path.join(root, 'missing')], { ...deps, err: (s) => errors.push(s) });
    assert.equal(code, 1);
    assert.deepEqual(errors, ['取り込みに失敗しました: 取り込み元のフォルダが見つからないか、読み取れません。']);
  });

  it('shows the usage for bad arguments and uses the configured folder by default', async () => {
    assert.equal(await runIngestCommand(['--bogus'], deps), 2);
    assert.equal(await runIngestCommand([], deps), 2);
    assert.equal(await runIngestCommand(['--max-file-mb', 'x', 'kb'], deps), 2);
    assert.equal(await runIngestCommand(['--force'], { ...deps, defaultSourceDir: path.join(root, 'kb') }), 0);
  });
});
