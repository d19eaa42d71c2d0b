/**
 * App-only access tokens for Microsoft Graph (client credentials of the bot's Entra app).
 */
import { KotaeError } from '../../core';

/** Port: an access token for the given scopes. */
export interface AccessTokenProvider {
  getToken(scopes: string[]): Promise<string>;
}

/** The part of MSAL's ConfidentialClientApplication this provider uses (tests pass a fake). */
export interface ClientCredentialClient {
  acquireTokenByClientCredential(request: { scopes: string[] }): Promise<{ accessToken: string } | null>;
}

/** Settings of the Entra app registration (single tenant). */
export interface MsalTokenOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Entra host; defaults to https://login.microsoftonline.com. The tenant id is appended. */
  authorityHost?: string;
}

/** Client-credentials tokens through MSAL (which caches them until shortly before expiry). */
export class MsalTokenProvider implements AccessTokenProvider {
  private readonly client: ClientCredentialClient;

  constructor(options: MsalTokenOptions, client?: ClientCredentialClient) {
    const authority = `${(options.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '')}/${options.tenantId}`;
    // MSAL is loaded only when a real client is built (tests pass a fake).
    const msal = () => require('@azure/msal-node') as typeof import('@azure/msal-node');
    this.client =
      client ??
      new (msal().ConfidentialClientApplication)({
        auth: { clientId: options.clientId, clientSecret: options.clientSecret, authority },
      });
  }

  async getToken(scopes: string[]): Promise<string> {
    let result: { accessToken: string } | null;
    try {
      result = await this.client.acquireTokenByClientCredential({ scopes });
    } catch (err) {
      throw new KotaeError(
        'CLOUD_UNAVAILABLE',
        `token request failed: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    if (!result?.accessToken) throw new KotaeError('CLOUD_UNAVAILABLE', 'token request returned no access token');
    return result.accessToken;
  }
}
