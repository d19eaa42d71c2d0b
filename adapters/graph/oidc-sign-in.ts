/**
 * User sign-in with Microsoft Entra ID (or another OpenID Connect provider): authorization code flow
 * with PKCE through MSAL's ConfidentialClientApplication. MSAL builds the authorize URL, redeems the
 * code (sending the PKCE verifier and the client secret) and checks `state` and the ID token's `nonce`,
 * nothing else (it neither verifies the signature nor reads `iss`, `aud`, `exp`): the token comes straight
 * from the token endpoint over TLS, so OpenID Connect Core §3.1.3.7 lets the signature go, but this class
 * checks issuer, audience, authorized party, expiry, not-before and tenant, and hands back the claims.
 * The same client also gets the app's own tokens (client credentials) for Microsoft Graph, and refreshes a
 * session's ID token with its refresh token (the role re-check: the provider's current roles and groups).
 */
import fs from 'node:fs';
import { KotaeError } from '../../core';
import { caNetworkClient } from './ca-network-client';
import { takeRefreshToken } from './msal-refresh-token';
import type { AccessTokenProvider } from './token-provider';

/** Settings of the app registration. */
export interface OidcSignInOptions {
  clientId: string;
  clientSecret: string;
  /** https authority (Entra: https://login.microsoftonline.com/<tenant>). */
  authority: string;
  /** Entra ID (MSAL's AAD mode) or a generic OpenID Connect issuer (OIDC mode, discovery document). */
  entra: boolean;
  redirectUri: string;
  /** PEM of a private CA that signs the authority's TLS certificate. */
  caFile?: string;
  /**
   * The one tenant whose users may sign in (the ID token's `tid`); by default, for Entra, the tenant
   * named in the authority. Undefined for another OpenID Connect provider: no tenant check.
   */
  tenantId?: string;
}

/** What the browser must keep between the redirect and the callback (in a cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

/** The callback's query parameters. */
export interface SignInCallback {
  code?: string;
  state?: string;
  error?: string;
}

/** Scopes asked for: the ID token only (no API access is needed to sign in). */
const SCOPES = ['openid', 'profile', 'email'];

/** Clock skew allowed on `exp` and `nbf`. */
const SKEW_MS = 60_000;

/**
 * MSAL error codes the browser or an attacker can cause (a forged or replayed callback, a garbage code):
 * the sign-in is refused (401); anything else means the provider or the network failed (503).
 */
const USER_SIDE = new Set([
  'state_mismatch',
  'state_not_found',
  'invalid_state',
  'nonce_mismatch',
  'invalid_grant',
  'invalid_request',
]);

/**
 * MSAL error codes of a refresh the provider refused for the user (Entra: account disabled or deleted, the app's
 * assignment or consent gone, the refresh token revoked): the session ends. Anything else is an outage.
 */
const REFRESH_REFUSED = new Set(['invalid_grant', 'interaction_required', 'login_required', 'consent_required']);

const trimSlash = (url: string) => url.replace(/\/+$/, '');

type Msal = typeof import('@azure/msal-node');

/** Authorization code + PKCE sign-in through MSAL; also the app's own (client credentials) tokens. */
export class MsalOidcSignIn implements AccessTokenProvider {
  private readonly msal: Msal;
  private readonly app: import('@azure/msal-node').ConfidentialClientApplication;
  /** The `iss` every ID token must carry: Entra v2.0 `<authority>/v2.0`, else the authority itself. */
  readonly issuer: string;
  private readonly tenant?: string;

