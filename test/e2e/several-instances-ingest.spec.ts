/**
 * `kotae ingest` run by hand beside two running instances on one PostgreSQL database: the command
 * publishes a new knowledge index generation and both instances answer from the new content within
 * 10 s (they poll the generation — every 3 s by default, every second here — and rebuild from the shared
 * knowledge folder).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase, postgresServer, type PgServer, pgAppEnv } from '../helpers/postgres';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'kotae.js');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('kotae ingest beside two running instances on PostgreSQL', function () {
  this.timeout(180_000);
  let pg: PgServer;
  let database: string;
  const kb = tempDir('kotae-ingest-kb-');
  const cliData = tempDir('kotae-ingest-cli-');
  let env: Record<string, string>;
  const apps: RunningApp[] = [];
  before(async () => {
    pg = await postgresServer();
    database = await createTestDatabase(pg);
    fs.copyFileSync(path.join(ROOT, 'sample-kb', 'faq.csv'), path.join(kb.dir, 'faq.csv'));
    env = {
      ...pgAppEnv(pg, database),
      KOTAE_KB_DIR: kb.dir,
    };
    apps.push(await startApp(env, { indexPollMs: 1000 }), await startApp(env, { indexPollMs: 1000 }));
  });
  after(async () => {
    for (const a of apps) await a.stop();
    await dropTestDatabase(pg, database);
    kb.cleanup();
    cliData.cleanup();
  });

  it('publishes a generation; both instances answer the new FAQ within 10 s', async () => {
    const question = '庁舎の自転車置き場は何時に施錠されますか';
    const answer = '自転車置き場は毎日午後10時に施錠します（架空の案内）。';
    const ask = async (app: RunningApp) =>
      String(((await postJson(`${app.url}/api/ask`, { question })).body as { answer?: string }).answer);
    for (const app of apps) assert.doesNotMatch(await ask(app), /午後10時に施錠/);
    fs.appendFileSync(
      path.join(kb.dir, 'faq.csv'),
      `"FAQ-9001","その他","${question}","自転車置き場 施錠 時間","${answer}",""\n`,
    );
    const result = await run(['ingest', kb.dir], { ...env, KOTAE_DATA_DIR: cliData.dir });
    assert.equal(result.code, 0, result.out);
    assert.match(result.out, /稼働中のKotae（すべてのインスタンス）に新しい索引を通知しました（世代 1）/);
    const published = Date.now();
    const reached: number[] = [];
    for (const app of apps) {
      while (Date.now() - published < 10_000 && !/午後10時に施錠/.test(await ask(app))) {
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.match(await ask(app), /午後10時に施錠/, 'not answered within 10 s');
      reached.push(Date.now() - published);
    }
    console.log(`      both instances answered the new FAQ ${Math.max(...reached)} ms after kotae ingest finished`);
  });
});
