/**
 * Single logout with the provider (RP-Initiated Logout 1.0 and Front-Channel Logout 1.0) against the loopback
 * OpenID Connect provider, on two instances sharing one database (SQLite, PostgreSQL): a console sign-out of a
 * single sign-on session ends it and sends the browser to the provider's end_session_endpoint with the session's
 * ID token as id_token_hint, the registered post-logout redirect URI and a one-time state kept in the browser's
 * cookie, which lands on Kotae's signed-out page (which says it went through the provider's sign-out only with
 * that state; a web chat sign-out lands in the chat's look); every sign-out row carries the sign-in context;
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

/** The User-Agent every request of this spec sends (audit rows record it). */
const UA = 'kotae-e2e-slo/1.0';
/** The sign-out state Kotae sends to the provider: the target and 32 random bytes. */
const STATE = (target: string) => new RegExp(`^${target}\\.[A-Za-z0-9_-]{43}$`);
/** The text of a page's plain paragraphs (those without markup: not the links). */
const said = (page: string) => [...page.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);
/** The links of a page's main part. */
const links = (page: string) => [...(page.split('<main')[1] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
/** The sign-out state cookie a response sets, as a Cookie header (empty when none). */
const stateCookie = (res: Response) =>
  (res.headers.getSetCookie().find((c) => c.startsWith('kotae_signout=')) ?? '').split(';')[0] ?? '';

/** Whether a page has the web chat's look (its stylesheet and header), not the console's. */
const chatLook = (page: string) =>
  page.includes('<link rel="stylesheet" href="/static/chat.css" />') &&
  page.includes('<header class="top">') &&
  !page.includes('console.css') &&
  !page.includes('運用コンソール');

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
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': UA },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      });
      const html = await out.text();
      assert.equal(out.status, 200);
      assert.equal(out.headers.get('cache-control'), 'no-store');
      assert.ok(out.headers.getSetCookie().includes('kotae_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0'));
      const refresh = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      const endSession = new URL(refresh ?? '');
      assert.equal(`${endSession.origin}${endSession.pathname}`, `${op.issuer}/session/end`);
      const state = endSession.searchParams.get('state') ?? '';
      assert.match(state, STATE('console'));
      assert.deepEqual(Object.fromEntries(endSession.searchParams), {
        id_token_hint: idToken.token,
        client_id: op.clientId,
        post_logout_redirect_uri: `${publicUrl}/auth/signed-out`,
        state,
      });
      // The state is kept in this browser only (one-time, any instance can check it: nothing on the server).
      assert.deepEqual(
        out.headers.getSetCookie().filter((c) => c.startsWith('kotae_signout=')),
        [`kotae_signout=${state}; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=900`],
      );
      // The cookie no longer works, on either instance.
      assert.equal(await consoleStatus(one, cookie), 302);
      assert.equal(await consoleStatus(two, cookie), 302);
      assert.deepEqual((await auditRows(one, 'auth.sign_out')).slice(-1), [
        {
          actor: 'user1@kotonoha.example.lg.jp',
          detail: { via: 'sso', ip: '127.0.0.1', userAgent: UA, instance: two.app.leases.holder },
        },
      ]);
      // The provider signs the browser out and sends it back to Kotae's signed-out page (the other instance).
      const { next } = await signOutAtProvider(op, endSession.toString(), jar);
      assert.equal(next.toString(), `${publicUrl}/auth/signed-out?state=${encodeURIComponent(state)}`);
      const back = { cookie: `kotae_signout=${state}` };
      const signedOut = await fetch(onto(one, next), { headers: back });
      assert.equal(signedOut.status, 200);
      const text = await signedOut.text();
      assert.deepEqual(said(text), [M.signedOut, M.signedOutViaProvider]);
      assert.deepEqual(links(text), ['/auth/signin?to=console']);
      assert.ok(text.includes('<title>サインアウト - Kotae 運用コンソール</title>'));
      assert.deepEqual(signedOut.headers.getSetCookie(), [
        'kotae_signout=; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=0',
      ]);
      // Only what is true whatever the provider did, when Kotae did not send this browser there with this state:
      // the same URL again (the cookie is spent), another browser, a forged state, the page opened directly.
      const everyLink = ['/auth/signin?to=chat', '/auth/signin?to=console'];
      for (const [url, headers] of [
        [onto(two, next), {}],
        [`${two.url}/auth/signed-out?state=console`, back],
        [`${two.url}/auth/signed-out?state=console`, { cookie: 'kotae_signout=console' }],
        [`${two.url}/auth/signed-out?state=${encodeURIComponent(state)}x`, back],
        [`${two.url}/auth/signed-out?state=chat`, {}],
        [`${two.url}/auth/signed-out`, back],
      ] as const) {
        const page = await (await fetch(url, { headers })).text();
        assert.deepEqual([said(page), links(page)], [[M.signedOut], everyLink], url);
      }
      assert.equal(M.signedOut, 'Kotae からサインアウトしました。');
      assert.equal(
        M.signedOutViaProvider,
        'Microsoft Entra ID のサインアウト画面を経由しました。共用の端末では、ブラウザーをすべて閉じてください。',
      );
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
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': UA },
        body: new URLSearchParams({ _csrf: token }).toString(),
      });
      assert.deepEqual([out.status, out.headers.get('location')], [303, '/console/signin?notice=signedOut']);
      assert.equal(stateCookie(out), '', 'no provider, no sign-out state');
      assert.deepEqual((await auditRows(one, 'auth.sign_out')).slice(-1), [
        { actor: 'admin', detail: { ip: '127.0.0.1', userAgent: UA, instance: two.app.leases.holder } },
      ]);
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
      const call = (query: string) =>
        fetch(`${two.url}/auth/frontchannel-logout?${query}`, { headers: { 'user-agent': UA } });

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
            userAgent: UA,
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
        headers: { cookie: chat, 'user-agent': UA },
      });
      assert.equal(out.status, 200);
      const leaving = await out.text();
      const refresh = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(leaving)?.[1]?.replace(/&amp;/g, '&');
      const endSession = new URL(refresh ?? '');
      const state = endSession.searchParams.get('state') ?? '';
      assert.match(state, STATE('chat'));
      assert.equal(stateCookie(out), `kotae_signout=${state}`);
      // The page on the way out is the chat's too.
      assert.deepEqual([said(leaving), chatLook(leaving)], [[M.signingOut], true]);
      assert.deepEqual((await auditRows(one, 'auth.sign_out')).slice(-1), [
        {
          actor: 'user1@kotonoha.example.lg.jp',
          detail: { to: 'chat', via: 'sso', ip: '127.0.0.1', userAgent: UA, instance: one.app.leases.holder },
        },
      ]);
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
      assert.equal(next.toString(), `${publicUrl}/auth/signed-out?state=${encodeURIComponent(state)}`);
      // The web chat's signed-out page: the chat's look and the way back to the chat, not the console's.
      const landed = await (await fetch(onto(two, next), { headers: { cookie: stateCookie(out) } })).text();
      assert.deepEqual(
        [said(landed), links(landed), chatLook(landed)],
        [[M.signedOut, M.signedOutViaProvider], ['/'], true],
      );
      assert.ok(landed.includes('<title>サインアウト｜ヘルプデスク チャット｜Kotae</title>'));
      assert.ok(landed.includes('<h2>サインアウト</h2>'));
      assert.ok(landed.includes('<a href="/">チャットへ戻る</a>'));
    });
  });
}
