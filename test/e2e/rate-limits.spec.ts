/**
 * Rate limits on the real app (database-backed fixed windows): sign-in per account and per IP, the
 * public API per IP and per conversation, uploads per conversation — exact counts, 429 with a Japanese
 * message and Retry-After, reads (the page's polling) never counted, a new window admits again.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../core/clock';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

// On a 15-minute boundary, so every window here starts now and Retry-After is the whole window.
const T0 = '2026-12-03T01:00:00.000Z';

describe('rate limits on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  const clock = new FakeClock(T0);

  before(async () => {
    kotae = await startApp(
      {
        KOTAE_RATE_SIGNIN_ACCOUNT: '3/900',
        KOTAE_RATE_SIGNIN_IP: '5/900',
        KOTAE_RATE_API_IP: '6/60',
        KOTAE_RATE_API_CONVERSATION: '4/60',
        KOTAE_RATE_UPLOAD: '2/600',
      },
      { clock },
    );
  });
  after(() => kotae?.stop());

  async function signIn(username: string, password: string) {
    const form = await fetch(`${kotae.url}/console/signin`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await fetch(`${kotae.url}/console/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf, username, password }).toString(),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
  }

  it('limits sign-in per account and per IP before checking the password', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await signIn('admin', 'wrong-password-123')).status);
    assert.deepEqual(statuses, [401, 401, 401]);
    const fourth = await signIn('ADMIN', 'e2e-admin-password');
    assert.equal(fourth.status, 429);
    assert.equal(fourth.retryAfter, '900');
    assert.match(fourth.text, /短時間に多くのリクエストがありました。15分ほど待ってからもう一度お試しください。/);
    // The 5th request from this address (another account) is still admitted; the 6th is not.
    assert.equal((await signIn('someone', 'wrong-password-123')).status, 401);
    const sixth = await signIn('another', 'wrong-password-123');
    assert.equal(sixth.status, 429);
    clock.advanceMinutes(15);
    assert.equal((await signIn('admin', 'e2e-admin-password')).status, 303);
  });

  it('limits the public API per IP and per conversation; reads are not counted', async () => {
    clock.advanceMinutes(60);
    const first = await postJson(`${kotae.url}/api/ask`, { question: 'VPNにつながりません' });
    assert.equal(first.status, 200);
    const { conversationId, conversationToken } = first.body;
    const headers = { 'x-kotae-conversation-token': conversationToken };
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await postJson(`${kotae.url}/api/ask`, { question: `質問${i}`, conversationId }, headers)).status);
    // Asks 2–5 are the conversation's 1st–4th counted writes; the 6th ask is its 5th.
    assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${kotae.url}/api/conversations/${conversationId}/messages`, { headers });
      assert.equal(res.status, 200);
    }
    const limited = await postJson(`${kotae.url}/api/ask`, { question: '別の会話' });
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body, {
      error: {
        code: 'RATE_LIMITED',
        message: '短時間に多くのリクエストがありました。60秒ほど待ってからもう一度お試しください。',
      },
    });
    clock.advanceMinutes(1);
    assert.equal((await postJson(`${kotae.url}/api/ask`, { question: '別の会話' })).status, 200);
  });

  it('limits uploads per conversation', async () => {
    clock.set('2026-12-03T05:00:00.000Z');
    const started = await postJson(`${kotae.url}/api/ask`, { question: 'プリンターが動きません' });
    const { conversationId, conversationToken } = started.body;
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const form = new FormData();
      form.append('file', new Blob([`エラーログ ${i}\n`], { type: 'text/plain' }), `log${i}.txt`);
      const res = await fetch(`${kotae.url}/api/conversations/${conversationId}/attachments`, {
        method: 'POST',
        headers: { 'x-kotae-conversation-token': conversationToken },
        body: form,
      });
      statuses.push(res.status);
      if (res.status === 429) assert.equal(res.headers.get('retry-after'), '600');
    }
    assert.deepEqual(statuses, [201, 201, 429]);
  });
});
