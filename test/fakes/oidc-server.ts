/**
 * A real OpenID Connect provider on loopback (the `oidc-provider` package) over https with a
 * self-signed certificate made by openssl for 127.0.0.1: MSAL refuses http authorities, so the app
 * under test trusts the certificate through KOTAE_OIDC_CA_FILE. Its development login page takes any
 * login name; the account's claims come from `accounts` (app roles, groups, 所属 …).
 */
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
  close(): Promise<void>;
}

/** Starts the provider for one confidential client whose redirect URI is `redirectUri`. */
export async function startOidcServer(redirectUri: string, accounts: OidcAccounts): Promise<OidcServer> {
  const temp = tempDir('kotae-oidc-');
  const { key, cert } = selfSigned(temp.dir);
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'kotae-test-client';
  const clientSecret = 'kotae-test-secret-0123456789abcdef';
  const { default: Provider } = (await import('oidc-provider')) as typeof import('oidc-provider');
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'oid', 'roles', 'groups', 'department'],
      email: ['email'],
    },
    // Put the profile claims into the ID token (as Entra does), not only into /userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(accounts[id] ?? {}) }),
    }),
    cookies: { keys: ['kotae-oidc-test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    caFile: cert,
    clientId,
    clientSecret,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      temp.cleanup();
    },
  };
}
