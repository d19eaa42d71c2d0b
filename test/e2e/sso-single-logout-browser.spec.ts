/**
 * Entra ID single logout in Chromium against the loopback OpenID Connect provider (test/fakes/oidc-server.ts):
 * the console's sign-out button ends the Kotae session, the browser moves on to the provider's sign-out
 * (RP-Initiated Logout; its confirmation answered), whose last page frames Kotae's front-channel logout URL with
 * `iss` and `sid` and then lands on Kotae's signed-out page (which says the browser went through the provider's
 * sign-out: it came back with the one-time state in its cookie). The web chat's sign-out button lands on the same
 * page in the chat's look. Every sign-out row records the browser's ip, User-Agent and the instance. The
 * front-channel call ends the web chat sign-in of the same provider session (another tab of that browser); the same
 * user's session in another browser (another provider session, another `sid`) and another user's session stay.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { SSO_MESSAGES as M } from '../../adapters/web/sso';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';
import { launchChromium } from '../helpers/chromium';
import { freePort } from '../helpers/oidc-browser';
import { throughProviderPages } from '../helpers/provider-login-page';
import { ACCOUNTS } from '../helpers/sso-accounts';
import { startApp, type RunningApp } from '../helpers/start-app';

const USER1 = 'user1@kotonoha.example.lg.jp';
/** Where Kotae's signed-out page is, with the one-time sign-out state of `target`. */
const SIGNED_OUT = (publicUrl: string, target: string) =>
  new RegExp(`^${publicUrl.replace(/[.]/g, '\\.')}/auth/signed-out\\?state=${target}\\.[A-Za-z0-9_-]{43}$`);

