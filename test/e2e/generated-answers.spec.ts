/**
 * KOTAE_ANSWER_MODEL=openai on the real app, with an OpenAI-compatible chat server played on loopback:
 * answered questions get the generated text with the same sources; when the server is down, the
 * extractive answer still comes back.
 */
import assert from 'node:assert/strict';
import { startOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-compatible-server';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

describe('generated answers through an OpenAI-compatible server (loopback)', function () {
  this.timeout(90_000);
  let kotae: RunningApp;
  let server: FakeOpenAiServer<{ model: string; messages: { role: string; content: string }[] }>;
  let failing = false;

  before(async () => {
    server = await startOpenAiServer(
      () => ({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 0,
        model: 'local-model',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: '申請フォームからパスワードのリセットを依頼してください。[1]' },
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
      { status: () => (failing ? 503 : 200) },
    );
    kotae = await startApp({
      KOTAE_ANSWER_MODEL: 'openai',
      KOTAE_OPENAI_BASE_URL: server.url,
      KOTAE_OPENAI_API_KEY: 'test-key',
      KOTAE_OPENAI_CHAT_MODEL: 'local-model',
      // The model writes FAQ answers too (by default a curated FAQ above the threshold is sent verbatim).
      KOTAE_FAQ_VERBATIM: 'false',
    });
  });
  after(async () => {
    await kotae?.stop();
    await server?.close();
  });

  it('answers with the generated text, grounded in the retrieved sources', async () => {
    const { body } = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れてしまいました' });
    assert.equal(body.outcome, 'answered');
    assert.match(body.answer, /^申請フォームからパスワードのリセットを依頼してください。/);
    assert.ok(body.sources.length >= 1);
    const last = server.calls.at(-1)!.body;
    assert.equal(last.model, 'local-model');
    assert.match(last.messages[1]!.content, /\[1\] /);
  });

  it('falls back to the extractive answer when the model server is down', async () => {
    failing = true;
    const { body } = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れてしまいました' });
    assert.equal(body.outcome, 'answered');
    assert.doesNotMatch(body.answer, /^申請フォームからパスワードのリセットを依頼してください。/);
    assert.match(body.answer, /パスワード/);
  });
});
