/**
 * A knowledge index built by ingest and then damaged (truncated vectors.hnsw, broken chunks.json, a
 * manifest of another format version): the server still starts, so the console and tickets work; it logs
 * the error; /healthz answers 503 with `index.state: unavailable` and the error's code; /api/ask answers
 * 503 with a Japanese message that the knowledge cannot be read (never a 500, never an empty answer); an
 * ingest from the console rebuilds the index and answers come back.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { currentIndexDir } from '../../ingest';
import { signInConsole } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'x-kotae-conversation-token';
const CONTACT = { name: '山田 花子', department: '総務課', phone: '内線 1234' };
const UNREADABLE = 'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。';

interface IndexHealth {
  ok: boolean;
  db: string;
  index: { ready: boolean; state: string; error?: { code: string; message: string; generation?: string } };
}

async function health(app: RunningApp): Promise<{ status: number; body: IndexHealth }> {
  const res = await fetch(`${app.url}/healthz`);
  return { status: res.status, body: (await res.json()) as IndexHealth };
}

describe('a knowledge index that cannot be loaded', function () {
  this.timeout(240_000);
  const built = tempDir('kotae-broken-index-built-');
  const cases: { cleanup(): void }[] = [];
  let app: RunningApp | undefined;
  /** A conversation of the intact index, to escalate while the index is broken. */
  let conversation: { id: string; token: string };

  before(async function () {
    this.timeout(240_000);
    // A real index: the first start ingests the sample knowledge base into the data folder.
    const first = await startApp({ KOTAE_DATA_DIR: built.dir }, { keepDataDir: true });
    const asked = await postJson(`${first.url}/api/ask`, { question: 'VPNにつながりません', user: CONTACT });
    assert.equal(asked.status, 200);
    conversation = { id: asked.body.conversationId, token: asked.body.conversationToken };
    await first.stop();
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });
  after(() => {
    for (const c of cases) c.cleanup();
    built.cleanup();
  });

  /** A copy of the built data folder with its index generation damaged by `damage`, and the app on it. */
  async function startDamaged(damage: (generation: string) => void): Promise<{ app: RunningApp; generation: string }> {
    const copy = tempDir('kotae-broken-index-');
    cases.push(copy);
    fs.cpSync(built.dir, copy.dir, { recursive: true });
    const generation = currentIndexDir(copy.dir) as string;
    damage(generation);
    app = await startApp({ KOTAE_DATA_DIR: copy.dir }, { keepDataDir: true });
    return { app, generation };
  }

  it('truncated vectors.hnsw: starts, /healthz 503, questions refused in Japanese, tickets work, a console ingest repairs it', async () => {
    const { app: broken, generation } = await startDamaged((g) => {
      const file = path.join(g, 'vectors.hnsw');
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3));
    });
    const failures = broken.logger.lines.filter((l) => l.msg === 'knowledge index load failed');
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.fields?.code, 'KB_INDEX_CORRUPT');
    assert.match(String(failures[0]!.fields?.error), /hnsw file unreadable/);

    const down = await health(broken);
    assert.equal(down.status, 503);
    assert.equal(down.body.ok, false);
    assert.equal(down.body.db, 'ok');
    assert.deepEqual(
      { ready: down.body.index.ready, state: down.body.index.state, code: down.body.index.error?.code },
      { ready: false, state: 'unavailable', code: 'KB_INDEX_CORRUPT' },
    );
    assert.equal(down.body.index.error?.generation, path.basename(generation));
    assert.match(down.body.index.error?.message ?? '', /^ナレッジの索引を読み込めません/);

    const refused = await postJson(`${broken.url}/api/ask`, { question: 'パスワードを忘れました', user: CONTACT });
    assert.equal(refused.status, 503);
    assert.equal(refused.body.error.code, 'KB_INDEX_CORRUPT');
    assert.equal(refused.body.error.message, UNREADABLE);
    const inConversation = await postJson(
      `${broken.url}/api/ask`,
      { question: 'プリンターが動きません', conversationId: conversation.id },
      { [TOKEN]: conversation.token },
    );
    assert.equal(inConversation.status, 503);
    assert.equal(inConversation.body.error.message, UNREADABLE);
    // The broken generation is not read again by each question.
    assert.equal(broken.logger.lines.filter((l) => l.msg === 'knowledge index load failed').length, 1);

    // Tickets and the console work without the index.
    const ticket = await postJson(
      `${broken.url}/api/tickets`,
      { conversationId: conversation.id, details: 'VPNにつながりません', user: CONTACT },
      { [TOKEN]: conversation.token },
    );
    assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
    const admin = await signInConsole(broken.url, 'admin', 'e2e-admin-password');
    assert.match((await admin.get('/console/tickets')).text, new RegExp(ticket.body.number));
    const page = await admin.get('/console/knowledge');
    assert.equal(page.status, 200);
    assert.match(page.text, /<section aria-labelledby="idx-h" id="index-state" data-state="unavailable">/);
    assert.match(page.text, /<p class="error">ナレッジの索引を読み込めません（ファイルの欠落・破損など）。/);

    // An ingest from the console (no file changed) rebuilds the unreadable index.
    await broken.app.knowledgeJobs.ingest.request('アップロード');
    const job = broken.app.knowledgeJobs.ingest.status();
    assert.equal(job.state, 'done', job.error);
    assert.notEqual(currentIndexDir(broken.dataDir), generation);
    const up = await health(broken);
    assert.equal(up.status, 200);
    assert.deepEqual({ ready: up.body.index.ready, state: up.body.index.state }, { ready: true, state: 'ok' });
    const answered = await postJson(`${broken.url}/api/ask`, { question: 'パスワードを忘れてしまいました。' });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.outcome, 'answered');
    assert.doesNotMatch((await admin.get('/console/knowledge')).text, /id="index-state"/);
  });

  for (const [name, damage] of [
    ['broken JSON in chunks.json', (g: string) => fs.writeFileSync(path.join(g, 'chunks.json'), '[{"id": "FAQ-')],
    [
      'a manifest of another format version',
      (g: string) => {
        const file = path.join(g, 'manifest.json');
        fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), format: 2 }));
      },
    ],
    ['a missing manifest (an interrupted build)', (g: string) => fs.rmSync(path.join(g, 'manifest.json'))],
  ] as const) {
    it(`${name}: /healthz 503 unavailable and /api/ask 503 in Japanese`, async () => {
      const { app: broken } = await startDamaged(damage);
      const down = await health(broken);
      assert.equal(down.status, 503);
      assert.deepEqual(
        { ok: down.body.ok, state: down.body.index.state, code: down.body.index.error?.code },
        { ok: false, state: 'unavailable', code: 'KB_INDEX_CORRUPT' },
      );
      const refused = await postJson(`${broken.url}/api/ask`, { question: 'パスワードを忘れました' });
      assert.equal(refused.status, 503);
      assert.deepEqual(refused.body.error.message, UNREADABLE);
    });
  }
});
