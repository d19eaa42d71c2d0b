/** The command line as a user runs it: `node bin/kotae.js …` in a child process with its own environment. */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { currentIndexDir } from '../../ingest';
import { tempDir } from '../helpers/temp-dir';

const BIN = path.join(__dirname, '..', '..', 'bin', 'kotae.js');
const ROOT = path.join(__dirname, '..', '..');

function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KOTAE_DATA_DIR: dataDir,
    KOTAE_SCHEDULER: 'false',
    ...extra,
  };
}

/** Runs the CLI with text on stdin; resolves with exit code and output. */
function run(
  args: string[],
  options: { env: NodeJS.ProcessEnv; input?: string },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('kotae command line', function () {
  this.timeout(120_000);
  const data = tempDir('kotae-cli-');
  after(() => data.cleanup());

  it('chats in a terminal: answer with sources, feedback, escalation to a ticket', async () => {
    const { code, stdout, stderr } = await run(['chat'], {
      env: env(data.dir),
      input: 'パスワードを忘れてしまいました\n/yes\n明日の天気は？\n/ticket 天気を知りたい\n/exit\n',
    });
    // The log (stderr) says why when a turn fails.
    assert.equal(code, 0, stderr);
    assert.match(stdout, /パスワード/);
    assert.match(stdout, /出典:/);
    assert.match(stdout, /ご回答ありがとうございました/);
    assert.match(stdout, /受付番号は HD-\d{4}-\d{6}/, stderr);
  });

  it('ingests a folder with a summary, and explains a missing folder', async () => {
    const ok = await run(['ingest', path.join(ROOT, 'sample-kb')], { env: env(data.dir) });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /チャンク数: +\d+件/);
    const missing = await run(['ingest', path.join(data.dir, 'no-such-folder')], { env: env(data.dir) });
    assert.notEqual(missing.code, 0);
    assert.match(missing.stdout + missing.stderr, /取り込み元のフォルダが見つからないか、読み取れません/);
  });

  it('rebuilds an index that no longer opens when run again without --force, and says so', async () => {
    const kb = path.join(ROOT, 'sample-kb');
    const damaged = currentIndexDir(data.dir) as string;
    fs.writeFileSync(path.join(damaged, 'chunks.json'), '[{"id": "FAQ-');
    const repaired = await run(['ingest', kb], { env: env(data.dir) });
    assert.equal(repaired.code, 0, repaired.stderr);
    assert.match(
      repaired.stdout,
      /^取り込みが完了しました（[0-9.]+秒）。\n現在の索引が読み込めなかったため、作り直しました。\n/m,
    );
    assert.notEqual(currentIndexDir(data.dir), damaged);
    const kept = await run(['ingest', kb], { env: env(data.dir) });
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(kept.stdout, /^変更はありませんでした。索引はそのままです/m);
    assert.doesNotMatch(kept.stdout, /作り直しました/);
  });

  it('stops at start with every configuration problem listed', async () => {
    const res = await run(['serve'], { env: env(data.dir, { PORT: 'x', KOTAE_DB: 'oracle', KOTAE_TYPO: '1' }) });
    assert.equal(res.code, 1);
    for (const key of ['PORT', 'KOTAE_DB', 'KOTAE_TYPO']) assert.match(res.stderr, new RegExp(key));
  });

  it('prints usage and rejects unknown commands', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'help'], { env: env(data.dir) });
    assert.match(stdout, /ingest/);
    const unknown = await run(['frobnicate'], { env: env(data.dir) });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /不明なコマンド/);
  });
});
