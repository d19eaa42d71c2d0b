/**
 * The provider's sign-out (OpenID Connect RP-Initiated Logout 1.0): the `end_session_endpoint` of its discovery
 * document, and the URL a browser is sent to there — `id_token_hint` (the ID token of the session), `client_id`,
 * `post_logout_redirect_uri` (registered with the provider; Entra ID: a redirect URI of the app) and `state`;
 * `logout_hint` when the ID token carries Entra's optional `login_hint` claim (the account picker is skipped).
 */
import fs from 'node:fs';
import type { INetworkModule } from '@azure/msal-node';
import { KotaeError } from '../../core';
import { caNetworkClient } from './ca-network-client';

/** Where the provider is and where it sends the browser back. */
export interface OidcEndSessionOptions {
  clientId: string;
  /** https authority, as for sign-in. */
  authority: string;
  /** Entra ID: the discovery document of the v2.0 endpoint. */
  entra: boolean;
  /** Kotae's signed-out page, registered with the provider. */
  postLogoutRedirectUri: string;
  caFile?: string;
}

/** A sign-out to send the browser to. */
export interface EndSessionRequest {
  idToken?: string;
  state: string;
}

const TIMEOUT_MS = 5_000;
const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The claims of a JWT, read without verification (only Kotae's own stored token is read, for its hint). */
function claimsOf(jwt: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Builds sign-out URLs from the provider's discovery document (read once, again after a failure). */
export class OidcEndSession {
  private endpoint?: Promise<string | undefined>;
  private readonly network?: INetworkModule;

  constructor(private readonly options: OidcEndSessionOptions) {
    if (options.caFile) this.network = caNetworkClient(fs.readFileSync(options.caFile));
  }

  /**
   * The provider's sign-out URL for this request; undefined when the provider names no `end_session_endpoint`.
   * CLOUD_UNAVAILABLE when its discovery document cannot be read.
   */
  async url(request: EndSessionRequest): Promise<string | undefined> {
    this.endpoint ??= this.discover().catch((err: unknown) => {
      this.endpoint = undefined;
      throw err;
    });
    const endpoint = await this.endpoint;
    if (!endpoint) return undefined;
    const url = new URL(endpoint);
    if (request.idToken) url.searchParams.set('id_token_hint', request.idToken);
    const loginHint = request.idToken ? claimsOf(request.idToken).login_hint : undefined;
    if (typeof loginHint === 'string' && loginHint) url.searchParams.set('logout_hint', loginHint);
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('post_logout_redirect_uri', this.options.postLogoutRedirectUri);
    url.searchParams.set('state', request.state);
    return url.toString();
  }

  private async discover(): Promise<string | undefined> {
    const base = trimSlash(this.options.authority);
    const address = `${this.options.entra ? `${base}/v2.0` : base}/.well-known/openid-configuration`;
    let status: number;
    let body: unknown;
    try {
      if (this.network) {
        ({ status, body } = await this.network.sendGetRequestAsync<unknown>(address, undefined, TIMEOUT_MS));
      } else {
        const res = await fetch(address, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        status = res.status;
        body = await res.json();
      }
    } catch (err) {
      throw new KotaeError('CLOUD_UNAVAILABLE', `discovery document unreadable: ${String(err)}`, { cause: err });
    }
    if (status !== 200 || typeof body !== 'object' || body === null)
      throw new KotaeError('CLOUD_UNAVAILABLE', `discovery document answered ${status}`);
    const endpoint = (body as Record<string, unknown>).end_session_endpoint;
    // The ID token goes there: https only.
    return typeof endpoint === 'string' && endpoint.startsWith('https://') ? endpoint : undefined;
  }
}
