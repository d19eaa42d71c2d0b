/**
 * Several open pages of one web chat conversation: every write (`POST /api/ask`, `/api/feedback`, `/api/tickets`)
 * names the history lines it wrote in `X-Kotae-Lines` (indexes of `GET /api/conversations/:id/messages`), so the
 * page that sent it leaves them out of its poll while another page shows them from `?after=`; the JSON bodies are
 * unchanged. A retried request (same `Idempotency-Key`) names the same lines.
 */
import assert from 'node:assert/strict';
import { startApp, type RunningApp } from '../helpers/start-app';

const FIRST = 'パスワードを忘れてしまいました';
const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';
const EXPIRED = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';

describe('web chat: the lines each write names for the other open pages (real app, JSON API)', function () {
  this.timeout(60_000);
  let kotae: RunningApp;

  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${kotae.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, lines: res.headers.get('x-kotae-lines'), body: (await res.json()) as any };
  }

  it('names the question and answer, the acknowledgement and the ticket line; nothing for an expired button', async () => {
    const first = await post('/api/ask', { question: FIRST }, { 'idempotency-key': 'tab-one-first-message-0001' });
    assert.deepEqual([first.status, first.lines, first.body.outcome], [200, '0,1', 'answered']);
    const id: string = first.body.conversationId;
    const secret = { 'x-kotae-conversation-token': first.body.conversationToken };
    // The same message retried: answered as the first time, the same lines named, nothing written again.
    const again = await post('/api/ask', { question: FIRST }, { 'idempotency-key': 'tab-one-first-message-0001' });
    assert.deepEqual([again.status, again.lines, again.body], [200, '0,1', first.body]);

    // The other page polls from where it was (line 0 on): the exchange, with its sources and buttons.
    const history = await fetch(`${kotae.url}/api/conversations/${id}/messages?after=0`, { headers: secret });
    const seen = (await history.json()) as any;
    assert.deepEqual(
      seen.messages.map((m: any) => [m.index, m.role, m.text]),
      [
        [0, 'user', FIRST],
        [1, 'bot', first.body.answer],
      ],
    );
    assert.deepEqual(seen.messages[1].sources, first.body.sources);
    assert.deepEqual([seen.total, seen.lastAnswer.index, seen.lastAnswer.questionId], [2, 1, first.body.questionId]);
    assert.deepEqual(seen.lastAnswer.actions, ['resolved', 'not_resolved', 'escalate']);

    // 解決した on one page: its acknowledgement is line 2; the other page's poll from line 2 shows it, no buttons.
    const rated = await post(
      '/api/feedback',
      { conversationId: id, resolved: true, questionId: first.body.questionId },
      secret,
    );
    assert.deepEqual([rated.status, rated.lines, rated.body], [200, '2', { ok: true, message: THANKS, actions: [] }]);
    const after = await fetch(`${kotae.url}/api/conversations/${id}/messages?after=2`, { headers: secret });
    const polled = (await after.json()) as any;
    assert.deepEqual(
      polled.messages.map((m: any) => [m.index, m.role, m.text]),
      [[2, 'system', THANKS]],
    );
    assert.deepEqual([polled.total, 'lastAnswer' in polled], [3, false]);

    // The same button on the other page: the expired wording, no line written, none named.
    const stale = await post(
      '/api/feedback',
      { conversationId: id, resolved: false, questionId: first.body.questionId },
      secret,
    );
    assert.deepEqual([stale.status, stale.lines, stale.body], [200, '', { ok: false, message: EXPIRED, actions: [] }]);
    const staleChoice = await post(
      '/api/ask',
      { question: 'VPNに接続できない', conversationId: id, choiceOf: first.body.questionId },
      secret,
    );
    assert.deepEqual([staleChoice.lines, staleChoice.body.answer], ['', EXPIRED]);

    // 担当者に問い合わせる: the reception line.
    const ticket = await post(
      '/api/tickets',
      {
        conversationId: id,
        details: 'パスワードの再設定をお願いします',
        user: { name: '試験 花子', department: '情報政策課', phone: '2345' },
      },
      secret,
    );
    assert.deepEqual([ticket.status, ticket.lines], [201, '3']);
    const last = await fetch(`${kotae.url}/api/conversations/${id}/messages?after=3`, { headers: secret });
    const reception = (await last.json()) as any;
    assert.deepEqual([reception.total, reception.messages.length, reception.messages[0].index], [4, 1, 3]);
    assert.match(reception.messages[0].text, /^お問い合わせを受け付けました。受付番号は HD-\d{4}-\d{6} です。/);
  });
});