describe('Entra ID single logout in chromium (loopback provider, front-channel logout)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let op: OidcServer;
  let kotae: RunningApp;
  let publicUrl: string;
  const contexts: BrowserContext[] = [];

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    op = await startOidcServer(`${publicUrl}/auth/callback`, ACCOUNTS, {
      postLogoutRedirectUri: `${publicUrl}/auth/signed-out`,
      frontChannelLogoutUri: `${publicUrl}/auth/frontchannel-logout`,
    });
    kotae = await startApp(
      {
        KOTAE_PUBLIC_URL: publicUrl,
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
    for (const c of contexts) await c.close();
    await browser?.close();
    await kotae?.stop();
    await op?.close();
  });

  /** A new browser (its own cookies, at Kotae and at the provider). */
  async function newBrowser(): Promise<BrowserContext> {
    // Chromium accepts the provider's self-signed certificate; Kotae trusts it through KOTAE_OIDC_CA_FILE.
    const context = await browser!.newContext({ locale: 'ja-JP', ignoreHTTPSErrors: true });
    contexts.push(context);
    return context;
  }

  /** Signs `login` in to the console in `page` (through the provider): on the ticket queue. */
  async function signInConsole(page: Page, login: string): Promise<void> {
    await page.goto(`${kotae.url}/console/signin`);
    await page.getByRole('link', { name: 'Microsoft Entra ID でサインイン' }).click();
    await throughProviderPages(page, op.issuer, publicUrl, login);
    await page.waitForURL((u) => u.origin === publicUrl && u.pathname === '/console/tickets');
  }

  /** Signs `login` in to the web chat in `page` (through the provider): the chat shows who is signed in. */
  async function signInChat(page: Page, login: string, shown: string): Promise<void> {
    await page.goto(`${kotae.url}/`);
    await page.locator('#sign-in-link').click();
    await throughProviderPages(page, op.issuer, publicUrl, login);
    await page.waitForURL(`${publicUrl}/`);
    await page.locator('.signed-in').getByText(shown, { exact: true }).waitFor();
  }

  /** The value of Kotae's cookie `name` in `context`. */
  async function cookieOf(context: BrowserContext, name: string): Promise<string> {
    const found = (await context.cookies(publicUrl)).filter((c) => c.name === name);
    assert.equal(found.length, 1, `one ${name} cookie`);
    return `${name}=${found[0]!.value}`;
  }

  /** A fresh request with a console cookie to the queue: its status and where it is sent. */
  async function consoleWith(cookie: string): Promise<[number, string | null]> {
    const res = await fetch(`${kotae.url}/console/tickets`, { redirect: 'manual', headers: { cookie } });
    return [res.status, res.headers.get('location')];
  }

  /** The audit sequence number now: rows written later have a larger one. */
  const auditMark = async () => (await kotae.app.operators.audit.recent(1))[0]?.seq ?? 0;
  /** Every audit row written after `mark`, oldest first. */
  async function auditSince(mark: number) {
    const rows = await kotae.app.operators.audit.recent(500);
    return rows
      .filter((r) => r.seq > mark)
      .reverse()
      .map((r) => ({ actor: r.actor, action: r.action, target: r.target, detail: r.detail }));
  }

  /**
   * Presses the console's (or the web chat's) sign-out button in `page` and answers the provider's confirmation ("yes"): the
   * front-channel logout responses the provider's last page loaded (in its iframe) and the signed-out page's
   * response. The post-logout redirect is held until the iframe has been inspected, so the check that Chromium
   * really rendered Kotae's answer inside the provider's page (frame-ancestors) does not race the navigation.
   */
  async function signOutThroughProvider(page: Page) {
    const frames: { url: string; status: number; parent: string | undefined; blocked: boolean }[] = [];
    const framed: Response[] = [];
    const onResponse = (r: Response) => {
      if (r.url().startsWith(`${publicUrl}/auth/frontchannel-logout`)) framed.push(r);
    };
    page.on('response', onResponse);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => {
      void page.route(`${publicUrl}/auth/signed-out**`, async (route) => {
        resolve();
        await held;
        await route.continue();
      });
    });
    await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
    await page.waitForURL((u) => u.origin === op.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await arrived;
    for (const r of framed) {
      const frame = r.frame();
      // A frame Chromium refused to render (frame-ancestors, X-Frame-Options) shows its error page instead.
      const blocked = await frame
        .evaluate(() => location.href)
        .then(
          (href) => !href.startsWith('http://127.0.0.1'),
          () => true,
        );
      frames.push({ url: r.url(), status: r.status(), parent: frame.parentFrame()?.url(), blocked });
    }
    const landed = page.waitForResponse((r) => r.url().startsWith(`${publicUrl}/auth/signed-out`));
    release();
    const signedOut = await landed;
    await page.waitForLoadState();
    page.off('response', onResponse);
    await page.unroute(`${publicUrl}/auth/signed-out**`);
    return { frames, signedOut };
  }

  it('the console sign-out button ends the session at Kotae and the provider and lands on the signed-out page', async () => {
    const context = await newBrowser();
    const page = await context.newPage();
    await signInConsole(page, 'operator');
    const cookie = await cookieOf(context, 'kotae_session');
    const sid = op.idTokens.at(-1)!.sid;
    assert.deepEqual(await consoleWith(cookie), [200, null]);
    const calls = op.frontChannelCalls.length;
    const mark = await auditMark();

    const userAgent = await page.evaluate(() => navigator.userAgent);
    const { frames, signedOut } = await signOutThroughProvider(page);

    // The provider's last page framed Kotae's front-channel logout (rendered, not refused), with iss and sid.
    const call = `${publicUrl}/auth/frontchannel-logout?iss=${encodeURIComponent(op.issuer)}&sid=${encodeURIComponent(sid)}`;
    assert.deepEqual(op.frontChannelCalls.slice(calls), [call]);
    assert.deepEqual(frames, [{ url: call, status: 200, parent: `${op.issuer}/session/end/confirm`, blocked: false }]);
    // Kotae's signed-out page, with the way back to the console's sign-in.
    assert.equal(signedOut.status(), 200);
    assert.match(page.url(), SIGNED_OUT(publicUrl, 'console'));
    assert.deepEqual(await page.locator('main h1').allTextContents(), [M.signOutTitle]);
    assert.equal(M.signOutTitle, 'サインアウト');
    assert.equal(await page.title(), 'サインアウト - Kotae 運用コンソール');
    // Chromium brought the state's cookie back from the provider's page: the page says it went through it.
    assert.deepEqual(await page.locator('main p:not(:has(a))').allTextContents(), [
      'Kotae からサインアウトしました。',
      'Microsoft Entra ID のサインアウト画面を経由しました。共用の端末では、ブラウザーをすべて閉じてください。',
    ]);
    assert.deepEqual(await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [
      '/auth/signin?to=console',
    ]);
    assert.deepEqual(
      (await context.cookies(publicUrl)).filter((c) => c.name === 'kotae_session'),
      [],
      'the browser no longer holds the session cookie',
    );
    assert.deepEqual(
      (await context.cookies(publicUrl)).filter((c) => c.name === 'kotae_signout'),
      [],
      'the sign-out state is spent',
    );
    // Reloaded (or opened again), the page no longer says the browser went through the provider's sign-out.
    await page.reload();
    assert.deepEqual(await page.locator('main p:not(:has(a))').allTextContents(), [M.signedOut]);

    // The old cookie no longer opens the console: a fresh request with it is sent to sign in.
    assert.deepEqual(await consoleWith(cookie), [302, '/console/signin']);
    // Exactly one row: the sign-out (the provider's front-channel call found no session left to end).
    assert.deepEqual(await auditSince(mark), [
      {
        actor: USER1,
        action: 'auth.sign_out',
        target: undefined,
        detail: { via: 'sso', ip: '127.0.0.1', userAgent, instance: kotae.app.leases.holder },
      },
    ]);
    // Signed out at the provider too: signing in again asks for the login.
    await page.goto(`${kotae.url}/auth/signin?to=console`);
    await page.waitForURL((u) => u.origin === op.issuer);
    await page.locator('input[name=login]').waitFor();
  });

  it("the provider's front-channel logout ends that browser's web chat sign-in; other sessions stay", async () => {
    // One browser: the console in one tab, the web chat in another (one provider session, one sid).
    const one = await newBrowser();
    const desk = await one.newPage();
    await signInConsole(desk, 'operator');
    const chat = await one.newPage();
    await signInChat(chat, 'operator', '職員 1（情報政策課）');
    const [deskToken, chatToken] = op.idTokens.slice(-2);
    assert.equal(deskToken!.sid, chatToken!.sid, 'one provider session in one browser');
    const chatCookie = await cookieOf(one, 'kotae_chat');
    // The same user in another browser (another provider session), and another user.
    const two = await newBrowser();
    const elsewhere = await two.newPage();
    await signInConsole(elsewhere, 'operator');
    assert.notEqual(op.idTokens.at(-1)!.sid, deskToken!.sid);
    const three = await newBrowser();
    const other = await three.newPage();
    await signInConsole(other, 'rolestring');
    const calls = op.frontChannelCalls.length;
    const mark = await auditMark();

    const userAgent = await desk.evaluate(() => navigator.userAgent);
    const { frames } = await signOutThroughProvider(desk);

    const call = `${publicUrl}/auth/frontchannel-logout?iss=${encodeURIComponent(op.issuer)}&sid=${encodeURIComponent(deskToken!.sid)}`;
    assert.deepEqual(op.frontChannelCalls.slice(calls), [call]);
    assert.deepEqual(frames, [{ url: call, status: 200, parent: `${op.issuer}/session/end/confirm`, blocked: false }]);
    assert.match(desk.url(), SIGNED_OUT(publicUrl, 'console'));
    assert.deepEqual(await desk.locator('main h1').allTextContents(), ['サインアウト']);

    // The web chat tab: its next navigation needs sign-in; its cookie is still in the browser but ends nothing.
    await chat.reload();
    await chat.locator('#sign-in-link').waitFor();
    assert.equal(await chat.locator('.signed-in').count(), 0);
    assert.deepEqual(await (await fetch(`${kotae.url}/auth/me`, { headers: { cookie: chatCookie } })).json(), {
      signInRequired: true,
      signedIn: false,
    });
    const ask = await fetch(`${kotae.url}/api/ask`, {
      method: 'POST',
      headers: { cookie: chatCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'VPNにつながりません' }),
    });
    assert.deepEqual(
      [ask.status, await ask.json()],
      [401, { error: { code: 'AUTH_REQUIRED', message: M.webChatRequired } }],
    );

    // The same user's other browser and the other user stay signed in (a navigation opens the queue).
    for (const page of [elsewhere, other]) {
      const res = await page.goto(`${kotae.url}/console/tickets`);
      assert.deepEqual([res?.status(), page.url()], [200, `${publicUrl}/console/tickets`]);
    }
    // Exactly two rows: the console sign-out, then the front-channel logout that ended the web chat sign-in.
    assert.deepEqual(await auditSince(mark), [
      {
        actor: USER1,
        action: 'auth.sign_out',
        target: undefined,
        detail: { via: 'sso', ip: '127.0.0.1', userAgent, instance: kotae.app.leases.holder },
      },
      {
        actor: USER1,
        action: 'auth.sign_out',
        target: undefined,
        detail: {
          via: 'sso',
          reason: 'front_channel',
          sessions: 1,
          ip: '127.0.0.1',
          userAgent,
          instance: kotae.app.leases.holder,
        },
      },
    ]);
  });

  it("the web chat's sign-out button lands on the signed-out page in the chat's look, with the way back", async () => {
    const context = await newBrowser();
    const page = await context.newPage();
    await signInChat(page, 'operator', '職員 1（情報政策課）');
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const mark = await auditMark();

    const { signedOut } = await signOutThroughProvider(page);

    assert.equal(signedOut.status(), 200);
    assert.match(page.url(), SIGNED_OUT(publicUrl, 'chat'));
    assert.equal(await page.title(), 'サインアウト｜ヘルプデスク チャット｜Kotae');
    assert.deepEqual(await page.locator('header.top h1').allTextContents(), ['ヘルプデスク チャット Kotae（答え）']);
    assert.deepEqual(await page.locator('main h2').allTextContents(), [M.signOutTitle]);
    assert.deepEqual(await page.locator('main p:not(:has(a))').allTextContents(), [
      M.signedOut,
      M.signedOutViaProvider,
    ]);
    assert.deepEqual(
      await page.locator('link[rel=stylesheet]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href'))),
      ['/static/chat.css'],
    );
    // The chat's stylesheet really applies (the header's accent colour), not the console's.
    assert.equal(
      await page.locator('header.top').evaluate((h) => getComputedStyle(h).backgroundColor),
      'rgb(11, 92, 173)',
    );
    await page.getByRole('link', { name: M.backToChat, exact: true }).click();
    await page.waitForURL(`${publicUrl}/`);
    await page.locator('#sign-in-link').waitFor();
    assert.deepEqual(await auditSince(mark), [
      {
        actor: USER1,
        action: 'auth.sign_out',
        target: undefined,
        detail: { to: 'chat', via: 'sso', ip: '127.0.0.1', userAgent, instance: kotae.app.leases.holder },
      },
    ]);
  });
});
