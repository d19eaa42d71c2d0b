/**
 * A real OpenID Connect provider on loopback (the `oidc-provider` package) over https with a
 * self-signed certificate made by openssl for 127.0.0.1: MSAL refuses http authorities, so the app
 * under test trusts the certificate through KOTAE_OIDC_CA_FILE. Its development login page takes any
 * login name; the account's claims come from `accounts` (app roles, groups, 所属 …). A test may set
 * `editIdToken` to make the token endpoint hand out an ID token with other claims (wrong audience,
 * issuer, nonce, tenant, an expired one, Entra's groups overage claim …), signed with the provider's key.
 * The client may also take tokens of its own (client credentials), as Kotae does for Microsoft Graph.
 * Sign-out: RP-Initiated Logout (oidc-provider's `/session/end`, with the client's post-logout redirect URI) and,
 * as Entra ID does, the front-channel logout: oidc-provider 9 dropped that draft feature, so the page its sign-out
 * ends on is replaced here by Entra's behaviour — an iframe to the client's front-channel logout URL with `iss`
 * and `sid`, then on to the post-logout redirect. Every ID token carries `sid` (Entra's do).
 * With `refreshTokens`, the client gets refresh tokens as from Entra (offline_access granted on sign-in: oidc-provider
 * honours it only with prompt=consent, so the authorize request is given that prompt) and may redeem them; a refreshed
 * ID token carries the account's claims as they are then (`accounts` may be edited; a deleted account is refused).
 * `tokenStatus` makes the token endpoint answer every request with that status (the provider down).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tempDir } from '../helpers/temp-dir';
import { selfSigned } from '../helpers/self-signed';

/** Claims of one directory account, keyed by its login name on the provider's login page. */
export type OidcAccounts = Record<string, Record<string, unknown>>;

/** A running provider. */
export interface OidcServer {
  issuer: string;
  caFile: string;
  clientId: string;
  clientSecret: string;
  /** Rewrites the claims of every ID token the token endpoint issues while set (re-signed, RS256). */
  editIdToken?: (claims: Record<string, unknown>) => Record<string, unknown>;
  /** Access tokens issued to the client itself (client credentials grant), with the scope asked for. */
  appTokens: { token: string; scope: string }[];
  /** The `sub` and `sid` of every ID token issued, in order. */
  idTokens: { sub: string; sid: string; token: string }[];
  /** Front-channel logout calls the provider's sign-out pages made (the iframe URLs). */
  frontChannelCalls: string[];
  /** While set, the token endpoint answers every request with this status and `temporarily_unavailable`. */
  tokenStatus?: number;
  /** Refresh token grants the token endpoint answered, in order (status of each). */
  refreshes: number[];
  close(): Promise<void>;
}

/** The JWT `token` with its payload replaced by `edit(payload)`, signed again with `key`. */
function resign(
  token: string,
  edit: (claims: Record<string, unknown>) => Record<string, unknown>,
  key: crypto.KeyObject,
  kid: string,
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(edit(claims))}`;
  return `${input}.${crypto.sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** The raw body of a request the provider is not going to read (it is answered before its routes). */
function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (text += d));
    req.on('end', () => resolve(text));
  });
}

/** Single logout settings of the client (registered with the provider, as in Entra's app registration). */
export interface OidcLogoutOptions {
  postLogoutRedirectUri?: string;
  frontChannelLogoutUri?: string;
}

