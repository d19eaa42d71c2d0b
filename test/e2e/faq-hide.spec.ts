/**
 * A sheet's FAQ hidden from the console (「回答に使わない（非公開にする）」) on the real app, SQLite and PostgreSQL:
 * the bot stops answering with it at once (an update in place of the serving index), it stays out after the
 * sheet is ingested again, and 「公開に戻す」 answers with the sheet's (new) text again.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase, postgresServer, pgAppEnv } from '../helpers/postgres';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const QUESTION = 'パスワードを忘れてパソコンにログインできません。';
const ADMIN = { username: 'admin', canPublish: true };

const FAQ_URL = 'https://intra.kotonoha.example.lg.jp/helpdesk/faq/FAQ-0001';
const OTHER = 'LoGoチャットのパスワードは、庁内パソコンのパスワードとは別です。';

interface Asked {
  outcome: string;
  answer: string;
  /** The sources' links, and the clarify candidates as JSON (to look for the hidden FAQ in). */
  sources: string[];
  choices: string;
}

async function ask(app: RunningApp): Promise<Asked> {
  const res = await postJson(`${app.url}/api/ask`, { question: QUESTION });
  assert.equal(res.status, 200);
  const body = res.body as { outcome: string; answer: string; sources: { url?: string }[]; choices?: unknown };
  return {
    outcome: body.outcome,
    answer: body.answer,
    sources: body.sources.map((s) => String(s.url)),
    choices: JSON.stringify(body.choices ?? []),
  };
}

/** The hidden FAQ is nowhere in the reply: not the answer, not a source, not a candidate. */
function assertHidden(a: Asked): void {
  assert.equal(a.outcome, 'tentative');
  assert.ok(a.answer.includes(OTHER), a.answer);
  assert.doesNotMatch(a.answer, /ご本人確認のうえでパスワードをリセットします/);
  assert.equal(a.sources.length, 1);
  assert.ok(!a.sources.includes(FAQ_URL));
  assert.doesNotMatch(a.choices, /パスワードを忘れてパソコン|FAQ-0001/);
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`hiding a sheet FAQ from the console (${kind})`, function () {
    this.timeout(240_000);
    const kb = tempDir('kotae-faq-hide-kb-');
    let app: RunningApp;
    let drop = async () => undefined as void;
    const sheet = path.join(kb.dir, 'faq.csv');
    before(async () => {
      fs.copyFileSync(path.join(__dirname, '../../sample-kb/faq.csv'), sheet);
      let env: Record<string, string> = { KOTAE_KB_DIR: kb.dir };
      if (kind === 'postgres') {
        const pg = await postgresServer();
        const database = await createTestDatabase(pg);
        env = { ...env, ...pgAppEnv(pg, database) };
        drop = () => dropTestDatabase(pg, database);
      }
      app = await startApp(env);
    });
    after(async () => {
      await app.stop();
      await drop();
      kb.cleanup();
    });

    it('stops answering with it, keeps it hidden after a re-ingest, and answers again once published', async () => {
      const first = await ask(app);
      assert.equal(first.outcome, 'answered');
      assert.match(first.answer, /^ご本人確認のうえでパスワードをリセットします。.*（通常30分程度）/);
      assert.equal(first.sources[0], FAQ_URL);
      const generation = app.app.knowledge.live.status();
      const change = await app.app.operators.faqs.setIndexedHidden('FAQ-0001', true, ADMIN);
      assert.equal(change.reindexed, true);
      assertHidden(await ask(app));
      assert.equal(app.app.knowledge.live.status().updates?.removed, 1, 'an update in place removed the FAQ');
      assert.equal(generation.updates, undefined);
      fs.writeFileSync(sheet, fs.readFileSync(sheet, 'utf8').replace('（通常30分程度）', '（通常20分程度）'));
      const summary = await app.app.knowledge.ingest();
      assert.deepEqual(summary.skipped, []);
      assertHidden(await ask(app));
      await app.app.operators.faqs.setIndexedHidden('FAQ-0001', false, ADMIN);
      const back = await ask(app);
      assert.equal(back.outcome, 'answered');
      assert.match(back.answer, /^ご本人確認のうえでパスワードをリセットします。.*（通常20分程度）/);
      assert.equal(back.sources[0], FAQ_URL);
      assert.deepEqual(await app.app.operators.faqs.list(), []);
    });
  });
}
