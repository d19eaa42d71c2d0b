/**
 * Where an Entra ID sign-in came from, in the audit log (session 31's context of password sign-ins, now
 * for single sign-on too): the real app and its MSAL client against the loopback OpenID Connect provider.
 * `auth.sign_in_sso` (console, and the web chat's with `to: 'chat'`), `account.create_sso` and every
 * `auth.sign_in_failed` of a single sign-on (a refused callback, no role, an account an administrator disabled)
 * carry `ip`, `userAgent` (cut to 200 characters) and `instance`, the same keys and values as a password
 * sign-in's row.
 */
import assert from 'node:assert/strict';
import { SSO_MESSAGES as M } from '../../adapters/web/sso';
import { signInConsole } from '../helpers/console-client';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';
import { freePort, throughProvider } from '../helpers/oidc-browser';
import { ACCOUNTS, BROWSER_AGENT, client, failed, oid } from '../helpers/sso-accounts';
import { signInRecords } from '../helpers/sso-router';
import { startApp, type RunningApp } from '../helpers/start-app';

describe('Entra ID sign-in: client address, User-Agent and instance in the audit log', function () {
  this.timeout(60_000);
  let op: OidcServer;
  let kotae: RunningApp;

  before(async function () {
    this.timeout(120_000);
    const port = await freePort();
    op = await startOidcServer(`http://127.0.0.1:${port}/auth/callback`, ACCOUNTS);
    kotae = await startApp(
      {
        KOTAE_PUBLIC_URL: `http://127.0.0.1:${port}`,
        KOTAE_OIDC_CLIENT_ID: op.clientId,
        KOTAE_OIDC_CLIENT_SECRET: op.clientSecret,
        KOTAE_OIDC_AUTHORITY: op.issuer,
        KOTAE_OIDC_CA_FILE: op.caFile,
        KOTAE_OIDC_ROLE_MAP: 'Kotae.Operator=operator,Kotae.Admin=admin',
        KOTAE_OIDC_WEB_CHAT: 'true',
      },
      { port },
    );
  });
  after(async () => {
    await kotae?.stop();
    await op?.close();
  });

  const records = () => signInRecords(kotae.app.dataSource);
  const here = (userAgent?: string) => client(kotae.app.leases.holder, userAgent);

  /** A browser sending `userAgent` signs in to the console (or `to` the web chat) as `login`: the callback's answer. */
  async function signIn(login: string, userAgent = BROWSER_AGENT, cookie?: string, to = 'console') {
    const start = await fetch(`${kotae.url}/auth/signin?to=${to}`, {
      redirect: 'manual',
      headers: { 'user-agent': userAgent },
    });
    const pending = (start.headers.getSetCookie().find((c) => c.startsWith('kotae_oidc=')) ?? '').split(';')[0];
    const back = await throughProvider(op, start.headers.get('location') ?? '', login);
    const res = await fetch(back, {
      redirect: 'manual',
      headers: { 'user-agent': userAgent, cookie: cookie ?? pending },
    });
    return { status: res.status, text: await res.text(), cookies: res.headers.getSetCookie() };
  }

  it('records the client address, the User-Agent (200 characters) and the instance of a console sign-in', async () => {
    const agent = `${BROWSER_AGENT} KotaeTest/${'9'.repeat(200)}`;
    assert.equal((await signIn('operator', agent)).status, 200);
    assert.deepEqual(await records().signIns(), [
      {
        actor: 'user1@kotonoha.example.lg.jp',
        action: 'auth.sign_in_sso',
        detail: { role: 'operator', ...here(agent.slice(0, 200)) },
      },
    ]);
    // The first sign-in created the account: its row says where from, too. A second sign-in creates none.
    assert.equal((await signIn('operator')).status, 200);
    assert.deepEqual(await records().accountsCreated(), [
      {
        actor: 'user1@kotonoha.example.lg.jp',
        action: 'account.create_sso',
        detail: { role: 'operator', ...here(agent.slice(0, 200)) },
      },
    ]);
  });

  it("records a web chat sign-in as auth.sign_in_sso with to: 'chat', without name, 所属 or e-mail", async () => {
    const before = (await records().signIns()).length;
    const counts = await records().counts();
    const agent = `${BROWSER_AGENT} KotaeChat/1.0`;
    const chat = await signIn('group', agent, undefined, 'chat');
    assert.equal(chat.status, 200);
    assert.equal(chat.cookies.filter((c) => c.startsWith('kotae_chat=') && !c.startsWith('kotae_chat=;')).length, 1);
    assert.deepEqual((await records().signIns()).slice(before), [
      { actor: 'user9@kotonoha.example.lg.jp', action: 'auth.sign_in_sso', detail: { to: 'chat', ...here(agent) } },
    ]);
    // A web chat sign-in is no console account and no console session.
    assert.deepEqual(await records().counts(), { ...counts, webSessions: counts.webSessions + 1 });
    // A user without a sign-in name is named by the subject, as for the console.
    assert.equal((await signIn('bare', BROWSER_AGENT, undefined, 'chat')).status, 200);
    assert.deepEqual((await records().signIns()).slice(-1), [
      { actor: `sso-${oid(3)}`, action: 'auth.sign_in_sso', detail: { to: 'chat', ...here() } },
    ]);
    const audit = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const page = (await audit.get('/console/audit')).text;
    assert.match(page, /<span title="auth\.sign_in_sso">シングルサインオンでサインイン<\/span>/);
    assert.match(page, /サインイン先: Webチャット ／ IPアドレス: 127\.0\.0\.1/);
    assert.match(page, /<span title="account\.create_sso">シングルサインオンでアカウント作成<\/span>/);
  });

  it('records them for each refusal: a callback without its sign-in cookie, no role, a disabled account', async () => {
    const before = (await records().failures()).length;
    assert.equal((await signIn('operator', BROWSER_AGENT, 'kotae_oidc=')).status, 400);
    const bare = await signIn('bare');
    assert.deepEqual([bare.status, bare.text.includes(M.noRole)], [403, true]);
    // An administrator disabled the account; the directory still grants the role.
    assert.equal((await signIn('disabled')).status, 200);
    const username = 'user12@kotonoha.example.lg.jp';
    const account = await kotae.app.operators.operators.findByUsername(username);
    await kotae.app.operators.operators.update(account!.id, { disabled: true });
    const disabled = await signIn('disabled');
    assert.deepEqual([disabled.status, disabled.text.includes(M.accountDisabled)], [403, true]);
    assert.deepEqual((await records().failures()).slice(before), [
      failed({ reason: 'no_pending' }, undefined, here()),
      failed({ reason: 'no_role' }, `sso-${oid(3)}`, here()),
      failed({ reason: 'account_disabled' }, username, here()),
    ]);
  });

  it('writes the same keys and values as a password sign-in of the same instance', async () => {
    await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const [local] = (await kotae.app.operators.audit.recent(50)).filter(
      (r) => r.action === 'auth.sign_in' && r.actor === 'admin',
    );
    const [sso] = (await records().signIns()).slice(-1);
    const { role: _role, ...context } = sso.detail ?? {};
    assert.deepEqual(Object.keys(context), Object.keys(local.detail ?? {}));
    assert.deepEqual([context.ip, context.instance], [local.detail?.ip, local.detail?.instance]);
  });
});
