/**
 * Open stamps in relay mode on two full Kotae instances sharing one PostgreSQL database: the answer event for a
 * stamp posted by one instance is posted to the other. The feedback is recorded exactly once and the user gets
 * exactly the normal reply (not 「この選択肢は有効期限が切れています…」); the same stamp pressed twice at once (two
 * event ids, one to each instance) is taken once; a stamp made stale by a newer reply still gets the expired note.
 */
import assert from 'node:assert/strict';
import { FakeLogoRelay, type RelayPost } from '../fakes/logo-relay';
import { startInstancePair, type InstancePair } from '../helpers/instance-pair';
import type { RunningApp } from '../helpers/start-app';

const KEY = { id: 'key-stamps', secret: 'relay-secret-stamps-0123456789abcdef0123' };
const STALE = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const talk = { id: 'talk-pair-stamps', type: 'pair', domainId: 'dom-1' };
const user = { id: 'user-stamps', name: '住民課 山田', department: '住民課' };
/** A second member, with no open ticket (the first one's messages go to the ticket opened in the first test). */
const other = { id: 'user-stamps-2', name: '税務課 佐藤', department: '税務課' };

describe('LoGoチャット relay: a stamp answered on the other instance (PostgreSQL)', function () {
  this.timeout(120_000);
  let relay: FakeLogoRelay;
  let pair: InstancePair;
  let seq = 0;

  async function post(app: RunningApp, event: Record<string, unknown>): Promise<number> {
    seq += 1;
    const raw = JSON.stringify({ eventId: `evt-${seq}`, messageId: `msg-${seq}`, talk, user, ...event });
    const res = await fetch(`${app.url}/api/logo/events`, { method: 'POST', headers: relay.sign(raw), body: raw });
    await res.arrayBuffer();
    return res.status;
  }
  const ask = (app: RunningApp, text: string, who = user) =>
    post(app, { type: 'message', text, user: who, talk: { ...talk, id: `${talk.id}-${who.id}` } });
  const answer = (app: RunningApp, stamp: RelayPost, response: number | boolean, who = user) =>
    post(app, {
      type: 'answer',
      inReplyTo: stamp.body.messageId,
      response,
      user: who,
      talk: { ...talk, id: `${talk.id}-${who.id}` },
    });
  async function postsAfter(from: number, n: number): Promise<RelayPost[]> {
    if (n > 0) await relay.waitForPosts(from + n, 20_000);
    await new Promise((r) => setTimeout(r, 600));
    const posts = relay.posts.slice(from);
    assert.equal(posts.length, n, JSON.stringify(posts.map((p) => p.body.message)));
    return posts;
  }
  const message = (p: RelayPost) => p.body.message as { kind: string; text?: string; question?: string };
  const feedback = () => pair.one.app.dataSource.getRepository('feedback').find();

  before(async () => {
    relay = await FakeLogoRelay.start([KEY]);
    pair = await startInstancePair('postgres', {
      KOTAE_LOGO_MODE: 'relay',
      KOTAE_LOGO_RELAY_URL: relay.url,
      KOTAE_LOGO_RELAY_KEY_ID: KEY.id,
      KOTAE_LOGO_RELAY_SECRET: KEY.secret,
    });
  });
  after(async () => {
    await pair?.stop();
    await relay?.stop();
  });

  it('records the feedback once and answers normally when the answer reaches the other instance', async () => {
    let from = relay.posts.length;
    assert.equal(await ask(pair.one, '自宅からVPNにつながりません'), 202);
    const [, yesno] = await postsAfter(from, 2);
    assert.deepEqual(yesno.body.message, { kind: 'yesno', question: '解決しましたか？' });

    from = relay.posts.length;
    assert.equal(await answer(pair.two, yesno, false), 202);
    const [sorry, select] = await postsAfter(from, 2);
    assert.match(message(sorry).text ?? '', /申し訳ありません/);
    assert.deepEqual(select.body.message, {
      kind: 'select',
      question: '次の操作を選んでください。',
      options: ['担当者に問い合わせる'],
    });
    assert.deepEqual(
      (await feedback()).map((f) => f.resolved),
      [false],
    );

    // The select posted by the second instance, answered on the first; the details on the second.
    from = relay.posts.length;
    assert.equal(await answer(pair.one, select, 0), 202);
    const [askDetails] = await postsAfter(from, 1);
    assert.match(message(askDetails).text ?? '', /内容/);
    from = relay.posts.length;
    assert.equal(await ask(pair.two, '在宅勤務用の端末で、朝からVPNの接続がタイムアウトします。'), 202);
    const [created] = await postsAfter(from, 2);
    assert.match(message(created).text ?? '', /HD-\d{4}-\d{6}/);
    const tickets = await pair.one.app.dataSource.getRepository('ticket').find();
    assert.deepEqual(
      tickets.map((t) => [t.channel, t.details]),
      [['logo', '在宅勤務用の端末で、朝からVPNの接続がタイムアウトします。']],
    );
  });

  it('takes a stamp pressed twice at once on both instances once: one reply, one expired note', async () => {
    let from = relay.posts.length;
    await ask(pair.two, 'VPNに接続できません', other);
    const [, yesno] = await postsAfter(from, 2);
    assert.deepEqual(yesno.body.message, { kind: 'yesno', question: '解決しましたか？' });
    const before = (await feedback()).length;
    from = relay.posts.length;
    const statuses = await Promise.all([answer(pair.one, yesno, true, other), answer(pair.two, yesno, true, other)]);
    assert.deepEqual(statuses, [202, 202]);
    const posts = await postsAfter(from, 2);
    assert.deepEqual(
      posts.map((p) => message(p).text).sort(),
      [STALE, 'ご回答ありがとうございました。お役に立ててうれしいです。'].sort(),
    );
    assert.equal((await feedback()).length, before + 1);
  });

  it('still answers a stamp made stale by a newer reply with the expired note', async () => {
    let from = relay.posts.length;
    await ask(pair.one, '自宅からVPNにつながりません', other);
    const [, old] = await postsAfter(from, 2);
    assert.deepEqual(old.body.message, { kind: 'yesno', question: '解決しましたか？' });
    from = relay.posts.length;
    await ask(pair.one, 'パスワードを忘れました', other);
    await postsAfter(from, 2);
    const before = (await feedback()).length;
    from = relay.posts.length;
    assert.equal(await answer(pair.two, old, true, other), 202);
    const [stale] = await postsAfter(from, 1);
    assert.deepEqual(stale.body.message, { kind: 'text', text: STALE });
    assert.equal((await feedback()).length, before);
  });
});
