/**
 * 解決した / 解決しない under a live (not reloaded) web chat answer: `POST /api/ask` names the question log row of
 * every answer it recorded (`questionId`), the page sends it back, and a button under an older answer gets the
 * expired wording and writes nothing instead of rating the conversation's latest question.
 */
import assert from 'node:assert/strict';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';
const EXPIRED = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const FIRST = 'パスワードを忘れてしまいました';
const SECOND = '「アカウントがロックされています」と表示されてログインできません。';

describe('web chat: feedback under a live answer names that answer (real app, JSON API)', function () {
  this.timeout(60_000);
  let kotae: RunningApp;

  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  const questionRows = (conversationId: string) =>
    kotae.app.dataSource
      .getRepository<{ id: string; conversationId: string; text: string; askedAt: Date }>('question')
      .find({ where: { conversationId }, order: { askedAt: 'ASC' } });
  const feedbackRows = (conversationId: string) =>
    kotae.app.dataSource
      .getRepository<{ questionId: string | null; resolved: boolean; conversationId: string }>('feedback')
      .findBy({ conversationId });

  async function total(id: string, secret: Record<string, string>): Promise<number> {
    const res = await fetch(`${kotae.url}/api/conversations/${id}/messages?after=0`, { headers: secret });
    assert.equal(res.status, 200);
    return ((await res.json()) as { total: number }).total;
  }

  it('an older answer’s 解決した is expired and writes nothing; the latest one’s is recorded on its question', async () => {
    const first = await postJson(`${kotae.url}/api/ask`, { question: FIRST });
    assert.equal(first.body.outcome, 'answered');
    const id: string = first.body.conversationId;
    const secret = { 'x-kotae-conversation-token': first.body.conversationToken };
    const second = await postJson(`${kotae.url}/api/ask`, { question: SECOND, conversationId: id }, secret);
    assert.equal(second.body.outcome, 'answered');

    // Each answer names its own question log row.
    const rows = await questionRows(id);
    assert.deepEqual(
      rows.map((q) => [q.text, q.id]),
      [
        [FIRST, first.body.questionId],
        [SECOND, second.body.questionId],
      ],
    );
    assert.notEqual(first.body.questionId, second.body.questionId);

    // 解決した under the first (older) answer: expired, no feedback row, no line.
    const lines = await total(id, secret);
    const older = await postJson(
      `${kotae.url}/api/feedback`,
      { conversationId: id, resolved: true, questionId: first.body.questionId },
      secret,
    );
    assert.deepEqual([older.status, older.body], [200, { ok: false, message: EXPIRED, actions: [] }]);
    assert.deepEqual(await feedbackRows(id), []);
    assert.equal(await total(id, secret), lines);

    // 解決した under the second (latest) answer: recorded on the second question, with its line.
    const latest = await postJson(
      `${kotae.url}/api/feedback`,
      { conversationId: id, resolved: true, questionId: second.body.questionId },
      secret,
    );
    assert.deepEqual([latest.status, latest.body], [200, { ok: true, message: THANKS, actions: [] }]);
    assert.deepEqual(
      (await feedbackRows(id)).map((f) => [f.questionId, f.resolved]),
      [[second.body.questionId, true]],
    );
    assert.equal(await total(id, secret), lines + 1);
  });

  it('names the question of a no_answer reply too, and none for a reply that records no question', async () => {
    const asked = await postJson(`${kotae.url}/api/ask`, { question: '社員食堂の今日の日替わり定食を教えてください' });
    assert.equal(asked.body.outcome, 'no_answer');
    const id: string = asked.body.conversationId;
    const secret = { 'x-kotae-conversation-token': asked.body.conversationToken };
    assert.deepEqual(
      (await questionRows(id)).map((q) => q.id),
      [asked.body.questionId],
    );
    const thanks = await postJson(`${kotae.url}/api/ask`, { question: 'ありがとう', conversationId: id }, secret);
    assert.equal(thanks.status, 200);
    assert.equal('questionId' in thanks.body, false);
    assert.equal((await questionRows(id)).length, 1);
  });
});
