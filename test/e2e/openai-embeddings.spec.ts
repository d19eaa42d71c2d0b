/**
 * KOTAE_EMBEDDINGS=openai on the real app: the first-start ingest and every question embed through an
 * OpenAI-compatible embeddings server played on loopback (deterministic vectors from character codes).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
  let server: http.Server;
  let calls = 0;
  let down = false;

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/v1/embeddings') return void res.writeHead(404).end();
        calls += 1;
        if (down)
          return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"message":"down"}}');
        const { input, model } = JSON.parse(body) as { input: string | string[]; model: string };
        const texts = Array.isArray(input) ? input : [input];
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            object: 'list',
            model,
            data: texts.map((t, index) => ({ object: 'embedding', index, embedding: embed(t) })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    kotae = await startApp({
      KOTAE_EMBEDDINGS: 'openai',
      KOTAE_OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      KOTAE_OPENAI_API_KEY: 'test-key',
      KOTAE_OPENAI_EMBEDDING_MODEL: 'local-embedder',
    });
  });
  after(async () => {
    await kotae?.stop();
    server?.close();
  });

  it('builds the index with the configured embedder and answers with it', async () => {
    const health = (await (await fetch(`${kotae.url}/healthz`)).json()) as {
      index: { ready: boolean; embedder: string };
    };
    assert.equal(health.index.ready, true);
    assert.match(health.index.embedder, /local-embedder/);
    const before = calls;
    const { body } = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れてしまいました' });
    assert.equal(body.outcome, 'answered');
    assert.ok(calls > before, 'the question was embedded by the server');
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
