/**
 * A reloaded web chat gets its last answer back from the history endpoint of the real app: sources and the
 * buttons that still apply (`lastAnswer`); a button of a reloaded answer that no longer applies answers
 * with the expired-card wording and writes nothing.
 */
import assert from 'node:assert/strict';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { conversationHistory } from '../helpers/web-chat-history';

const EXPIRED = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';

describe('web chat history: the last answer with its sources and buttons (real app, JSON API)', function () {
  this.timeout(60_000);
  let kotae: RunningApp;

  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  const history = (id: string, secret: Record<string, string>, after = 0) =>
    conversationHistory(kotae.url, id, secret, `after=${after}`);

  it('restores sources and buttons until feedback; a stale 解決した or candidate is expired and writes nothing', async () => {
    const asked = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れてしまいました' });
    assert.equal(asked.body.outcome, 'answered');
    assert.ok(asked.body.sources.length > 0);
    const id: string = asked.body.conversationId;
    const secret = { 'x-kotae-conversation-token': asked.body.conversationToken };
    const question = await kotae.app.dataSource
      .getRepository<{ id: string; conversationId: string }>('question')
      .findOneByOrFail({
        conversationId: id,
      });

    const first = await history(id, secret);
    assert.deepEqual(
      first.messages.map((m) => [m.index, m.role]),
      [
        [0, 'user'],
        [1, 'bot'],
      ],
    );
    assert.deepEqual(first.lastAnswer, {
      index: 1,
      questionId: question.id,
      outcome: 'answered',
      sources: asked.body.sources,
      choices: [],
      actions: ['resolved', 'not_resolved', 'escalate'],
    });
    // A poll after the last line carries no last answer (and reads no question log).
    assert.equal((await history(id, secret, first.total)).lastAnswer, undefined);

    const rated = await postJson(
      `${kotae.url}/api/feedback`,
      { conversationId: id, resolved: true, questionId: question.id },
      secret,
    );
    assert.deepEqual([rated.status, rated.body.ok], [200, true]);
    const afterFeedback = await history(id, secret);
    assert.deepEqual(afterFeedback.lastAnswer, {
      ...first.lastAnswer,
      choices: [],
      actions: [],
    });

    // The same reloaded button again (another tab): expired, no second feedback row.
    const again = await postJson(
      `${kotae.url}/api/feedback`,
      { conversationId: id, resolved: false, questionId: question.id },
      secret,
    );
    assert.deepEqual(again.body, { ok: false, message: EXPIRED, actions: [] });
    assert.equal(await kotae.app.dataSource.getRepository('feedback').countBy({ conversationId: id }), 1);

    const stale = await postJson(
      `${kotae.url}/api/ask`,
      { conversationId: id, question: 'VPNに接続できない', choiceOf: question.id },
      secret,
    );
    assert.equal(stale.body.answer, EXPIRED);
    assert.deepEqual([stale.body.choices, stale.body.actions, stale.body.sources], [[], [], []]);
    assert.equal(await kotae.app.dataSource.getRepository('question').countBy({ conversationId: id }), 1);
    // The question, its answer and the thank-you line the requester saw: nothing more.
    assert.equal((await history(id, secret)).total, 3);
  });
});
