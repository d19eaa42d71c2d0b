/**
 * KOTAE_EMBEDDINGS=openai on the real app: the first-start ingest and every question embed through an
 * OpenAI-compatible embeddings server played on loopback (deterministic vectors from character codes).
 */
import assert from 'node:assert/strict';
import { startOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-compatible-server';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const DIMS = 32;

/** A bag-of-characters vector: similar texts get similar vectors. */
function embed(text: string): number[] {
  const v = new Array<number>(DIMS).fill(0);
  for (const ch of text) v[ch.codePointAt(0)! % DIMS]! += 1;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

describe('OpenAI-compatible embeddings (loopback) on the real app', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  let server: FakeOpenAiServer<{ input: string | string[]; model: string }>;
  let down = false;

  before(async () => {
    server = await startOpenAiServer(
      ({ input, model }) => ({
        object: 'list',
        model,
        data: (Array.isArray(input) ? input : [input]).map((t, index) => ({
          object: 'embedding',
          index,
          embedding: embed(t),
        })),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      }),
      { status: () => (down ? 503 : 200) },
    );
    kotae = await startApp({
      KOTAE_EMBEDDINGS: 'openai',
      KOTAE_OPENAI_BASE_URL: server.url,
      KOTAE_OPENAI_API_KEY: 'test-key',
      KOTAE_OPENAI_EMBEDDING_MODEL: 'local-embedder',
    });
  });
  after(async () => {
    await kotae?.stop();
    await server?.close();
  });

  it('builds the index with the configured embedder and answers with it', async () => {
    const health = (await (await fetch(`${kotae.url}/healthz`)).json()) as {
      index: { ready: boolean; embedder: string };
    };
    assert.equal(health.index.ready, true);
    assert.match(health.index.embedder, /local-embedder/);
    const before = server.calls.length;
    const { body } = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れてしまいました' });
    assert.equal(body.outcome, 'answered');
    assert.ok(server.calls.length > before, 'the question was embedded by the server');
  });

  it('keeps answering from the lexical index while the embeddings server is down', async () => {
    down = true;
    const { status, body } = await postJson(`${kotae.url}/api/ask`, {
      question: 'プリンタのトナーが切れたので交換したい',
    });
    down = false;
    assert.equal(status, 200);
    assert.notEqual(body.outcome, 'no_answer', JSON.stringify(body));
    assert.match(JSON.stringify(body.sources), /FAQ-0045/);
  });
});