/** Starts the provider for one confidential client whose redirect URI is `redirectUri`. */
export async function startOidcServer(
  redirectUri: string,
  accounts: OidcAccounts,
  logout: OidcLogoutOptions = {},
  features: { refreshTokens?: boolean } = {},
): Promise<OidcServer> {
  const temp = tempDir('kotae-oidc-');
  const { key, cert } = selfSigned(temp.dir);
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'kotae-test-client';
  const clientSecret = 'kotae-test-secret-0123456789abcdef';
  // Our own signing key (not the provider's development key), so edited ID tokens verify against /jwks.
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'kotae-test-signing';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const { default: Provider } = (await import('oidc-provider')) as typeof import('oidc-provider');
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        // client_credentials: the app's own token, as Entra issues it for Microsoft Graph.
        grant_types: ['authorization_code', 'client_credentials', ...(features.refreshTokens ? ['refresh_token'] : [])],
        token_endpoint_auth_method: 'client_secret_post',
        ...(logout.postLogoutRedirectUri ? { post_logout_redirect_uris: [logout.postLogoutRedirectUri] } : {}),
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'oid', 'roles', 'groups', 'department'],
      email: ['email'],
    },
    // Put the profile claims into the ID token (as Entra does), not only into /userinfo.
    conformIdTokenClaims: false,
    // Any login name signs in; a refresh (`token` given) for an account no longer in `accounts` is refused.
    findAccount: (_ctx, id, token) =>
      token && !Object.hasOwn(accounts, id)
        ? undefined
        : { accountId: id, claims: () => ({ sub: id, ...(accounts[id] ?? {}) }) },
    cookies: { keys: ['kotae-oidc-test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true }, clientCredentials: { enabled: true } },
  });
  const running: OidcServer = {
    issuer,
    caFile: cert,
    clientId,
    clientSecret,
    appTokens: [],
    idTokens: [],
    frontChannelCalls: [],
    refreshes: [],
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      temp.cleanup();
    },
  };
  // Entra ID puts `sid` into every ID token; oidc-provider only for back-channel logout clients.
  provider.Client.prototype.includeSid = () => true;
  const endedSids = new WeakMap<object, string>();
  provider.on('end_session.success', (ctx) => {
    const sid = ctx.oidc?.session?.sidFor(clientId);
    if (sid) endedSids.set(ctx, sid);
  });
  provider.use(async (ctx, next) => {
    if (ctx.path === '/token' && running.tokenStatus) {
      ctx.status = running.tokenStatus;
      ctx.body = { error: 'temporarily_unavailable', error_description: 'the test provider is down' };
      if (/grant_type=refresh_token/.test(await readBody(ctx.req))) running.refreshes.push(running.tokenStatus);
      return;
    }
    // Entra grants offline_access without asking again; oidc-provider only on a consent prompt.
    if (features.refreshTokens && ctx.path === '/auth' && /offline_access/.test(String(ctx.query.scope ?? '')))
      ctx.querystring = `${ctx.querystring}&prompt=consent`;
    await next();
    if (ctx.path === '/token' && ctx.oidc?.body?.grant_type === 'refresh_token') running.refreshes.push(ctx.status);
    const ended = endedSids.get(ctx);
    const next_ = ctx.response.get('location');
    if (ended && logout.frontChannelLogoutUri && next_) {
      // Entra's sign-out page: the front-channel logout of each app in an iframe, then on to the app's redirect.
      const call = `${logout.frontChannelLogoutUri}?iss=${encodeURIComponent(issuer)}&sid=${encodeURIComponent(ended)}`;
      running.frontChannelCalls.push(call);
      const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      ctx.status = 200;
      ctx.type = 'html';
      ctx.body =
        `<!doctype html><title>Signed out</title><iframe id="fc" src="${esc(call)}"></iframe>` +
        `<a id="next" href="${esc(next_)}">continue</a>` +
        `<script>var go=function(){location.href=document.getElementById('next').href};` +
        `document.getElementById('fc').onload=go;setTimeout(go,5000);</script>`;
      return;
    }
    const edit = running.editIdToken;
    const body = ctx.body as { id_token?: unknown; access_token?: unknown } | undefined;
    if (edit && ctx.path === '/token' && typeof body?.id_token === 'string')
      ctx.body = { ...body, id_token: resign(body.id_token, edit, privateKey, kid) };
    const issued = (ctx.body as { id_token?: unknown } | undefined)?.id_token;
    if (ctx.path === '/token' && typeof issued === 'string') {
      const claims = JSON.parse(Buffer.from(issued.split('.')[1] ?? '', 'base64url').toString('utf8'));
      running.idTokens.push({ sub: String(claims.sub), sid: String(claims.sid), token: issued });
    }
    // The request as sent (`params.scope` loses the scopes this provider does not know, such as Graph's).
    const sent = ctx.oidc?.body;
    if (ctx.path === '/token' && sent?.grant_type === 'client_credentials' && typeof body?.access_token === 'string')
      running.appTokens.push({ token: body.access_token, scope: String(sent.scope ?? '') });
  });
  server.on('request', provider.callback());
  return running;
}
