/**
 * `npm start` as production runs it: `node bin/kotae.js serve` from the compiled build (dist/), with
 * tsx and every .ts file forbidden in the child; it must serve the health check, an answer and the
 * static assets that live beside the sources; a start on an existing index loads no library that only
 * reports, ingest, cloud models or Teams need.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dir';

const ROOT = path.join(__dirname, '..', '..');
const FORBID_TSX = path.join(__dirname, 'fixtures', 'forbid-tsx.cjs');

/** Packages the question path does not need: loaded when first used, never by a start. */
const LAZY_PACKAGES = [
  'exceljs',
  'pdfkit',
  'pdfjs-dist',
  'mammoth',
  'cheerio',
  '@langchain/textsplitters',
  'openai',
  '@azure/msal-node',
  '@microsoft/microsoft-graph-client',
  '@microsoft/agents-hosting',
];

interface Started {
  url: string;
  exited: Promise<number | null>;
  stderr: () => string;
}

describe('start-up from the compiled build', function () {
  this.timeout(120_000);
  const data = tempDir('kotae-compiled-');
  let child: ChildProcessWithoutNullStreams | undefined;
  after(() => data.cleanup());
  afterEach(() => child?.kill('SIGKILL'));

  /** `node bin/kotae.js serve` with tsx forbidden; resolves once /healthz answers 200. */
  async function start(extraEnv: Record<string, string> = {}): Promise<Started> {
    let stderr = '';
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
        ...extraEnv,
      },
    });
    const proc = child;
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d: Buffer) => {
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
    return { url, exited, stderr: () => stderr };
  }

  async function askPassword(url: string): Promise<void> {
    const ask = await fetch(`${url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'パスワードを忘れてしまいました。どうすればいいですか？' }),
    });
    assert.equal(ask.status, 200);
    const answer = (await ask.json()) as { outcome: string; sources: { url: string }[] };
    assert.equal(answer.outcome, 'answered', JSON.stringify(answer));
    assert.equal(answer.sources[0].url, 'https://intra.kotonoha.example.lg.jp/helpdesk/faq/FAQ-0001');
  }

  async function stop(s: Started): Promise<void> {
    child!.kill('SIGTERM');
    assert.equal(await s.exited, 0, s.stderr());
    assert.doesNotMatch(s.stderr(), /TypeScript at run time/);
  }

  it('serves /healthz, an answer and the web assets with no TypeScript loaded', async () => {
    const kotae = await start();
    await askPassword(kotae.url);
    for (const [asset, type] of [
      ['/', /text\/html/],
      ['/static/chat.js', /javascript/],
      ['/console/assets/console.css', /text\/css/],
    ] as const) {
      const res = await fetch(kotae.url + asset);
      assert.equal(res.status, 200, asset);
      assert.match(res.headers.get('content-type') ?? '', type, asset);
    }
    await stop(kotae);
  });

  it('starts on the existing index and answers without loading the report, ingest, cloud or Teams libraries', async () => {
    const report = path.join(data.dir, 'loaded-modules.json');
    const kotae = await start({ LOADED_MODULES_FILE: report });
    await askPassword(kotae.url);
    await stop(kotae);
    const loaded = JSON.parse(readFileSync(report, 'utf8')) as string[];
    const packages = new Set(loaded.map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]));
    assert.deepEqual(
      LAZY_PACKAGES.filter((p) => packages.has(p)),
      [],
    );
    assert.ok(packages.has('kuromoji') && packages.has('express'), [...packages].join(' '));
  });
});
