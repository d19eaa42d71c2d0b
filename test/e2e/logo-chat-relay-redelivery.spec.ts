/**
 * LoGoチャット relay: a join posted again under a new event id (joins carry no message id) is welcomed
 * once; a stamp answered with the wrong kind of `response` (an index for a yes/no, true / false or an index
 * beyond the options for a select) is refused with a Japanese 400 and can be posted again corrected.
 * Real core, SQLite, express route, loopback relay (test/fakes/logo-relay.ts).
 */
import assert from 'node:assert/strict';
import { FakeLogoRelay } from '../fakes/logo-relay';
import { startLogoRelayApp, type LogoRelayApp } from '../helpers/logo-relay-app';

const KEY = { id: 'key-redelivery', secret: 'relay-secret-redelivery-0123456789abcdef' };
const talk = { id: 'talk-pair-redelivery', type: 'pair', domainId: 'dom-1' };
const user = { id: 'user-redelivery', name: '住民課 山田' };
const YES_NO = 'はい／いいえのスタンプへの回答（response）は true（はい）または false（いいえ）で送ってください。';
const SELECT = (n: number) =>
  `選択肢のスタンプへの回答（response）は、選んだ選択肢の番号（0〜${n - 1}の整数）で送ってください。`;

describe('LoGoチャット relay: a redelivered join, stamp answers of the wrong kind', function () {
  this.timeout(60_000);
  let relay: FakeLogoRelay;
  let kotae: LogoRelayApp;
  let seq = 0;

  async function post(event: Record<string, unknown>) {
    const raw = JSON.stringify({ eventId: `evt-${++seq}`, talk, user, ...event });
    const res = await fetch(`${kotae.url}/api/logo/events`, { method: 'POST', headers: relay.sign(raw), body: raw });
    return { status: res.status, body: (await res.json()) as any };
  }
  /** Exactly `n` more posts after `from` (with a settle to catch extras). */
  async function postsAfter(from: number, n: number) {
    if (n > 0) await relay.waitForPosts(from + n);
    await new Promise((r) => setTimeout(r, 400));
    const posts = relay.posts.slice(from);
    assert.equal(posts.length, n, JSON.stringify(posts.map((p) => p.body.message)));
    return posts;
  }
  const feedbackCount = () => kotae.ds.getRepository('feedback').count();

  before(async () => {
    relay = await FakeLogoRelay.start([KEY]);
    kotae = await startLogoRelayApp(relay.url, [KEY]);
  });
  after(async () => {
    await kotae?.stop();
    await relay?.stop();
  });

  it('welcomes a join once when the relay posts it again under a new event id; another talk is welcomed', async () => {
    const from = relay.posts.length;
    const first = await post({ type: 'join' });
    const again = await post({ type: 'join' });
    const other = await post({ type: 'join', talk: { ...talk, id: 'talk-pair-other' }, user: { id: 'user-other' } });
    assert.deepEqual([first.status, again.status, other.status], [202, 202, 202]);
    const posts = await postsAfter(from, 2);
    assert.deepEqual(
      posts.map((p) => p.body.to),
      [{ talkId: talk.id }, { talkId: 'talk-pair-other' }],
    );
    for (const p of posts)
      assert.match((p.body.message as { text: string }).text, /^こんにちは。ヘルプデスクの自動応答/);
  });

  it('refuses a yes/no answered with a number with a Japanese 400, then takes it corrected', async () => {
    let from = relay.posts.length;
    await post({ type: 'message', messageId: 'm-vpn', text: 'VPNにつながりません' });
    const [, yesno] = await postsAfter(from, 2);
    assert.deepEqual(yesno.body.message, { kind: 'yesno', question: '解決しましたか？' });
    const feedbacks = await feedbackCount();

    from = relay.posts.length;
    const answer = { type: 'answer', messageId: 'a-1', inReplyTo: yesno.body.messageId };
    const refused = await post({ ...answer, eventId: 'evt-yesno-1', response: 1 });
    assert.deepEqual(refused, { status: 400, body: { error: { code: 'INPUT_INVALID', message: YES_NO } } });
    await postsAfter(from, 0);
    assert.equal(await feedbackCount(), feedbacks);

    // Not accepted, so the same event id may come again, corrected.
    const corrected = await post({ ...answer, eventId: 'evt-yesno-1', response: true });
    assert.deepEqual(corrected, { status: 202, body: { accepted: true, duplicate: false } });
    await postsAfter(from, 1);
    assert.equal(await feedbackCount(), feedbacks + 1);
  });

  it('refuses a select answered with true or an index beyond its options with a Japanese 400', async () => {
    let from = relay.posts.length;
    await post({ type: 'message', messageId: 'm-mail', text: 'メール' });
    const [, select] = await postsAfter(from, 2);
    assert.equal(select.body.message.kind, 'select');
    const n = (select.body.message.options as string[]).length;
    from = relay.posts.length;
    const answer = { type: 'answer', inReplyTo: select.body.messageId };
    const yes = await post({ ...answer, messageId: 's-1', response: true });
    const beyond = await post({ ...answer, messageId: 's-2', response: n });
    for (const r of [yes, beyond]) {
      assert.deepEqual(r, { status: 400, body: { error: { code: 'INPUT_INVALID', message: SELECT(n) } } });
    }
    await postsAfter(from, 0);
    const picked = await post({ ...answer, messageId: 's-3', response: 0 });
    assert.equal(picked.status, 202);
    const [reply] = await postsAfter(from, 2);
    assert.equal(reply.body.message.kind, 'text');
  });
});
