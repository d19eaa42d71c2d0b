/**
 * LoGoチャット in relay mode, end to end over HTTP (real core, SQLite, express route; a fixed fake
 * knowledge base instead of the index): signed events in at POST /api/logo/events,
 * signed messages out to the relay (test/fakes/logo-relay.ts). Bad signatures, expired timestamps,
 * replayed nonces and duplicate event ids are refused or ignored exactly.
 */
import assert from 'node:assert/strict';
import { FakeLogoRelay } from '../fakes/logo-relay';
import { startLogoRelayApp, type LogoRelayApp } from '../helpers/logo-relay-app';

const KEY = { id: 'key-2026-12', secret: 'relay-secret-0123456789abcdef0123456789' };
const NEXT = { id: 'key-2027-01', secret: 'relay-secret-next-0123456789abcdef012345' };
const talk = { id: 'talk-pair-yamada', type: 'pair', domainId: 'dom-1' };
const user = { id: 'user-yamada', name: '住民課 山田', department: '住民課' };

describe('LoGoチャット relay mode (signed events in, signed messages out)', function () {
  this.timeout(60_000);
  let relay: FakeLogoRelay;
  let kotae: LogoRelayApp;
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
    kotae = await startLogoRelayApp(relay.url, [KEY, NEXT]);
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
    const questions = await kotae.ds.getRepository('question').count();
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
    assert.equal(await kotae.ds.getRepository('question').count(), questions + 1);
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

  it('picks a candidate from a select answer, records the yes/no as feedback, escalates by select + details', async () => {
    const answerEvent = (inReplyTo: string, response: number | boolean) => ({
      eventId: `evt-${++seq}`,
      type: 'answer',
      talk,
      user,
      messageId: `m-${seq}`,
      inReplyTo,
      response,
    });
    const textOf = (p: { body: { message: unknown } }) => (p.body.message as { text: string }).text;
    let from = relay.posts.length;
    await post(message('メール'));
    const [, select] = await postsAfter(from, 2);
    assert.deepEqual(select.body.message, {
      kind: 'select',
      question: 'ご質問に近いものを選んでください。',
      options: [
        'LGWANメールとインターネットメールの違い',
        'メールの無害化とは',
        'メールの容量を増やしたい',
        '担当者に問い合わせる',
      ],
    });

    from = relay.posts.length;
    await post(answerEvent(select.body.messageId, 0));
    const [answer, yesno] = await postsAfter(from, 2);
    assert.match(textOf(answer), /^LGWANメールは閉域網のメールです。/);
    const [asked] = await kotae.ds.getRepository('question').find({ order: { askedAt: 'DESC' }, take: 1 });
    assert.equal(asked.text, 'LGWANメールとインターネットメールの違い');

    from = relay.posts.length;
    await post(answerEvent(yesno.body.messageId, false));
    const [sorry, escalate] = await postsAfter(from, 2);
    assert.match(textOf(sorry), /申し訳ありません/);
    const feedback = await kotae.ds.getRepository('feedback').find();
    assert.deepEqual(
      feedback.map((f) => [f.resolved, f.questionId]),
      [[false, asked.id]],
    );
    assert.deepEqual(escalate.body.message, {
      kind: 'select',
      question: '次の操作を選んでください。',
      options: ['担当者に問い合わせる'],
    });

    from = relay.posts.length;
    await post(answerEvent(escalate.body.messageId, 0));
    const [askDetails] = await postsAfter(from, 1);
    assert.match(textOf(askDetails), /内容/);
    from = relay.posts.length;
    await post(message('LGWANメールが届きません'));
    const [created, statusSelect] = await postsAfter(from, 2);
    assert.deepEqual(statusSelect.body.message, {
      kind: 'select',
      question: '次の操作を選んでください。',
      options: ['お問い合わせ状況'],
    });
    const number = /HD-\d{4}-\d{6}/.exec(textOf(created))?.[0];
    const ticket = await kotae.ds.getRepository('ticket').findOneByOrFail({ number });
    assert.deepEqual(
      [ticket.channel, ticket.requesterId, ticket.requesterName, ticket.department, ticket.details],
      ['logo', user.id, user.name, user.department, 'LGWANメールが届きません'],
    );

    // The first select is old now: its answer is refused politely and nothing is asked.
    const questions = await kotae.ds.getRepository('question').count();
    from = relay.posts.length;
    await post(answerEvent(select.body.messageId, 1));
    const [stale] = await postsAfter(from, 1);
    assert.equal(textOf(stale), 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。');
    assert.equal(await kotae.ds.getRepository('question').count(), questions);
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

  it('welcomes a user who opens a pair talk and only logs a leave', async () => {
    const from = relay.posts.length;
    assert.equal((await post({ eventId: `evt-${++seq}`, type: 'leave', talk: { ...talk, id: 'talk-x' } })).status, 202);
    assert.equal(
      (await post({ eventId: `evt-${++seq}`, type: 'join', talk: { ...talk, id: 'talk-new' }, user })).status,
      202,
    );
    const [welcome] = await postsAfter(from, 1);
    assert.deepEqual(welcome.body.to, { talkId: 'talk-new' });
    assert.match((welcome.body.message as { text: string }).text, /^こんにちは。ヘルプデスクの自動応答/);
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
    const conversation = await kotae.ds.getRepository('conversation').findOneByOrFail({ requesterId: burstUser.id });
    const asked = await kotae.ds
      .getRepository('question')
      .find({ where: { conversationId: conversation.id }, order: { askedAt: 'ASC' } });
    assert.equal(asked.length, 100);
    const lines = await kotae.ds
      .getRepository('transcript_entry')
      .find({ where: { conversationId: conversation.id, role: 'user' }, order: { seq: 'ASC' } });
    assert.deepEqual(
      lines.map((l) => l.text),
      texts,
    );
  });
});
