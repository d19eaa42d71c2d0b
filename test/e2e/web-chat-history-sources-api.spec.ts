/**
 * A reloaded web chat gets every answer back with the sources it was shown with (not only the last), on every
 * page of the history (`after`, `since`), and the acknowledgement of 解決した as a line of its own, written once
 * with the feedback: a retried or repeated press writes nothing more.
 */
import assert from 'node:assert/strict';
import { SqlConversationStore } from '../../db';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { conversationHistory } from '../helpers/web-chat-history';

const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';
const EXPIRED = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const FIRST = 'パスワードを忘れてしまいました';
const SECOND = '「アカウントがロックされています」と表示されてログインできません。';

describe('web chat history: every answer with its sources, the thank-you line once (real app, JSON API)', function () {
  this.timeout(60_000);
  let kotae: RunningApp;

  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  const page = (id: string, secret: Record<string, string>, query: string) =>
    conversationHistory(kotae.url, id, secret, query);

  it('gives each answer line its own sources on every page, and 解決した a line of its own, once', async () => {
    const first = await postJson(`${kotae.url}/api/ask`, { question: FIRST });
    assert.equal(first.body.outcome, 'answered');
    const id: string = first.body.conversationId;
    const secret = { 'x-kotae-conversation-token': first.body.conversationToken };
    const second = await postJson(`${kotae.url}/api/ask`, { question: SECOND, conversationId: id }, secret);
    assert.equal(second.body.outcome, 'answered');
    assert.ok(first.body.sources.length > 0 && second.body.sources.length > 0);
    assert.notDeepEqual(first.body.sources, second.body.sources);

    // 解決した on the live answer, sent twice with its key (a retry): one feedback row, one line.
    const key = { ...secret, 'idempotency-key': 'feedback-key-0001' };
    const rated = await postJson(`${kotae.url}/api/feedback`, { conversationId: id, resolved: true }, key);
    assert.deepEqual(rated.body, { ok: true, message: THANKS, actions: [] });
    const retried = await postJson(`${kotae.url}/api/feedback`, { conversationId: id, resolved: true }, key);
    assert.deepEqual(retried.body, rated.body);
    // The same answer's button restored in another tab: expired, nothing written.
    const questions = await kotae.app.dataSource
      .getRepository<{ id: string; conversationId: string; text: string }>('question')
      .findBy({ conversationId: id });
    const secondId = questions.find((q) => q.text === SECOND)?.id;
    const again = await postJson(
      `${kotae.url}/api/feedback`,
      { conversationId: id, resolved: true, questionId: secondId },
      secret,
    );
    assert.deepEqual(again.body, { ok: false, message: EXPIRED, actions: [] });
    assert.equal(await kotae.app.dataSource.getRepository('feedback').countBy({ conversationId: id }), 1);

    const all = await page(id, secret, 'after=0');
    assert.deepEqual(
      all.messages.map(({ index, role, text, outcome, sources }) => ({ index, role, text, outcome, sources })),
      [
        { index: 0, role: 'user', text: FIRST, outcome: undefined, sources: undefined },
        { index: 1, role: 'bot', text: first.body.answer, outcome: 'answered', sources: first.body.sources },
        { index: 2, role: 'user', text: SECOND, outcome: undefined, sources: undefined },
        { index: 3, role: 'bot', text: second.body.answer, outcome: 'answered', sources: second.body.sources },
        { index: 4, role: 'system', text: THANKS, outcome: undefined, sources: undefined },
      ],
    );
    assert.equal(all.total, 5);
    // The last answer keeps its own field (rated: no buttons), with the same sources as its line.
    assert.deepEqual([all.lastAnswer?.index, all.lastAnswer?.sources], [3, second.body.sources]);

    // An older page of the history: the answers on it carry their sources, the last answer is not on it.
    const older = await page(id, secret, 'after=1');
    assert.deepEqual(
      older.messages.map((m) => [m.index, m.role, m.sources]),
      [
        [1, 'bot', first.body.sources],
        [2, 'user', undefined],
        [3, 'bot', second.body.sources],
        [4, 'system', undefined],
      ],
    );
    const later = await page(id, secret, 'after=4');
    assert.deepEqual(
      later.messages.map((m) => [m.index, m.role, m.text, m.sources]),
      [[4, 'system', THANKS, undefined]],
    );
    assert.equal(later.lastAnswer, undefined);

    // `since`: the desk's lines only, plain.
    const store = new SqlConversationStore(kotae.app.dataSource);
    await store.appendTranscript(id, { role: 'operator', text: '担当の山田です。確認します。', at: new Date() });
    const since = await page(id, secret, `since=${encodeURIComponent(all.messages[4]!.at!)}`);
    assert.deepEqual(
      since.messages.map(({ index, role, text, outcome, sources }) => ({ index, role, text, outcome, sources })),
      [{ index: 5, role: 'operator', text: '担当の山田です。確認します。', outcome: undefined, sources: undefined }],
    );
  });
});
