/**
 * Single logout with the provider (RP-Initiated Logout 1.0 and Front-Channel Logout 1.0) against the loopback
 * OpenID Connect provider, on two instances sharing one database (SQLite, PostgreSQL): a console sign-out of a
 * single sign-on session ends it and sends the browser to the provider's end_session_endpoint with the session's
 * ID token as id_token_hint and the registered post-logout redirect URI, which lands on Kotae's signed-out page;
 * the provider's front-channel call with the user's sid ends every Kotae session of that provider session (console
 * and web chat, on either instance) and no one else's; a forged iss or an unknown sid changes nothing.
 */
import assert from 'node:assert/strict';
import { SSO_MESSAGES as M } from '../../adapters/web/sso';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';
import { startInstancePair, type InstancePair } from '../helpers/instance-pair';
import { freePort, signOutAtProvider, throughProvider } from '../helpers/oidc-browser';
import { ACCOUNTS } from '../helpers/sso-accounts';
import { startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

/** The same path and query on `app` (the provider sends the browser to the public URL; any instance answers it). */
const onto = (app: RunningApp, url: URL | string) => {
  const u = new URL(url);
  return `${app.url}${u.pathname}${u.search}`;
};

/** The audit rows of an action, oldest first. */
async function auditRows(app: RunningApp, action: string) {
  const rows = await app.app.operators.audit.recent(500);
  return rows
    .filter((r) => r.action === action)
    .reverse()
    .map((r) => ({ actor: r.actor, detail: r.detail }));
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`single logout with the provider on ${kind} (two instances, one database)`, function () {
    this.timeout(120_000);
    let op: OidcServer;
    let one: RunningApp;
    let two: RunningApp;
    let pair: InstancePair | undefined;
    let stopSqlite: (() => Promise<void>) | undefined;
    let publicUrl: string;

    before(async function () {
      this.timeout(300_000);
      const port = await freePort();
      publicUrl = `http://127.0.0.1:${port}`;
      op = await startOidcServer(`${publicUrl}/auth/callback`, ACCOUNTS, {
        postLogoutRedirectUri: `${publicUrl}/auth/signed-out`,
        frontChannelLogoutUri: `${publicUrl}/auth/frontchannel-logout`,
      });
      const env = {
        KOTAE_PUBLIC_URL: publicUrl,
        KOTAE_OIDC_CLIENT_ID: op.clientId,
        KOTAE_OIDC_CLIENT_SECRET: op.clientSecret,
        KOTAE_OIDC_AUTHORITY: op.issuer,
        KOTAE_OIDC_CA_FILE: op.caFile,
        KOTAE_OIDC_ROLE_MAP: 'Kotae.Operator=operator,Kotae.Admin=admin',
        KOTAE_OIDC_WEB_CHAT: 'true',
      };
      if (kind === 'postgres') {
        pair = await startInstancePair('postgres', env);
        ({ one, two } = pair);
        return;
      }
      // Two processes' worth of app on one SQLite file (one data directory).
      const data = tempDir('kotae-slo-');
      one = await startApp({ ...env, KOTAE_DATA_DIR: data.dir }, { port });
      two = await startApp({ ...env, KOTAE_DATA_DIR: data.dir });
      stopSqlite = async () => {
        await two.stop();
        await one.stop();
        data.cleanup();
      };
    });
    after(async () => {
      await pair?.stop();
      await stopSqlite?.();
      await op?.close();
    });

    /** A browser (provider cookies `jar`) signs `login` in to the console or the web chat of `app`: the cookie. */
    async function signIn(app: RunningApp, login: string, to: 'console' | 'chat', jar: Map<string, string>) {
      const start = await fetch(`${app.url}/auth/signin?to=${to}`, { redirect: 'manual' });
      const pending = (start.headers.getSetCookie().find((c) => c.startsWith('kotae_oidc=')) ?? '').split(';')[0];
      const back = await throughProvider(op, start.headers.get('location') ?? '', login, jar);
      const res = await fetch(onto(app, back), { redirect: 'manual', headers: { cookie: pending } });
      assert.equal(res.status, 200, await res.text());
      const name = to === 'console' ? 'kotae_session=' : 'kotae_chat=';
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith(name) && !c.startsWith(`${name};`));
      return (cookie ?? '').split(';')[0];
    }

    /** Whether a console cookie still opens the queue on `app` (200), or is sent to sign in (302). */
    const consoleStatus = async (app: RunningApp, cookie: string) =>
      (await fetch(`${app.url}/console/tickets`, { redirect: 'manual', headers: { cookie } })).status;
    /** Whether a web chat cookie is still signed in on `app`. */
    const chatSignedIn = async (app: RunningApp, cookie: string) =>
      ((await (await fetch(`${app.url}/auth/me`, { headers: { cookie } })).json()) as { signedIn: boolean }).signedIn;

    it('a console sign-out ends the session and sends the browser to the provider with id_token_hint', async () => {
      const jar = new Map<string, string>();
      const cookie = await signIn(one, 'operator', 'console', jar);
      const idToken = op.idTokens.at(-1)!;
      assert.equal(await consoleStatus(two, cookie), 200);
      const page = await fetch(`${one.url}/console/tickets`, { headers: { cookie } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const out = await fetch(`${two.url}/console/signout`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      });
      const html = await out.text();
      assert.equal(out.status, 200);
      assert.equal(out.headers.get('cache-control'), 'no-store');
      assert.ok(out.headers.getSetCookie().includes('kotae_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0'));
      const refresh = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      const endSession = new URL(refresh ?? '');
      assert.equal(`${endSession.origin}${endSession.pathname}`, `${op.issuer}/session/end`);
      assert.deepEqual(Object.fromEntries(endSession.searchParams), {
        id_token_hint: idToken.token,
        client_id: op.clientId,
        post_logout_redirect_uri: `${publicUrl}/auth/signed-out`,
        state: 'console',
      });
      // The cookie no longer works, on either instance.
      assert.equal(await consoleStatus(one, cookie), 302);
      assert.equal(await consoleStatus(two, cookie), 302);
      assert.deepEqual((await auditRows(one, 'auth.sign_out')).slice(-1), [
        { actor: 'user1@kotonoha.example.lg.jp', detail: { via: 'sso' } },
      ]);
      // The provider signs the browser out and sends it back to Kotae's signed-out page.
      const { next } = await signOutAtProvider(op, endSession.toString(), jar);
      assert.equal(next.toString(), `${publicUrl}/auth/signed-out?state=console`);
      const signedOut = await fetch(onto(one, next));
      assert.equal(signedOut.status, 200);
      const text = await signedOut.text();
      assert.ok(text.includes(M.signedOut));
      assert.ok(text.includes('href="/auth/signin?to=console"'));
    });

    it('a password session signs out as before (no provider)', async () => {
      const form = await fetch(`${one.url}/console/signin`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
      const pre = (form.headers.getSetCookie()[0] ?? '').split(';')[0];
      const signedIn = await fetch(`${one.url}/console/signin`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, username: 'admin', password: 'e2e-admin-password' }).toString(),
      });
      const cookie = (signedIn.headers.getSetCookie().find((c) => c.startsWith('kotae_session=')) ?? '').split(';')[0];
      const page = await fetch(`${one.url}/console/tickets`, { headers: { cookie } });
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const out = await fetch(`${two.url}/console/signout`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token }).toString(),
      });
      assert.deepEqual([out.status, out.headers.get('location')], [303, '/console/signin?notice=signedOut']);
      assert.deepEqual((await auditRows(one, 'auth.sign_out')).slice(-1), [{ actor: 'admin', detail: undefined }]);
    });

    it("the provider's front-channel call ends that provider session's Kotae sessions on both instances only", async () => {
      // One browser: the console on one instance, the web chat on the other (one provider session, one sid).
      const jar = new Map<string, string>();
      const desk = await signIn(one, 'operator', 'console', jar);
      const chat = await signIn(two, 'operator', 'chat', jar);
      const [first, second] = op.idTokens.slice(-2);
      assert.equal(first!.sid, second!.sid);
      // Another user, and the same user in another browser (another provider session).
      const other = await signIn(one, 'rolestring', 'console', new Map());
      const elsewhere = await signIn(two, 'operator', 'console', new Map());
      const before = (await auditRows(one, 'auth.sign_out')).length;
      const call = (query: string) => fetch(`${two.url}/auth/frontchannel-logout?${query}`);

      // A forged issuer, an unknown sid, no sid: nothing ends.
      const forged = await call(`iss=${encodeURIComponent('https://evil.example')}&sid=${first!.sid}`);
      assert.deepEqual([forged.status, await forged.text()], [200, '<!doctype html><title></title>']);
      const unknown = await call(`iss=${encodeURIComponent(op.issuer)}&sid=no-such-session`);
      assert.equal(unknown.status, 200);
      const missing = await call(`iss=${encodeURIComponent(op.issuer)}`);
      assert.deepEqual([missing.status, await missing.text()], [400, M.frontChannelInvalid]);
      assert.deepEqual([await consoleStatus(one, desk), await chatSignedIn(one, chat)], [200, true]);
      assert.equal((await auditRows(one, 'auth.sign_out')).length, before);

      // The provider's call (as its sign-out page frames it): that browser's sessions end, on both instances.
      const res = await call(`iss=${encodeURIComponent(op.issuer)}&sid=${encodeURIComponent(first!.sid)}`);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), '<!doctype html><title></title>');
      assert.equal(res.headers.get('cache-control'), 'no-cache, no-store');
      assert.equal(res.headers.get('pragma'), 'no-cache');
      assert.equal(res.headers.get('x-frame-options'), null);
      assert.equal(res.headers.get('content-security-policy'), `default-src 'none'; frame-ancestors ${op.issuer}`);
      assert.deepEqual(
        [await consoleStatus(one, desk), await consoleStatus(two, desk), await chatSignedIn(one, chat)],
        [302, 302, false],
      );
      assert.deepEqual(
        [await consoleStatus(one, other), await consoleStatus(one, elsewhere)],
        [200, 200],
        "another user's and another browser's sessions stay",
      );
      assert.deepEqual((await auditRows(one, 'auth.sign_out')).slice(before), [
        {
          actor: 'user1@kotonoha.example.lg.jp',
          detail: {
            via: 'sso',
            reason: 'front_channel',
            sessions: 2,
            ip: '127.0.0.1',
            instance: two.app.leases.holder,
          },
        },
      ]);
      // Again (idempotent): 200, nothing more ended or audited. Entra sends the sid alone (no iss).
      const again = await call(`sid=${encodeURIComponent(first!.sid)}`);
      assert.equal(again.status, 200);
      assert.equal((await auditRows(one, 'auth.sign_out')).length, before + 1);
    });

    it('a web chat sign-out goes to the provider, whose sign-out page calls the front-channel logout', async () => {
      const jar = new Map<string, string>();
      const chat = await signIn(one, 'operator', 'chat', jar);
      const desk = await signIn(two, 'operator', 'console', jar);
      const out = await fetch(`${one.url}/auth/signout`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: chat },
      });
      assert.equal(out.status, 200);
      const refresh = /http-equiv="refresh" content="0;url=([^"]+)"/
        .exec(await out.text())?.[1]
        ?.replace(/&amp;/g, '&');
      const endSession = new URL(refresh ?? '');
      assert.equal(endSession.searchParams.get('state'), 'chat');
      assert.equal(endSession.searchParams.get('id_token_hint'), op.idTokens.at(-2)!.token);
      assert.equal(await chatSignedIn(two, chat), false);
      // The console session of the same provider session ends when the provider frames its front-channel logout.
      const { frames, next } = await signOutAtProvider(op, endSession.toString(), jar);
      const sid = op.idTokens.at(-1)!.sid;
      assert.deepEqual(frames, [
        `${publicUrl}/auth/frontchannel-logout?iss=${encodeURIComponent(op.issuer)}&sid=${sid}`,
      ]);
      assert.equal(await consoleStatus(two, desk), 200);
      assert.equal((await fetch(onto(two, frames[0]!))).status, 200);
      assert.equal(await consoleStatus(one, desk), 302);
      assert.equal(next.toString(), `${publicUrl}/auth/signed-out?state=chat`);
      assert.ok((await (await fetch(onto(two, next))).text()).includes('href="/"'));
    });
  });
}
