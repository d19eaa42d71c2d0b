/**
 * A reloaded web chat shows the personal-data notice above the answer it was shown with live: the question log keeps
 * the masked types (`question.maskedTypes`), and the history gives that answer line, and no other, its `notice`. A
 * requester who types the mask itself (「［電話番号］」) had no notice live and gets none after the reload, although
 * the stored question reads the same.
 */
import assert from 'node:assert/strict';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { conversationHistory } from '../helpers/web-chat-history';

const NOTICE = '※ 個人情報と思われる内容（電話番号）は記録せずに伏せ字にしました。個人情報は入力しないでください。';
const MASKED = 'パスワードを忘れてしまいました。連絡先は090-1234-5678です';
const STORED = 'パスワードを忘れてしまいました。連絡先は［電話番号］です';
const PLAIN = '「アカウントがロックされています」と表示されてログインできません。';

describe('web chat history: the personal-data notice on the answer it was shown with (real app, JSON API)', function () {
  this.timeout(60_000);
  let kotae: RunningApp;

  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  const history = (id: string, secret: Record<string, string>, query?: string) =>
    conversationHistory(kotae.url, id, secret, query);

  it('gives the notice to the masked question’s answer line only, on every page that holds it', async () => {
    const plain = await postJson(`${kotae.url}/api/ask`, { question: PLAIN });
    assert.equal(plain.body.outcome, 'answered');
    const id: string = plain.body.conversationId;
    const secret = { 'x-kotae-conversation-token': plain.body.conversationToken };
    const masked = await postJson(`${kotae.url}/api/ask`, { question: MASKED, conversationId: id }, secret);
    assert.equal(masked.status, 200);
    assert.equal(masked.body.answer.startsWith(`${NOTICE}\n\n`), true);
    // The mask typed by the requester: nothing was masked, no notice.
    const typed = await postJson(`${kotae.url}/api/ask`, { question: STORED, conversationId: id }, secret);
    assert.equal(typed.status, 200);
    assert.equal(typed.body.answer.includes('※ 個人情報'), false);

    const rows = await kotae.app.dataSource
      .getRepository<{ conversationId: string; text: string; maskedTypes: string | null; askedAt: Date }>('question')
      .find({ where: { conversationId: id }, order: { askedAt: 'ASC' } });
    assert.deepEqual(
      rows.map((q) => [q.text, q.maskedTypes]),
      [
        [PLAIN, null],
        [STORED, 'phone'],
        [STORED, null],
      ],
    );

    const all = await history(id, secret);
    assert.deepEqual(
      all.messages.map((l) => [l.index, l.role, l.text, l.notice]),
      [
        [0, 'user', PLAIN, undefined],
        [1, 'bot', plain.body.answer, undefined],
        [2, 'user', STORED, undefined],
        [3, 'bot', masked.body.answer.slice(`${NOTICE}\n\n`.length), NOTICE],
        [4, 'user', STORED, undefined],
        [5, 'bot', typed.body.answer, undefined],
      ],
    );
    // Exactly that line carries the key (no `notice: undefined` written out on the others).
    assert.deepEqual(
      all.messages.filter((l) => 'notice' in l).map((l) => l.index),
      [3],
    );
    assert.equal(all.messages[3]!.outcome, masked.body.outcome);
    // A later page starting at the masked question, and one starting at its answer, give it the same notice.
    for (const after of [2, 3]) {
      const later = await history(id, secret, `after=${after}`);
      assert.deepEqual(
        later.messages.filter((l) => 'notice' in l).map((l) => [l.index, l.notice]),
        [[3, NOTICE]],
      );
    }
    assert.deepEqual(
      (await history(id, secret, 'after=4')).messages.filter((l) => 'notice' in l),
      [],
    );
  });
});
