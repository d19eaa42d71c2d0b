import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenAiChatModel } from '../../../../adapters/llm';
import { GROUNDED_SYSTEM_PROMPT, groundedMessages, type ChatMessage } from '../../../../bot';
import { faqChunk } from '../../../fakes/fake-knowledge';
import { startOpenAiServer } from '../../../fakes/openai-compatible-server';

type ChatBody = { model: string; messages: ChatMessage[]; max_tokens?: number; temperature?: number };

/** Loopback server speaking `POST /v1/chat/completions`; `plan` gives the status of each call (200 by default). */
function startServer(plan: number[] = [], content = '申請フォームから申請してください。[1]') {
  return startOpenAiServer<ChatBody>(
    (body, n) => ({
      id: `chatcmpl-${n}`,
      object: 'chat.completion',
      created: 1_780_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }),
    { plan },
  );
}

const noWait = async (): Promise<void> => undefined;
const hits = [
  faqChunk('FAQ-0001', 'パスワードを忘れた', 'パスワードリセット申請フォームから申請してください。'),
  faqChunk('FAQ-0002', 'アカウントがロックされた', '30分待つか、ヘルプデスクに連絡してください。'),
].map((chunk, i) => ({ chunk, score: 1 - i * 0.1 }));

describe('OpenAiChatModel against a loopback /v1/chat/completions server', () => {
  it('returns the assistant text and sends the grounded prompt with numbered sources', async () => {
    const srv = await startServer();
    try {
      const model = new OpenAiChatModel({ baseURL: srv.url, apiKey: 'sk-test', model: 'gpt-4o-mini', sleep: noWait });
      const text = await model.complete(groundedMessages('パスワードを忘れました', hits), {
        maxTokens: 800,
        temperature: 0,
      });
      assert.equal(text, '申請フォームから申請してください。[1]');
      assert.equal(srv.calls.length, 1);
      const { path, auth, body } = srv.calls[0]!;
      assert.equal(path, '/v1/chat/completions');
      assert.equal(auth, 'Bearer sk-test');
      assert.equal(body.model, 'gpt-4o-mini');
      assert.equal(body.max_tokens, 800);
      assert.equal(body.temperature, 0);
      assert.deepEqual(body.messages[0], { role: 'system', content: GROUNDED_SYSTEM_PROMPT });
      assert.match(body.messages[0]!.content, /資料に記載がありません/);
      const user = body.messages[1]!;
      assert.equal(user.role, 'user');
      assert.match(user.content, /質問:\nパスワードを忘れました/);
      assert.match(user.content, /\[1\] パスワードを忘れた\nパスワードリセット申請フォームから申請してください。/);
      assert.match(user.content, /\[2\] アカウントがロックされた\n30分待つか/);
    } finally {
      await srv.close();
    }
  });

  it('retries a 500 and then succeeds', async () => {
    const srv = await startServer([500, 200]);
    const waits: number[] = [];
    try {
      const model = new OpenAiChatModel({
        baseURL: srv.url,
        apiKey: 'k',
        model: 'm',
        initialBackoffMs: 10,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      assert.match(await model.complete([{ role: 'user', content: 'x' }]), /申請フォーム/);
      assert.equal(srv.calls.length, 2);
      assert.deepEqual(waits, [10]);
    } finally {
      await srv.close();
    }
  });

  it('gives up with CLOUD_UNAVAILABLE after bounded retries', async () => {
    const srv = await startServer([503, 429, 500, 500]);
    const waits: number[] = [];
    try {
      const model = new OpenAiChatModel({
        baseURL: srv.url,
        apiKey: 'k',
        model: 'm',
        maxRetries: 2,
        initialBackoffMs: 5,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      await assert.rejects(model.complete([{ role: 'user', content: 'x' }]), { code: 'CLOUD_UNAVAILABLE' });
      assert.equal(srv.calls.length, 3);
      assert.deepEqual(waits, [5, 10]);
    } finally {
      await srv.close();
    }
  });

  it('does not retry a client error and fails on an unreachable server', async () => {
    const srv = await startServer([400]);
    const model = new OpenAiChatModel({ baseURL: srv.url, apiKey: 'k', model: 'm', maxRetries: 1, sleep: noWait });
    try {
      await assert.rejects(model.complete([{ role: 'user', content: 'x' }]), { code: 'CLOUD_UNAVAILABLE' });
      assert.equal(srv.calls.length, 1);
    } finally {
      await srv.close();
    }
    await assert.rejects(model.complete([{ role: 'user', content: 'x' }]), { code: 'CLOUD_UNAVAILABLE' });
  });

  it('times out a hanging server and reports CLOUD_UNAVAILABLE', async () => {
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const model = new OpenAiChatModel({
        baseURL: `http://127.0.0.1:${port}/v1`,
        apiKey: 'k',
        model: 'm',
        timeoutMs: 100,
        maxRetries: 0,
      });
      await assert.rejects(model.complete([{ role: 'user', content: 'x' }]), { code: 'CLOUD_UNAVAILABLE' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('calls an Azure OpenAI deployment with the api-version', async () => {
    const srv = await startServer();
    try {
      const model = new OpenAiChatModel({
        baseURL: srv.url.replace(/\/v1$/, ''),
        apiKey: 'k',
        model: 'kotae-gpt',
        apiVersion: '2024-10-21',
      });
      await model.complete([{ role: 'user', content: 'x' }]);
      assert.equal(srv.calls[0]!.path, '/openai/deployments/kotae-gpt/chat/completions?api-version=2024-10-21');
    } finally {
      await srv.close();
    }
  });
});
