/**
 * Incremental index updates with two instances on one PostgreSQL database (issue 17 point 7): an FAQ
 * approved on one instance is answered there within 2 s, by an update in place of the serving index
 * (the same generation, one more delta in its log), and on the other within 10 s (it follows the
 * published generation counter and applies the same delta to its own index); an edited FAQ answers
 * with its edit and a deleted one stops being answered on both; the merge (a full build in a child
 * process) folds the updates into a new generation without changing the answers.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { currentIndexDir } from '../../ingest';
import { deltaFiles } from '../../knowledge';
import { createTestDatabase, dropTestDatabase, postgresServer, type PgServer, pgAppEnv } from '../helpers/postgres';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const QUESTION = '庁舎の自転車置き場は何時に施錠されますか';
const ANSWER = '自転車置き場は毎日午後10時に施錠します（架空の案内）。';
const EDITED = '自転車置き場は毎日午後11時に施錠します（架空の案内・改定後）。';

async function answerOf(app: RunningApp, question = QUESTION): Promise<string> {
  const res = await postJson(`${app.url}/api/ask`, { question });
  assert.equal(res.status, 200);
  return String((res.body as { answer?: string }).answer);
}

/** Milliseconds from `since` until `app` answers matching `pattern` (or fails after `limitMs`). */
async function until(app: RunningApp, pattern: RegExp, since: number, limitMs: number, negate = false) {
  while (Date.now() - since < limitMs) {
    if (pattern.test(await answerOf(app)) !== negate) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${negate ? 'still' : 'not'} answered ${pattern} within ${limitMs} ms`);
}

describe('incremental index updates on two instances (PostgreSQL)', function () {
  this.timeout(240_000);
  let pg: PgServer;
  let database: string;
  const kb = tempDir('kotae-incremental-kb-');
  const keys = tempDir('kotae-incremental-keys-');
  const apps: RunningApp[] = [];
  let faqId = '';
  before(async () => {
    pg = await postgresServer();
    database = await createTestDatabase(pg);
    fs.copyFileSync(path.join(__dirname, '../../sample-kb/faq.csv'), path.join(kb.dir, 'faq.csv'));
    const env = {
      ...pgAppEnv(pg, database),
      KOTAE_KB_DIR: kb.dir,
      KOTAE_AUDIT_KEY_FILE: path.join(keys.dir, 'audit.key'),
    };
    apps.push(await startApp(env, { indexPollMs: 1000 }), await startApp(env, { indexPollMs: 1000 }));
  });
  after(async () => {
    for (const a of apps) await a.stop();
    await dropTestDatabase(pg, database);
    kb.cleanup();
    keys.cleanup();
  });

  const generations = () => apps.map((a) => currentIndexDir(a.config.dataDir) as string);

  it('an approved FAQ answers on its instance within 2 s (in place) and on the other within 10 s', async () => {
    const [a, b] = apps;
    const before = generations();
    for (const app of apps) assert.doesNotMatch(await answerOf(app), /午後10時に施錠/);
    const draft = await a.app.operators.faqs.saveDraft(
      { category: 'その他', question: QUESTION, alternateQuestions: ['駐輪場 施錠 時間'], answer: ANSWER },
      undefined,
      'admin',
    );
    const approvedAt = Date.now();
    const change = await a.app.operators.faqs.approve(draft.id, draft.version, 'admin');
    assert.equal(change.reindexed, true);
    faqId = change.entry?.id ?? '';
    const here = await until(a, /午後10時に施錠/, approvedAt, 2000);
    const there = await until(b, /午後10時に施錠/, approvedAt, 10_000);
    console.log(`      approved FAQ answered after ${here} ms on its instance, ${there} ms on the other`);
    assert.deepEqual(generations(), before, 'no instance built a new generation');
    assert.deepEqual(
      before.map((dir) => deltaFiles(dir)),
      [['delta-000001.bin'], ['delta-000001.bin']],
    );
    assert.deepEqual(
      apps.map((app) => app.app.knowledge.live.status().updates?.added),
      [1, 1],
    );
  });

  it('an edited FAQ answers with its edit, a deleted one stops being answered, on both instances', async () => {
    const [a, b] = apps;
    const entry = await a.app.operators.faqs.get(faqId);
    const editedAt = Date.now();
    await a.app.operators.faqs.update(
      faqId,
      entry.version,
      { category: 'その他', question: QUESTION, alternateQuestions: ['駐輪場 施錠 時間'], answer: EDITED },
      'admin',
    );
    await until(a, /午後11時に施錠/, editedAt, 2000);
    await until(b, /午後11時に施錠/, editedAt, 10_000);
    const deletedAt = Date.now();
    await a.app.operators.faqs.remove(faqId, { username: 'admin', canPublish: true });
    await until(a, /自転車置き場は毎日/, deletedAt, 2000, true);
    await until(b, /自転車置き場は毎日/, deletedAt, 10_000, true);
    assert.deepEqual(
      generations().map((dir) => deltaFiles(dir).length),
      [3, 3],
    );
  });

  it('the merge (a full build in a child process) folds the updates into a new generation', async () => {
    const [a] = apps;
    const draft = await a.app.operators.faqs.saveDraft(
      { category: 'その他', question: QUESTION, alternateQuestions: [], answer: ANSWER },
      undefined,
      'admin',
    );
    await a.app.operators.faqs.approve(draft.id, draft.version, 'admin');
    const before = currentIndexDir(a.config.dataDir) as string;
    const summary = await a.app.knowledge.merge();
    assert.equal(summary.rebuilt, true);
    const after = currentIndexDir(a.config.dataDir) as string;
    assert.notEqual(after, before);
    assert.deepEqual(deltaFiles(after), []);
    const status = a.app.knowledge.live.status();
    assert.equal(status.updates, undefined);
    assert.ok(status.calibration, 'the merge calibrates the thresholds again');
    assert.match(await answerOf(a), /午後10時に施錠/);
  });
});
