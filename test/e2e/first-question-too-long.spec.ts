/**
 * A first web-chat question over the length limit is refused (413, Japanese) before any conversation
 * row is written; one at the limit starts the conversation.
 */
import assert from 'node:assert/strict';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

describe('a too-long first web-chat question', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  before(async () => {
    kotae = await startApp({ KOTAE_MAX_QUESTION_CHARS: '100' });
  });
  after(() => kotae?.stop());

  const conversations = async () =>
    Number(((await kotae.app.dataSource.query('SELECT COUNT(*) AS n FROM "conversation"')) as { n: number }[])[0].n);

  it('answers 413 in Japanese and writes no conversation', async () => {
    const res = await postJson(`${kotae.url}/api/ask`, { question: 'あ'.repeat(101) });
    assert.equal(res.status, 413);
    assert.deepEqual(res.body, {
      error: { code: 'INPUT_TOO_LARGE', message: '質問が長すぎます。100文字以内で入力してください。' },
    });
    assert.equal(await conversations(), 0);
    const ok = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れました' + 'あ'.repeat(89) });
    assert.equal(ok.status, 200);
    assert.equal(await conversations(), 1);
  });
});
