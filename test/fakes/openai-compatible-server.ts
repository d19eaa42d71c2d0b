/**
 * A loopback server that plays an OpenAI-compatible API (`/v1/chat/completions`, `/v1/embeddings`):
 * it records every call, answers with `respond(body, n)`, and fails calls with the planned statuses.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received. */
export interface FakeCall<B> {
  path: string;
  auth: string | undefined;
  body: B;
}

/** A running fake: its base URL (ending in /v1), the calls so far, and how to stop it. */
export interface FakeOpenAiServer<B> {
  url: string;
  calls: FakeCall<B>[];
  close(): Promise<void>;
}

/**
 * Starts the fake. The status of call n (1-based) is `status()` when given, else `plan[n - 1]`, else 200;
 * any other status answers an OpenAI-style error body.
 */
export async function startOpenAiServer<B>(
  respond: (body: B, n: number) => unknown,
  options: { plan?: number[]; status?: () => number } = {},
): Promise<FakeOpenAiServer<B>> {
  const calls: FakeCall<B>[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as B;
      calls.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      const status = options.status?.() ?? options.plan?.[calls.length - 1] ?? 200;
      const json = { 'content-type': 'application/json' };
      if (status !== 200) {
        res.writeHead(status, json).end(JSON.stringify({ error: { message: 'try later', type: 'server_error' } }));
        return;
      }
      res.writeHead(200, json).end(JSON.stringify(respond(body, calls.length)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
