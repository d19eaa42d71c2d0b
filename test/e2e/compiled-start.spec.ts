/**
 * `npm start` as production runs it: `node bin/kotae.js serve` from the compiled build (dist/), with
 * tsx and every .ts file forbidden in the child; it must serve the health check, an answer and the
 * static assets that live beside the sources.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dir';

const ROOT = path.join(__dirname, '..', '..');
const FORBID_TSX = path.join(__dirname, 'fixtures', 'forbid-tsx.cjs');

describe('start-up from the compiled build', function () {
  this.timeout(120_000);
  const data = tempDir('kotae-compiled-');
  let child: ChildProcessWithoutNullStreams | undefined;
  let stderr = '';
  after(() => data.cleanup());
  afterEach(() => child?.kill('SIGKILL'));

  it('serves /healthz, an answer and the web assets with no TypeScript loaded', async () => {
    child = spawn(process.execPath, ['--require', FORBID_TSX, path.join(ROOT, 'bin', 'kotae.js'), 'serve'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: '0',
        KOTAE_DATA_DIR: data.dir,
        KOTAE_KB_DIR: path.join(ROOT, 'sample-kb'),
        KOTAE_ADMIN_PASSWORD: 'compiled-admin-password',
        KOTAE_SCHEDULER: 'false',
      },
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/[^\s:]+:(\d+)/.exec(out);
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      });
      void exited.then((code) => reject(new Error(`kotae exited with ${code}: ${stderr}`)));
    });
    let health = await fetch(`${url}/healthz`);
    for (let i = 0; health.status !== 200 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      health = await fetch(`${url}/healthz`);
    }
    assert.equal(health.status, 200);
    const status = (await health.json()) as { db: string; index: { ready: boolean } };
    assert.equal(status.db, 'ok');
    assert.equal(status.index.ready, true);

    const ask = await fetch(`${url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'パスワードを忘れてしまいました。どうすればいいですか？' }),
    });
    assert.equal(ask.status, 200);
    const answer = (await ask.json()) as { outcome: string; sources: { url: string }[] };
    assert.equal(answer.outcome, 'answered', JSON.stringify(answer));
    assert.equal(answer.sources[0].url, 'https://intra.kotonoha.example.lg.jp/helpdesk/faq/FAQ-0001');

    for (const [asset, type] of [
      ['/', /text\/html/],
      ['/static/chat.js', /javascript/],
      ['/console/assets/console.css', /text\/css/],
    ] as const) {
      const res = await fetch(url + asset);
      assert.equal(res.status, 200, asset);
      assert.match(res.headers.get('content-type') ?? '', type, asset);
    }

    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.doesNotMatch(stderr, /TypeScript at run time/);
  });
});
