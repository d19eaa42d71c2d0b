/**
 * Replies to the bot's own stamps that are not a plain pick (test/fixtures/logo-extra/clients, each file's
 * `_source` names the direct-js / hubot-direct code it follows), through the UNMODIFIED direct-js client in
 * Kotae's child process: a select answered past its options, with a negative index or with true/false, a yes/no
 * answered with an index (one 「有効期限が切れています」 each, nothing recorded), the stamp closed or marked done by
 * the member (nothing sent), and afterwards the right answer still counted exactly once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECT_IDS, FakeDirectServer, type ClientCall } from '../fakes/direct-server';
import type { Packed } from '../fakes/old-msgpack';
import { startApp, type RunningApp } from '../helpers/start-app';

const TOKEN = 'loopback-token-stamp-answers-0123';
const FIXTURES = join(__dirname, '..', 'fixtures', 'logo-extra', 'clients');
const STALE = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';
const { pairTalk, yamada } = DIRECT_IDS;
/** Longer than direct-js's 550 ms pacing plus its 200 ms dispatch delay. */
const SETTLE_MS = 800;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fixture's `{type, content}` answering `stamp` (its `in_reply_to` set to the stamp's int64 id). */
function answerTo(name: string, stamp: ClientCall): { type: number; content: Packed } {
  const raw = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as {
    type: number;
    content: Record<string, Packed>;
  };
  return { type: raw.type, content: { ...raw.content, in_reply_to: FakeDirectServer.messageIdOf(stamp) } };
}

describe('LoGoチャット replies to the bot’s stamps that are not a plain pick (direct-js)', function () {
  this.timeout(120_000);
  let server: FakeDirectServer;
  let kotae: RunningApp;

  const count = () => server.callsOf('create_message').length;
  async function sentAfter(from: number, n: number): Promise<ClientCall[]> {
    if (n > 0) await server.waitForCalls('create_message', from + n, 15_000);
    await sleep(SETTLE_MS);
    const sent = server.callsOf('create_message').slice(from);
    assert.equal(sent.length, n, JSON.stringify(sent.map((c) => c.params[2])));
    return sent;
  }
  const texts = (calls: ClientCall[]) => calls.map((c) => [c.params[1], c.params[2]]);
  const rows = async () => {
    const ds = kotae.app.dataSource;
    return [await ds.getRepository('question').count(), await ds.getRepository('feedback').count()];
  };
  /** Asks in the pair talk and returns the stamp of the reply with the given type (502 select, 500 yes/no). */
  async function stampFor(question: string, type: 500 | 502): Promise<ClientCall> {
    const from = count();
    server.push({ talkId: pairTalk, userId: yamada, type: 1, content: question });
    const sent = await sentAfter(from, 2);
    const stamp = sent.find((c) => c.params[1] === type);
    assert.ok(stamp, JSON.stringify(sent.map((c) => c.params[1])));
    return stamp;
  }

  before(async () => {
    server = await FakeDirectServer.start({ token: TOKEN });
    kotae = await startApp({
      KOTAE_LOGO_MODE: 'direct',
      KOTAE_LOGO_ENDPOINT: server.endpoint,
      KOTAE_LOGO_TOKEN: TOKEN,
      KOTAE_LOGO_BOT_NAME: 'ヘルプデスクbot',
    });
    for (let i = 0; i < 100; i++) {
      const health = (await (await fetch(`${kotae.url}/healthz`)).json()) as { logo: { ready: boolean } };
      if (health.logo.ready) break;
      await sleep(100);
    }
  });
  after(async () => {
    const problems = kotae?.logger.lines.filter((l) => l.level === 'error');
    await kotae?.stop();
    await server?.stop();
    assert.deepEqual(problems, []);
  });

  it('tells a select answered past its options, with a negative index or true/false that it expired, once each', async () => {
    const select = await stampFor('メール', 502);
    const before = await rows();
    for (const name of [
      'select-answer-out-of-range.json',
      'select-answer-negative.json',
      'select-answer-boolean.json',
    ]) {
      const from = count();
      server.push({ talkId: pairTalk, userId: yamada, ...answerTo(name, select) });
      assert.deepEqual(texts(await sentAfter(from, 1)), [[1, STALE]], name);
    }
    assert.deepEqual(await rows(), before);
  });

  it('sends nothing when the member closes the stamps or marks them done; the yes/no then counts once', async () => {
    const select = await stampFor('メール', 502);
    let from = count();
    server.push({ talkId: pairTalk, userId: yamada, ...answerTo('select-closed.json', select) });
    server.push({ talkId: pairTalk, userId: yamada, ...answerTo('todo-done-on-bot-stamp.json', select) });
    await sentAfter(from, 0);

    const yesno = await stampFor('パスワードを忘れてしまいました。どうすればいいですか？', 500);
    const [questions, feedback] = await rows();
    from = count();
    server.push({ talkId: pairTalk, userId: yamada, ...answerTo('yesno-answer-index.json', yesno) });
    assert.deepEqual(texts(await sentAfter(from, 1)), [[1, STALE]]);
    from = count();
    server.push({ talkId: pairTalk, userId: yamada, ...answerTo('yesno-closed.json', yesno) });
    server.push({ talkId: pairTalk, userId: yamada, ...answerTo('todo-done-on-bot-stamp.json', yesno) });
    await sentAfter(from, 0);
    from = count();
    server.pushAnswer(pairTalk, yamada, yesno, true);
    assert.deepEqual(texts(await sentAfter(from, 1)), [[1, THANKS]]);
    from = count();
    server.pushAnswer(pairTalk, yamada, yesno, true);
    assert.deepEqual(texts(await sentAfter(from, 1)), [[1, STALE]]);
    assert.deepEqual(await rows(), [questions, feedback + 1]);
  });
});