  constructor(private readonly options: OidcSignInOptions) {
    // Loaded only when sign-in is configured.
    this.msal = require('@azure/msal-node') as Msal;
    const authority = new URL(options.authority);
    const host = authority.host;
    this.issuer = trimSlash(options.entra ? `${trimSlash(options.authority)}/v2.0` : options.authority);
    this.tenant = (options.tenantId ?? (options.entra ? authority.pathname.split('/')[1] : undefined))?.toLowerCase();
    this.app = new this.msal.ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority: options.authority,
        // A non-Microsoft issuer must be named as known, or MSAL refuses its discovery document.
        ...(options.entra ? {} : { knownAuthorities: [host] }),
      },
      system: {
        protocolMode: options.entra ? this.msal.ProtocolMode.AAD : this.msal.ProtocolMode.OIDC,
        ...(options.caFile ? { networkClient: caNetworkClient(fs.readFileSync(options.caFile)) } : {}),
      },
    });
  }

  /** The provider's authorize URL for a fresh state, nonce and PKCE pair, and what to keep until the callback. */
  async begin(): Promise<{ url: string; pending: PendingSignIn }> {
    const crypto = new this.msal.CryptoProvider();
    const { verifier, challenge } = await crypto.generatePkceCodes();
    const pending = { state: crypto.createNewGuid(), nonce: crypto.createNewGuid(), verifier };
    const url = await this.app.getAuthCodeUrl({
      scopes: SCOPES,
      redirectUri: this.options.redirectUri,
      responseMode: this.msal.ResponseMode.QUERY,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      // Entra: let a shared PC pick the account instead of silently reusing the last one.
      ...(this.options.entra ? { prompt: 'select_account' } : {}),
    });
    return { url, pending };
  }

  /**
   * Redeems the callback's code; the ID token's claims (and the token itself, for `id_token_hint` at sign-out)
   * when state, nonce, audience and expiry hold. AUTH_REQUIRED for anything the user or an attacker can cause;
   * CLOUD_UNAVAILABLE when the provider fails.
   */
  async complete(
    callback: SignInCallback,
    pending: PendingSignIn,
  ): Promise<{ claims: Record<string, unknown>; idToken: string; refreshToken?: string }> {
    if (callback.error)
      throw new KotaeError('AUTH_REQUIRED', `provider answered error=${callback.error.slice(0, 100)}`);
    if (!callback.code || !callback.state) throw new KotaeError('AUTH_REQUIRED', 'callback without code or state');
    let claims: Record<string, unknown>;
    let idToken: string;
    let refreshToken: string | undefined;
    try {
      const result = await this.app.acquireTokenByCode(
        {
          code: callback.code,
          scopes: SCOPES,
          redirectUri: this.options.redirectUri,
          codeVerifier: pending.verifier,
          state: pending.state,
          nonce: pending.nonce,
        },
        { code: callback.code, state: callback.state },
      );
      claims = { ...(result.idTokenClaims as Record<string, unknown>) };
      idToken = result.idToken;
      // Nothing stays in MSAL's cache: the session is Kotae's own and keeps the refresh token itself (sealed).
      refreshToken = await takeRefreshToken(this.app.getTokenCache(), result.account, this.options.clientId);
    } catch (err) {
      const code = (err as { errorCode?: unknown }).errorCode;
      throw new KotaeError(
        USER_SIDE.has(String(code)) ? 'AUTH_REQUIRED' : 'CLOUD_UNAVAILABLE',
        `code redemption failed: ${String(code ?? '')} ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    this.checkClaims(claims, true);
    return { claims, idToken, refreshToken };
  }

  /**
   * A fresh ID token for a session's refresh token (the provider's current roles and groups) and the newest refresh
   * token. AUTH_REQUIRED when the provider refuses it for the user (REFRESH_REFUSED) or its ID token does not hold;
   * CLOUD_UNAVAILABLE when the provider fails or does not answer.
   */
  async refresh(refreshToken: string): Promise<{ claims: Record<string, unknown>; refreshToken: string }> {
    let result: import('@azure/msal-node').AuthenticationResult | null;
    try {
      // forceCache: MSAL caches a refresh's tokens only for an account in its cache, and Kotae keeps none there.
      result = await this.app.acquireTokenByRefreshToken({ refreshToken, scopes: SCOPES, forceCache: true });
    } catch (err) {
      const code = (err as { errorCode?: unknown }).errorCode;
      throw new KotaeError(
        REFRESH_REFUSED.has(String(code)) ? 'AUTH_REQUIRED' : 'CLOUD_UNAVAILABLE',
        `token refresh failed: ${String(code ?? '')} ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    if (!result?.idToken) throw new KotaeError('CLOUD_UNAVAILABLE', 'token refresh returned no id token');
    const claims = { ...(result.idTokenClaims as Record<string, unknown>) };
    const next = await takeRefreshToken(this.app.getTokenCache(), result.account, this.options.clientId);
    // A refreshed ID token has no nonce (none was sent); everything else is checked as at sign-in.
    this.checkClaims(claims, false);
    return { claims, refreshToken: next ?? refreshToken };
  }

  /**
   * An app-only access token of this same app registration (client credentials), e.g. for Microsoft Graph
   * on a groups overage; MSAL keeps it until shortly before it expires. CLOUD_UNAVAILABLE when refused.
   */
  async getToken(scopes: string[]): Promise<string> {
    let token: string | undefined;
    try {
      token = (await this.app.acquireTokenByClientCredential({ scopes }))?.accessToken;
    } catch (err) {
      const code = (err as { errorCode?: unknown }).errorCode;
      throw new KotaeError(
        'CLOUD_UNAVAILABLE',
        `client credentials token failed: ${String(code ?? '')} ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    if (!token) throw new KotaeError('CLOUD_UNAVAILABLE', 'client credentials token request returned no token');
    return token;
  }

  /** ID token validation of OpenID Connect Core §3.1.3.7 and the Microsoft identity platform's claims reference. */
  private checkClaims(claims: Record<string, unknown>, signIn: boolean): void {
    const refuse = (why: string) => {
      throw new KotaeError('AUTH_REQUIRED', `id token refused: ${why}`);
    };
    const { iss, aud, azp, exp, nbf, tid } = claims;
    if (typeof iss !== 'string' || trimSlash(iss).toLowerCase() !== this.issuer.toLowerCase())
      refuse(`issuer ${String(iss).slice(0, 200)} is not ${this.issuer}`);
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(this.options.clientId)) refuse(`audience ${String(aud).slice(0, 200)} is not this app`);
    // Several audiences: the token must have been issued to this app (`azp`), not merely mention it.
    if (azp !== undefined && azp !== this.options.clientId) refuse(`authorized party ${String(azp).slice(0, 100)}`);
    const now = Date.now();
    if (typeof exp !== 'number' || exp * 1000 < now - SKEW_MS) refuse('expired');
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf * 1000 > now + SKEW_MS)) refuse('not yet valid');
    if (signIn && typeof claims.nonce !== 'string') refuse('no nonce');
    if (this.tenant && (typeof tid !== 'string' || tid.toLowerCase() !== this.tenant))
      refuse(`tenant ${String(tid).slice(0, 100)} is not the configured one`);
  }
}
