import { strict as assert } from 'node:assert';
import { OpenAiEmbedder } from '../../../../adapters/llm';
import { startOpenAiServer } from '../../../fakes/openai-compatible-server';

type EmbeddingsBody = { input: string[]; model: string };

/** Loopback server speaking `POST /v1/embeddings`; `plan` gives the status of each call (200 by default). */
function startServer(plan: number[] = []) {
  return startOpenAiServer<EmbeddingsBody>(
    (body) => ({
      object: 'list',
      // Vectors out of order on purpose: the client must sort by index.
      data: body.input
        .map((text, index) => ({ object: 'embedding', index, embedding: [text.length, index, 1] }))
        .reverse(),
      model: body.model,
      usage: { prompt_tokens: 1, total_tokens: 1 },
    }),
    { plan },
  );
}

const noWait = async (): Promise<void> => undefined;

describe('OpenAiEmbedder against a loopback /v1/embeddings server', () => {
  it('embeds in batches, in input order, with the API key', async () => {
    const srv = await startServer();
    try {
      const e = new OpenAiEmbedder({
        baseURL: srv.url,
        apiKey: 'sk-test',
        model: 'text-embedding-3-small',
        batchSize: 2,
        sleep: noWait,
      });
      const out = await e.embedDocuments(['a', 'bb', 'ccc']);
      assert.deepEqual(out, [
        [1, 0, 1],
        [2, 1, 1],
        [3, 0, 1],
      ]);
      assert.equal(srv.calls.length, 2);
      assert.equal(srv.calls[0].path, '/v1/embeddings');
      assert.equal(srv.calls[0].auth, 'Bearer sk-test');
      assert.equal(srv.calls[0].body.model, 'text-embedding-3-small');
      assert.deepEqual(await e.embedQuery('dddd'), [4, 0, 1]);
    } finally {
      await srv.close();
    }
  });

  it('retries a 500 and then succeeds', async () => {
    const srv = await startServer([500, 200]);
    const waits: number[] = [];
    try {
      const e = new OpenAiEmbedder({
        baseURL: srv.url,
        apiKey: 'k',
        model: 'm',
        initialBackoffMs: 10,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      assert.deepEqual(await e.embedQuery('xy'), [2, 0, 1]);
      assert.equal(srv.calls.length, 2);
      assert.deepEqual(waits, [10]);
    } finally {
      await srv.close();
    }
  });

  it('gives a failing query one retry, then fails fast during the cooldown, then tries again', async () => {
    const srv = await startServer([503, 503, 503, 503, 200]);
    let now = 1_000;
    try {
      const e = new OpenAiEmbedder({
        baseURL: srv.url,
        apiKey: 'k',
        model: 'm',
        sleep: noWait,
        queryCooldownMs: 60_000,
        now: () => now,
      });
      await assert.rejects(e.embedQuery('a'), { code: 'CLOUD_UNAVAILABLE' });
      assert.equal(srv.calls.length, 2);
      await assert.rejects(e.embedQuery('b'), { code: 'CLOUD_UNAVAILABLE' });
      assert.equal(srv.calls.length, 2, 'no call during the cooldown');
      now += 60_001;
      await assert.rejects(e.embedQuery('c'), { code: 'CLOUD_UNAVAILABLE' });
      assert.equal(srv.calls.length, 4);
      now += 60_001;
      assert.deepEqual(await e.embedQuery('de'), [2, 0, 1]);
    } finally {
      await srv.close();
    }
  });

  it('backs off exponentially on 429 and fails with CLOUD_UNAVAILABLE', async () => {
    const srv = await startServer([429, 429, 429]);
    const waits: number[] = [];
    try {
      const e = new OpenAiEmbedder({
        baseURL: srv.url,
        apiKey: 'k',
        model: 'm',
        maxRetries: 2,
        initialBackoffMs: 5,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      await assert.rejects(e.embedDocuments(['x']), { code: 'CLOUD_UNAVAILABLE' });
      assert.equal(srv.calls.length, 3);
      assert.deepEqual(waits, [5, 10]);
    } finally {
      await srv.close();
    }
  });

  it('does not retry a client error', async () => {
    const srv = await startServer([400]);
    try {
      const e = new OpenAiEmbedder({ baseURL: srv.url, apiKey: 'k', model: 'm', sleep: noWait });
      await assert.rejects(e.embedQuery('x'), { code: 'CLOUD_UNAVAILABLE' });
      assert.equal(srv.calls.length, 1);
    } finally {
      await srv.close();
    }
  });

  it('treats an unreachable server as a network error and gives up', async () => {
    const srv = await startServer();
    await srv.close();
    const e = new OpenAiEmbedder({ baseURL: srv.url, apiKey: 'k', model: 'm', maxRetries: 1, sleep: noWait });
    await assert.rejects(e.embedQuery('x'), { code: 'CLOUD_UNAVAILABLE' });
  });
});
