/**
 * LoGoチャット in relay mode, end to end on the real app: signed events in at POST /api/logo/events,
 * signed messages out to the relay (test/fakes/logo-relay.ts). Bad signatures, expired timestamps,
 * replayed nonces and duplicate event ids are refused or ignored exactly.
 */
import assert from 'node:assert/strict';
import { FakeLogoRelay } from '../fakes/logo-relay';
import { startApp, type RunningApp } from '../helpers/start-app';

const KEY = { id: 'key-2026-12', secret: 'relay-secret-0123456789abcdef0123456789' };
const NEXT = { id: 'key-2027-01', secret: 'relay-secret-next-0123456789abcdef012345' };
const talk = { id: 'talk-pair-yamada', type: 'pair', domainId: 'dom-1' };
const user = { id: 'user-yamada', name: '住民課 山田', department: '住民課' };

describe('LoGoチャット relay mode (signed events in, signed messages out)', function () {
  this.timeout(60_000);
  let relay: FakeLogoRelay;
  let kotae: RunningApp;
  let seq = 0;

  const message = (text: string, extra: Record<string, unknown> = {}) => ({
    eventId: `evt-${++seq}`,
    type: 'message',
    talk,
    user,
    messageId: `m-${seq}`,
    text,
    ...extra,
  });
  async function post(body: unknown, headers?: Record<string, string>) {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(`${kotae.url}/api/logo/events`, {
      method: 'POST',
      headers: headers ?? relay.sign(raw),
      body: raw,
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  /** Waits for exactly `n` more posts after `from` (and a short settle to catch extras). */
  async function postsAfter(from: number, n: number) {
    await relay.waitForPosts(from + n);
    await new Promise((r) => setTimeout(r, 150));
    const posts = relay.posts.slice(from);
    assert.equal(posts.length, n, JSON.stringify(posts.map((p) => p.body.message)));
    return posts;
  }

  before(async () => {
    relay = await FakeLogoRelay.start([KEY, NEXT]);
    kotae = await startApp({
      KOTAE_LOGO_MODE: 'relay',
      KOTAE_LOGO_RELAY_URL: relay.url,
      KOTAE_LOGO_RELAY_KEY_ID: KEY.id,
      KOTAE_LOGO_RELAY_SECRET: KEY.secret,
      KOTAE_LOGO_RELAY_NEXT_KEY_ID: NEXT.id,
      KOTAE_LOGO_RELAY_NEXT_SECRET: NEXT.secret,
    });
  });
  after(async () => {
    await kotae?.stop();
    await relay?.stop();
  });

  it('accepts a valid event and posts the answer and the yes/no stamp, signed with the active key', async () => {
    const res = await post(message('パスワードを忘れてしまいました。どうすればいいですか？'));
    assert.deepEqual(res, { status: 202, body: { accepted: true, duplicate: false } });
    const [answer, yesno] = await postsAfter(0, 2);
    assert.deepEqual(
      [answer.keyId, answer.signatureValid, yesno.keyId, yesno.signatureValid],
      [KEY.id, true, KEY.id, true],
    );
    assert.deepEqual(answer.body.to, { talkId: talk.id });
    assert.equal(answer.body.message.kind, 'text');
    assert.match((answer.body.message as { text: string }).text, /参考資料:/);
    assert.deepEqual(yesno.body.message, { kind: 'yesno', question: '解決しましたか？' });
    assert.match(yesno.body.messageId, /^k-[0-9a-f-]{36}$/);
    const health = (await (await fetch(`${kotae.url}/healthz`)).json()) as { logo: unknown };
    assert.deepEqual(health.logo, { mode: 'relay', state: 'ready', ready: true, restarts: 0 });
  });

  it('accepts the next key during a rotation', async () => {
    const from = relay.posts.length;
    const raw = JSON.stringify(message('VPNにつながりません'));
    const res = await post(raw, relay.sign(raw, { key: NEXT }));
    assert.equal(res.status, 202);
    await postsAfter(from, 2);
  });

  it('refuses tampered, expired and replayed requests, and ignores a duplicate event id', async () => {
    const from = relay.posts.length;
    const questions = await kotae.app.dataSource.getRepository('question').count();
    const raw = JSON.stringify(message('プリンタで印刷できません'));
    const headers = relay.sign(raw);

    const tampered = await post(raw.replace('プリンタ', 'スキャナ'), headers);
    assert.equal(tampered.status, 401);
    assert.deepEqual(tampered.body.error, { code: 'AUTH_REQUIRED', message: '署名を検証できませんでした。' });

    const old = await post(raw, relay.sign(raw, { timestampSec: Math.floor(Date.now() / 1000) - 301 }));
    assert.equal(old.status, 401);
    assert.match(old.body.error.message, /有効期限/);

    const unknownKey = await post(raw, relay.sign(raw, { key: { id: 'key-old', secret: KEY.secret } }));
    assert.equal(unknownKey.status, 401);

    assert.equal((await post(raw, headers)).status, 202);
    const replayed = await post(raw, headers);
    assert.equal(replayed.status, 409);
    assert.match(replayed.body.error.message, /nonce/);

    const duplicate = await post(raw);
    assert.deepEqual(duplicate, { status: 200, body: { accepted: true, duplicate: true } });

    await postsAfter(from, 2);
    assert.equal(await kotae.app.dataSource.getRepository('question').count(), questions + 1);
  });

  it('answers bad input with Japanese errors: not JSON, unknown event type, missing fields', async () => {
    const notJson = await post('{"eventId":');
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.error.message, 'イベントの形式が正しくありません。');
    const unknown = await post({ eventId: 'evt-x', type: 'reaction', talk, user });
    assert.equal(unknown.status, 400);
    const missing = await post({ eventId: 'evt-y', type: 'message', talk });
    assert.equal(missing.status, 400);
  });

  it('picks a candidate from a select answer and escalates with the details, by relay events', async () => {
    let from = relay.posts.length;
    await post(message('メール'));
    const [, select] = await postsAfter(from, 2);
    assert.equal(select.body.message.kind, 'select');
    const options = (select.body.message as { options: string[] }).options;
    from = relay.posts.length;
    const pick = { eventId: `evt-${++seq}`, type: 'answer', talk, user, messageId: `m-${seq}` };
    await post({ ...pick, inReplyTo: select.body.messageId, response: 3 });
    const [askDetails] = await postsAfter(from, 1);
    assert.equal(options[3], '担当者に問い合わせる');
    assert.match((askDetails.body.message as { text: string }).text, /内容/);
    from = relay.posts.length;
    await post(message('LGWANメールが届きません'));
    const [created] = await postsAfter(from, 1);
    const number = /HD-\d{4}-\d{6}/.exec((created.body.message as { text: string }).text)?.[0];
    const ticket = await kotae.app.dataSource.getRepository('ticket').findOneByOrFail({ number });
    assert.deepEqual(
      [ticket.channel, ticket.requesterId, ticket.requesterName, ticket.department],
      ['logo', user.id, user.name, user.department],
    );
    // The old select is stale now.
    from = relay.posts.length;
    await post({
      ...pick,
      eventId: `evt-${++seq}`,
      messageId: `m-${seq}`,
      inReplyTo: select.body.messageId,
      response: 1,
    });
    const [stale] = await postsAfter(from, 1);
    assert.match((stale.body.message as { text: string }).text, /有効期限が切れています/);
  });

  it('refuses a question over the limit politely and answers stamps with a note', async () => {
    const from = relay.posts.length;
    await post(message('あ'.repeat(2001)));
    const [tooLong] = await postsAfter(from, 1);
    assert.deepEqual(tooLong.body.message, {
      kind: 'text',
      text: '質問が長すぎます。2000文字以内で入力してください。',
    });
    await post(message('', { contentType: 'stamp' }));
    const [stamp] = await postsAfter(from + 1, 1);
    assert.match((stamp.body.message as { text: string }).text, /文章で送信してください/);
  });

  it('answers a burst of 100 messages in order, none dropped', async () => {
    const from = relay.posts.length;
    const burstUser = { id: 'user-burst', name: '企画課 田中' };
    const burstTalk = { id: 'talk-burst', type: 'pair', domainId: 'dom-1' };
    const texts = Array.from({ length: 100 }, (_, i) => `質問${i + 1}: パスワードを忘れました`);
    const statuses = await Promise.all(
      texts.map((text, i) =>
        post({ eventId: `burst-${i}`, type: 'message', talk: burstTalk, user: burstUser, messageId: `b-${i}`, text }),
      ),
    );
    assert.deepEqual(new Set(statuses.map((s) => s.status)), new Set([202]));
    const posts = await postsAfter(from, 200);
    assert.deepEqual(
      posts.map((p) => p.body.message.kind),
      texts.flatMap(() => ['text', 'yesno']),
    );
    const conversation = await kotae.app.dataSource
      .getRepository('conversation')
      .findOneByOrFail({ requesterId: burstUser.id });
    const asked = await kotae.app.dataSource
      .getRepository('question')
      .find({ where: { conversationId: conversation.id }, order: { askedAt: 'ASC' } });
    assert.equal(asked.length, 100);
    const lines = await kotae.app.dataSource
      .getRepository('transcript_entry')
      .find({ where: { conversationId: conversation.id, role: 'user' }, order: { seq: 'ASC' } });
    assert.deepEqual(
      lines.map((l) => l.text),
      texts,
    );
  });
});
