/** The part of oidc-provider (ESM, untyped) the loopback OpenID Connect server uses. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Account {
    accountId: string;
    claims: () => Record<string, unknown>;
  }

  interface Configuration {
    clients: Record<string, unknown>[];
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    findAccount: (ctx: unknown, id: string, token?: unknown) => Account | undefined | Promise<Account | undefined>;
    cookies?: { keys: string[] };
    jwks?: { keys: Record<string, unknown>[] };
    features?: Record<string, { enabled: boolean }>;
  }

  /** The part of Koa's context the loopback server reads and writes. */
  interface Context {
    path: string;
    body: unknown;
    status: number;
    type: string;
    response: { get(field: string): string };
    /** The raw request (read here only when the provider is not going to read it). */
    req: IncomingMessage;
    query: Record<string, unknown>;
    querystring: string;
    oidc?: { body?: Record<string, unknown>; session?: { sidFor(clientId: string): string | undefined } };
  }

  /** An OpenID Connect provider. */
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    /** The client model (its prototype's `includeSid` decides whether ID tokens carry `sid`). */
    Client: { prototype: { includeSid: () => boolean } };
    /** Provider events, e.g. `end_session.success` (the ended session is still on `ctx.oidc.session`). */
    on(event: string, fn: (ctx: Context) => void): this;
    /** Koa middleware run around the provider's own routes. */
    use(fn: (ctx: Context, next: () => Promise<void>) => Promise<void>): this;
  }
}
