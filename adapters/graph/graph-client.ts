/**
 * A Microsoft Graph client with our own short middleware chain: bearer token (always, since the base
 * URL is ours to configure, including a loopback test server) and a timeout; no retry, because a
 * directory lookup must not delay an answer.
 */
import type { Client, Middleware } from '@microsoft/microsoft-graph-client';
import type { AccessTokenProvider } from './token-provider';

type Context = Parameters<Middleware['execute']>[0];

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly tokens: AccessTokenProvider,
    private readonly timeoutMs: number,
  ) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const token = await this.tokens.getToken([GRAPH_SCOPE]);
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    context.options = { ...context.options, headers, signal: AbortSignal.timeout(this.timeoutMs) };
    await this.next?.execute(context);
  }
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` is a directory object id (a GUID), the only kind of id Kotae puts into a Graph path. */
export function isObjectId(id: string): boolean {
  return OBJECT_ID.test(id);
}

/** Creates a Graph client for `baseUrl` (e.g. https://graph.microsoft.com). */
export function createGraphClient(baseUrl: string, tokens: AccessTokenProvider, timeoutMs: number): Client {
  // Loaded with the first client: a Kotae without the Graph lookup never loads the SDK.
  const { Client, HTTPMessageHandler } =
    require('@microsoft/microsoft-graph-client') as typeof import('@microsoft/microsoft-graph-client');
  const auth = new BearerTokenMiddleware(tokens, timeoutMs);
  auth.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ baseUrl: baseUrl.replace(/\/*$/, '/'), defaultVersion: 'v1.0', middleware: auth });
}
