/**
 * Single sign-on against a real OpenID Connect provider on loopback (oidc-provider over https with a
 * self-signed certificate trusted through KOTAE_OIDC_CA_FILE), in Chromium, through MSAL's
 * authorization code flow with PKCE: an app role opens the console with the mapped role, an account
 * without a mapped role is refused in Japanese, and the web chat takes name and 所属 from the directory
 * and binds the conversation to the signed-in user.
 */
import assert from 'node:assert/strict';
import { freePort } from '../helpers/oidc-browser';
import { throughProviderPages } from '../helpers/provider-login-page';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startApp, type RunningApp } from '../helpers/start-app';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';

const YAMADA = '6f1c2a52-3b7e-4d8a-9c41-0a1b2c3d4e01';
const SUZUKI = '6f1c2a52-3b7e-4d8a-9c41-0a1b2c3d4e02';
const SATO = '6f1c2a52-3b7e-4d8a-9c41-0a1b2c3d4e03';

const ACCOUNTS = {
  yamada: {
    oid: YAMADA,
    name: '山田 太郎',
    preferred_username: 'yamada@kotonoha.example.lg.jp',
    email: 'yamada@kotonoha.example.lg.jp',
    roles: ['Kotae.Operator'],
    department: '情報政策課',
  },
  suzuki: {
    oid: SUZUKI,
    name: '鈴木 花子',
    preferred_username: 'suzuki@kotonoha.example.lg.jp',
    roles: ['Some.Other.Role'],
    groups: ['00000000-0000-0000-0000-0000000000ff'],
    department: '市民課',
  },
  sato: {
    oid: SATO,
    name: '佐藤 一郎',
    preferred_username: 'sato@kotonoha.example.lg.jp',
    roles: [],
    department: '税務課',
  },
};

