/**
 * A loopback server that plays the Bot Connector REST API (the part a bot uses to reply):
 * POST /v3/conversations/{id}/activities[/{replyToId}] → { id }, and PUT …/activities/{id} (update of a
 * sent message, recorded with method 'PUT'). It records what the bot sends and can be told to fail or
 * stall the next calls.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot posted. */
export interface ConnectorCall {
  /** POST (new activity) or PUT (update of an earlier one; replyToId is then the updated activity id). */
  method: 'POST' | 'PUT';
  conversationId: string;
  replyToId?: string;
  authorization?: string;
  activity: Record<string, unknown>;
}

/** A file the fake serves: inline images under /v3/attachments/…, shared files anywhere else. */
export interface ServedFile {
  bytes: Buffer;
  contentType: string;
  /** Bearer token required to read it (403 without, 401 with another). */
  token?: string;
}

/** The fake Bot Connector. */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Files served on GET by path (e.g. `/v3/attachments/img-1/views/original`). */
  readonly files = new Map<string, ServedFile>();
  /** Every GET of a file, with the Authorization header it carried. */
  readonly downloads: { path: string; authorization?: string }[] = [];
  /** Status codes to answer the next calls with (e.g. [500, 500] → two failures). */
  readonly failures: number[] = [];
  /** Milliseconds to stall the next calls before answering. */
  readonly stalls: number[] = [];
  /** Files PUT to `/upload/…` (a FileConsentCard upload URL, standing in for the user's OneDrive). */
  readonly uploads: { path: string; contentRange?: string; contentLength?: string; bytes: Buffer }[] = [];
  private server?: Server;
  private seq = 0;

  /** Starts listening on 127.0.0.1 with an ephemeral port; returns the serviceUrl to put in activities. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Activities of a given type (default: messages), in the order they arrived. */
  sent(type = 'message'): ConnectorCall[] {
    return this.calls.filter((c) => c.activity.type === type);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'GET') return this.serveFile(req, res);
    if (req.method === 'PUT' && (req.url ?? '').startsWith('/upload/')) {
      this.uploads.push({
        path: req.url ?? '',
        contentRange: req.headers['content-range'],
        contentLength: req.headers['content-length'],
        bytes: Buffer.concat(chunks),
      });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'drive-item-1' }));
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    const method = req.method === 'POST' || req.method === 'PUT' ? req.method : undefined;
    if (!method || !match || (method === 'PUT' && !match[2])) {
      res.writeHead(404).end();
      return;
    }
    const stall = this.stalls.shift();
    if (stall) await new Promise((resolve) => setTimeout(resolve, stall));
    const failure = this.failures.shift();
    if (failure) {
      res
        .writeHead(failure, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'ServiceError', message: 'fake failure' } }));
      return;
    }
    this.calls.push({
      method,
      conversationId: decodeURIComponent(match[1]),
      replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
      authorization: req.headers.authorization,
      activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${++this.seq}` }));
  }

  private serveFile(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '';
    this.downloads.push({ path, authorization: req.headers.authorization });
    const file = this.files.get(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    if (file.token && req.headers.authorization !== `Bearer ${file.token}`) {
      res.writeHead(req.headers.authorization ? 401 : 403).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length }).end(file.bytes);
  }
}

/** The Adaptive Card of a sent message, as far as the tests read it. */
export interface SentCard {
  body: { type: string; text?: string; id?: string; actions?: { title: string }[] }[];
  actions?: { type: string; title: string; verb: string; data: Record<string, string> }[];
}

/** The Adaptive Card inside a message the bot sent (throws when there is none). */
export function cardOf(call: ConnectorCall): SentCard {
  const attachments = call.activity.attachments as { contentType: string; content: SentCard }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call.activity)}`);
  return card.content;
}
