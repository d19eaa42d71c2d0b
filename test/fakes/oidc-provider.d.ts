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
    findAccount: (ctx: unknown, id: string) => Account | Promise<Account>;
    cookies?: { keys: string[] };
    jwks?: { keys: Record<string, unknown>[] };
    features?: Record<string, { enabled: boolean }>;
  }

  /** An OpenID Connect provider. */
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    /** Koa middleware run around the provider's own routes. */
    use(
      fn: (
        ctx: { path: string; body: unknown; oidc?: { body?: Record<string, unknown> } },
        next: () => Promise<void>,
      ) => Promise<void>,
    ): this;
  }
}