describe('Entra ID sign-in (OpenID Connect + PKCE through MSAL) against a loopback provider in chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let provider: OidcServer | undefined;
  let kotae: RunningApp | undefined;
  const contexts: BrowserContext[] = [];

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startOidcServer(`${origin}/auth/callback`, ACCOUNTS);
    kotae = await startApp(
      {
        KOTAE_PUBLIC_URL: origin,
        KOTAE_OIDC_CLIENT_ID: provider.clientId,
        KOTAE_OIDC_CLIENT_SECRET: provider.clientSecret,
        KOTAE_OIDC_AUTHORITY: provider.issuer,
        KOTAE_OIDC_CA_FILE: provider.caFile,
        KOTAE_OIDC_ROLE_MAP: 'Kotae.Operator=operator,Kotae.Admin=admin,00000000-0000-0000-0000-0000000000aa=admin',
        KOTAE_OIDC_WEB_CHAT: 'true',
      },
      { port },
    );
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await kotae?.stop();
    await provider?.close();
  });

  async function newPage(): Promise<Page> {
    // The browser is told to accept the provider's self-signed certificate; Kotae (MSAL) trusts it only
    // through KOTAE_OIDC_CA_FILE.
    const context = await browser!.newContext({ locale: 'ja-JP', ignoreHTTPSErrors: true });
    contexts.push(context);
    return context.newPage();
  }

  it('signs an operator in through an app role: the queue is shown and the account has the mapped role', async () => {
    const page = await newPage();
    await page.goto(`${kotae!.url}/console/signin`);
    await page.getByRole('link', { name: 'Microsoft Entra ID でサインイン' }).click();
    await throughProviderPages(page, provider!.issuer, kotae!.url, 'yamada');
    await page.waitForURL((u) => u.origin === kotae!.url && u.pathname.startsWith('/console/tickets'));
    assert.match(await page.content(), /チケット/);
    // Operator, not admin: the admin pages are not in the menu and answer 403.
    assert.equal(await page.getByRole('link', { name: 'アカウント管理' }).count(), 0);
    const admin = await page.goto(`${kotae!.url}/console/accounts`);
    assert.equal(admin?.status(), 403);
    const account = await kotae!.app.operators.operators.findByUsername('yamada@kotonoha.example.lg.jp');
    assert.equal(account?.role, 'operator');
    assert.equal(account?.displayName, '山田 太郎');
  });

  it('refuses an account whose roles and groups map to no Kotae role, in Japanese', async () => {
    const page = await newPage();
    await page.goto(`${kotae!.url}/auth/signin?to=console`);
    const response = page.waitForResponse((r) => r.url().startsWith(`${kotae!.url}/auth/callback`));
    await throughProviderPages(page, provider!.issuer, kotae!.url, 'suzuki');
    assert.equal((await response).status(), 403);
    await page.getByText('このアカウントには運用コンソールを利用する権限がありません。', { exact: false }).waitFor();
    assert.equal(await kotae!.app.operators.operators.findByUsername('suzuki@kotonoha.example.lg.jp'), undefined);
    await page.goto(`${kotae!.url}/console/tickets`);
    assert.match(page.url(), /\/console\/signin$/);
  });

  it('web chat: identity from the directory, the escalation pre-filled, the ticket requester is the directory user', async () => {
    const page = await newPage();
    await page.goto(`${kotae!.url}/`);
    await page.locator('#sign-in-link').click();
    await throughProviderPages(page, provider!.issuer, kotae!.url, 'sato');
    await page.waitForURL(`${kotae!.url}/`);
    await page.locator('.signed-in').getByText('佐藤 一郎（税務課）').waitFor();
    await page.fill('#question', '明日の天気を教えて');
    await page.keyboard.press('Enter');
    await page.locator('.msg.bot[data-outcome]').first().waitFor();
    await page.locator('.msg.bot[data-outcome]').last().getByRole('button', { name: '担当者に問い合わせる' }).click();
    assert.equal(await page.inputValue('.escalate input[name=name]'), '佐藤 一郎');
    assert.equal(await page.inputValue('.escalate input[name=department]'), '税務課');
    assert.equal(await page.locator('.escalate input[name=name]').getAttribute('readonly'), '');
    await page.fill('.escalate input[name=phone]', '内線 2345');
    await page.locator('.escalate button[type=submit]').click();
    const number = ((await page.locator('.ticket-number').textContent()) ?? '').replace('受付番号: ', '').trim();
    assert.match(number, /^HD-\d{4}-\d{6}$/);
    const ticket = await kotae!.app.operators.ticketService.get(number);
    assert.deepEqual(
      { id: ticket.requester.id, name: ticket.requester.name, department: ticket.requester.department },
      { id: SATO, name: '佐藤 一郎', department: '税務課' },
    );

    // The same user in another browser sees the conversation; another user does not.
    const again = await newPage();
    await again.goto(`${kotae!.url}/auth/signin?to=chat`);
    await throughProviderPages(again, provider!.issuer, kotae!.url, 'sato');
    await again.waitForURL(`${kotae!.url}/`);
    await again.locator('.msg.user', { hasText: '明日の天気を教えて' }).waitFor();
    assert.equal(await again.locator('.msg.user', { hasText: '明日の天気を教えて' }).count(), 1);

    const other = await newPage();
    await other.goto(`${kotae!.url}/auth/signin?to=chat`);
    await throughProviderPages(other, provider!.issuer, kotae!.url, 'yamada');
    await other.waitForURL(`${kotae!.url}/`);
    await other.locator('.signed-in').getByText('山田 太郎（情報政策課）').waitFor();
    const conversationId = await page.evaluate(() => localStorage.getItem('kotae.conversationId'));
    const status = await other.evaluate(
      async (id) => (await fetch(`/api/conversations/${id}/messages`)).status,
      conversationId ?? '',
    );
    assert.equal(status, 404);
    assert.equal(await other.locator('.msg.user').count(), 0);
  });

  it('refuses a callback without its sign-in cookie, or with another state (login CSRF), in Japanese', async () => {
    const bare = await fetch(`${kotae!.url}/auth/callback?code=abc&state=def`);
    assert.equal(bare.status, 400);
    assert.match(await bare.text(), /サインインの有効期限が切れたか、別の画面から開始されました。/);

    const start = await fetch(`${kotae!.url}/auth/signin?to=console`, { redirect: 'manual' });
    assert.equal(start.status, 302);
    const authorize = new URL(start.headers.get('location') ?? '');
    assert.equal(authorize.origin, provider!.issuer);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorize.searchParams.get('nonce'));
    const pending = start.headers.getSetCookie().find((c) => c.startsWith('kotae_oidc='));
    assert.match(pending ?? '', /; Path=\/auth; HttpOnly; SameSite=Lax; Max-Age=600/);
    const cookie = (pending ?? '').split(';')[0];
    const forged = await fetch(`${kotae!.url}/auth/callback?code=abc&state=not-the-state`, { headers: { cookie } });
    assert.equal(forged.status, 401);
    assert.match(await forged.text(), /サインインできませんでした。/);
  });

  it('refuses the web chat API without a sign-in, in Japanese', async () => {
    const res = await fetch(`${kotae!.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'VPNにつながりません' }),
    });
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), {
      error: { code: 'AUTH_REQUIRED', message: 'Webチャットを利用するにはサインインしてください。' },
    });
  });
});
