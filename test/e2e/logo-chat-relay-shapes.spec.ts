/**
 * LoGoチャット message shapes through a relay (the channel's HTTP mode): a text of only spaces, zero-width
 * characters or control characters gets one prompt and asks nothing; a text with a NUL and a zero-width space
 * is asked without them, once; a redelivered message id is answered once.
 */
import assert from 'node:assert/strict';
import { FakeLogoRelay } from '../fakes/logo-relay';
import { startLogoRelayApp, type LogoRelayApp } from '../helpers/logo-relay-app';

const PROMPT = 'ご質問の内容を文章で入力してください（例: 「パスワードを忘れました」）。';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LoGoチャット message shapes through a relay (NUL, invisible characters, redelivered message ids)', function () {
  this.timeout(60_000);
  const KEY = { id: 'key-shapes', secret: 'relay-secret-shapes-0123456789abcdef0123' };
  const talk = { id: 'talk-pair-shapes', type: 'pair', domainId: 'dom-1' };
  const user = { id: 'user-shapes', name: '住民課 山田' };
  let relay: FakeLogoRelay;
  let kotae: LogoRelayApp;
  let seq = 0;

  /** Posts one signed message event; `messageId` defaults to a new one. */
  async function message(text: string, extra: Record<string, unknown> = {}): Promise<void> {
    seq += 1;
    const raw = JSON.stringify({
      eventId: `e-${seq}`,
      type: 'message',
      talk,
      user,
      messageId: `m-${seq}`,
      text,
      ...extra,
    });
    const res = await fetch(`${kotae.url}/api/logo/events`, { method: 'POST', headers: relay.sign(raw), body: raw });
    assert.equal(res.status, 202);
  }
  async function postsAfter(from: number, n: number) {
    if (n > 0) await relay.waitForPosts(from + n);
    await sleep(300);
    const posts = relay.posts.slice(from);
    assert.equal(posts.length, n, JSON.stringify(posts.map((p) => p.body.message)));
    return posts.map((p) => p.body.message);
  }
  const questions = () => kotae.ds.getRepository('question').find({ order: { askedAt: 'ASC' } });

  before(async () => {
    relay = await FakeLogoRelay.start([KEY]);
    kotae = await startLogoRelayApp(relay.url, [KEY]);
  });
  after(async () => {
    await kotae?.stop();
    await relay?.stop();
  });

  it('prompts for words when a text has only spaces, zero-width characters or controls, and asks nothing', async () => {
    const from = relay.posts.length;
    await message(' \u200b\u3000\ufeff\n');
    await message('\u0000\u0007 \u2060');
    assert.deepEqual(await postsAfter(from, 2), [
      { kind: 'text', text: PROMPT },
      { kind: 'text', text: PROMPT },
    ]);
    assert.equal((await questions()).length, 0);
  });

  it('asks a text with a NUL and a zero-width space without them, once', async () => {
    const from = relay.posts.length;
    await message('VPN\u0000に\u200bつながりません');
    const [answer, yesno] = await postsAfter(from, 2);
    assert.equal(answer.kind, 'text');
    assert.deepEqual(yesno, { kind: 'yesno', question: '解決しましたか？' });
    assert.deepEqual(
      (await questions()).map((q) => q.text),
      ['VPNにつながりません'],
    );
  });

  it('answers a message id redelivered under a new event id once', async () => {
    const before = (await questions()).length;
    const from = relay.posts.length;
    await message('パスワードを忘れました', { messageId: 'm-again' });
    await message('パスワードを忘れました', { messageId: 'm-again' });
    await postsAfter(from, 2);
    assert.equal((await questions()).length, before + 1);
  });
});
