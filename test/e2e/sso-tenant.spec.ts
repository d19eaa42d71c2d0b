/**
 * Entra ID sign-in with a single-tenant configuration and an unreachable provider: the real MSAL client and
 * /auth router on their own (the full app's Entra mode names login.microsoftonline.com), against the loopback
 * OpenID Connect provider: another tenant's token is refused and audited, a console-only deployment links
 * back to the console, and a provider that cannot be reached gets a Japanese 503 page, never a 500.
 */
import assert from 'node:assert/strict';
import { SSO_MESSAGES as M } from '../../adapters/web/sso';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';
import { freePort, throughProvider } from '../helpers/oidc-browser';
import { ACCOUNTS, BROWSER_AGENT, OTHER_TENANT, TENANT, client, failed, oid } from '../helpers/sso-accounts';
import { startBareRouter, type BareRouter } from '../helpers/sso-router';

describe('Entra ID sign-in: single-tenant configuration and an unreachable provider (MSAL client, /auth router)', function () {
  this.timeout(60_000);
  let op: OidcServer;
  let bare: BareRouter;

  before(async () => {
    const port = await freePort();
    op = await startOidcServer(`http://127.0.0.1:${port}/auth/callback`, ACCOUNTS);
    bare = await startBareRouter({ authority: op.issuer, op, port, tenantId: TENANT.toUpperCase() });
  });
  afterEach(() => (op.editIdToken = undefined));
  after(async () => {
    await bare?.close();
    await op?.close();
  });

  async function signIn(origin: string): Promise<{ status: number; text: string }> {
    const start = await fetch(`${origin}/auth/signin?to=console`, { redirect: 'manual' });
    const cookie = (start.headers.getSetCookie().find((c) => c.startsWith('kotae_oidc=')) ?? '').split(';')[0];
    const back = await throughProvider(op, start.headers.get('location') ?? '', 'operator');
    const res = await fetch(back, { headers: { cookie, 'user-agent': BROWSER_AGENT }, redirect: 'manual' });
    return { status: res.status, text: await res.text() };
  }

  it('accepts the configured tenant (control), refuses another tenant and a token without tid', async () => {
    // Entra puts `tid` into every ID token; the loopback provider's token gets it the same way as an edit.
    // The router's tenant is the same GUID in upper case, as an administrator may type it.
    op.editIdToken = (c) => ({ ...c, tid: TENANT });
    assert.equal((await signIn(bare.origin)).status, 200);
    assert.deepEqual(bare.signIns, [oid(1)]);
    for (const edit of [
      (c: Record<string, unknown>) => ({ ...c, tid: OTHER_TENANT }),
      (c: Record<string, unknown>) => ({ ...c, tid: [TENANT] }),
      (c: Record<string, unknown>) => c,
    ]) {
      op.editIdToken = edit;
      const res = await signIn(bare.origin);
      assert.equal(res.status, 401);
      assert.ok(res.text.includes(M.failed));
    }
    assert.deepEqual(bare.signIns, [oid(1)]);
    // The console sign-in is told where the browser came from (its audit row: FederatedSignIn).
    assert.deepEqual(bare.clients, [{ ip: '127.0.0.1', userAgent: BROWSER_AGENT }]);
    assert.deepEqual(bare.audit, Array(3).fill(failed({ reason: 'rejected' }, undefined, client('kotae-bare'))));
  });

  it('links a console-only deployment’s expired sign-in back to the console', async () => {
    const res = await fetch(`${bare.origin}/auth/callback?code=a&state=b`);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /<a href="\/auth\/signin\?to=console">もう一度サインインする<\/a>/);
  });

  it('answers 503 in Japanese when the provider cannot be reached, at the start and at the callback', async () => {
    const down = await startBareRouter({ authority: `https://127.0.0.1:${await freePort()}`, tenantId: TENANT });
    try {
      const start = await fetch(`${down.origin}/auth/signin?to=console`, { redirect: 'manual' });
      assert.equal(start.status, 503);
      assert.match(start.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await start.text(), /サインイン先（Microsoft Entra ID）に接続できません。/);
      const pending = { state: 's', nonce: 'n', verifier: 'v'.repeat(43), target: 'console' };
      const cookie = `kotae_oidc=${Buffer.from(JSON.stringify(pending)).toString('base64url')}`;
      const back = await fetch(`${down.origin}/auth/callback?code=c&state=s`, {
        headers: { cookie, 'user-agent': BROWSER_AGENT },
      });
      assert.equal(back.status, 503);
      assert.match(await back.text(), /サインイン先（Microsoft Entra ID）に接続できません。/);
      assert.deepEqual(down.signIns, []);
      assert.deepEqual(down.audit, [failed({ reason: 'unavailable' }, undefined, client('kotae-bare'))]);
    } finally {
      await down.close();
    }
  });
});
