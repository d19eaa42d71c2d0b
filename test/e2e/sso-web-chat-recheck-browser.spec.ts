/**
 * The web chat in Chromium when the server ends its sign-in (KOTAE_OIDC_WEB_CHAT=true; the re-check set-up of
 * sso-web-chat-recheck.spec.ts, on SQLite): the question the server refuses (401) shows the server's notice, the
 * header turns at once to the one a reload shows signed out (the サインイン link; no name, no サインアウト), sending
 * stops and the question goes back into the box; a reload shows the same header. So for a sign-in the Entra ID
 * re-check ended (the account deleted in the directory), for one that simply expired, and when the conversation's
 * poll (every 3 seconds) is the request that finds the sign-in ended.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { SSO_MESSAGES as M } from '../../adapters/web/sso';
import { launchChromium } from '../helpers/chromium';
import { user } from '../helpers/sso-accounts';
import { ssoRecheckPair } from '../helpers/sso-recheck-pair';

const GREETING = 'こんにちは。ヘルプデスクの自動応答です。パソコンやシステムの困りごとを質問してください。';
const QUESTION = 'プリンタで印刷できない\n昨日から エラーになります';
/** The header's sign-in state signed in as `shown`, and signed out (as chat-sign-in.js renders them). */
const SIGNED_IN_HEADER = (shown: string) =>
  `<span class="signed-in">${shown}</span><form method="post" action="/auth/signout">` +
  '<button type="submit" class="secondary">サインアウト</button></form>';
const SIGNED_OUT_HEADER = '<a href="/auth/signin?to=chat" id="sign-in-link">サインイン</a>';
/** What a reload shows once the sign-in has ended, however it ended. */
const RELOADED_SIGNED_OUT = {
  log: [
    { className: 'msg bot', text: GREETING },
    { className: 'msg bot', text: M.webChatRequired },
  ],
  header: SIGNED_OUT_HEADER,
  question: '',
  sendDisabled: true,
};

const accounts: Record<string, Record<string, unknown>> = { deleted: user(60), expired: user(61), polled: user(62) };

describe('web chat in chromium: a sign-in the server ends turns the header to signed out at once', function () {
  this.timeout(120_000);
  const pair = ssoRecheckPair('sqlite', accounts, { KOTAE_OIDC_WEB_CHAT: 'true' });
  let browser: Browser | undefined;
  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  /** `login` signed in to the web chat (through `one`) in a new browser: the chat page, its header checked. */
  async function signedInChat(login: string, shown: string): Promise<Page> {
    const cookie = await pair.signIn(login, 'chat');
    const at = cookie.indexOf('=');
    const context = await browser!.newContext({ locale: 'ja-JP' });
    await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: pair.one.url }]);
    const page = await context.newPage();
    await page.goto(`${pair.one.url}/`);
    await page.locator('.signed-in').getByText(shown, { exact: true }).waitFor();
    assert.equal(await page.locator('#sign-in-status').innerHTML(), SIGNED_IN_HEADER(shown));
    return page;
  }

  /** What the page shows: the conversation's bubbles (class and text), the header, the box, the send button. */
  async function shown(page: Page) {
    return {
      log: await page
        .locator('#log .msg')
        .evaluateAll((ms) => ms.map((m) => ({ className: m.className, text: m.textContent }))),
      header: await page.locator('#sign-in-status').innerHTML(),
      question: await page.locator('#question').inputValue(),
      sendDisabled: await page.locator('#send').isDisabled(),
    };
  }

  /** Sends QUESTION (the server refuses it: 401): what the page shows once the refusal is handled. */
  async function askRefused(page: Page) {
    const refused = page.waitForResponse((r) => r.url() === `${pair.one.url}/api/ask`);
    await page.locator('#question').fill(QUESTION);
    await page.locator('#send').click();
    assert.equal((await refused).status(), 401);
    await page.locator('#log .msg.error').waitFor();
    await page.locator('#ask-form:not([aria-busy])').waitFor();
    return shown(page);
  }

  /** Reloads `page`: what it shows once /auth/me has been applied. */
  async function reloaded(page: Page) {
    await page.reload();
    await page.locator('#log .msg').nth(1).waitFor();
    return shown(page);
  }

  it('the Entra ID re-check ended it: the notice, the signed-out header at once, the question kept; a reload agrees', async () => {
    const page = await signedInChat('deleted', '職員 60（情報政策課）');
    delete accounts.deleted;
    pair.clock.advanceMinutes(11);

    assert.deepEqual(await askRefused(page), {
      log: [
        { className: 'msg bot', text: GREETING },
        { className: 'msg bot error', text: M.webChatEnded },
      ],
      header: SIGNED_OUT_HEADER,
      question: QUESTION,
      sendDisabled: true,
    });
    assert.equal(M.webChatEnded, 'Entra ID でアカウントの状態が変わったため、もう一度サインインしてください。');
    assert.deepEqual(pair.op.refreshes, [400], 'the provider was asked once');
    // Enter sends nothing more (the request would only be refused again).
    await page.locator('#question').press('Enter');
    assert.deepEqual((await shown(page)).log.length, 2);

    assert.deepEqual(await reloaded(page), RELOADED_SIGNED_OUT);
    await page.context().close();
  });

  it('the sign-in simply expired: the same signed-out header at once, the question kept; a reload agrees', async () => {
    const page = await signedInChat('expired', '職員 61（情報政策課）');
    pair.clock.advanceMinutes(8 * 60 + 1);

    assert.deepEqual(await askRefused(page), {
      log: [
        { className: 'msg bot', text: GREETING },
        { className: 'msg bot error', text: M.webChatRequired },
      ],
      header: SIGNED_OUT_HEADER,
      question: QUESTION,
      sendDisabled: true,
    });
    assert.equal(M.webChatRequired, 'Webチャットを利用するにはサインインしてください。');
    assert.deepEqual(pair.op.refreshes, [], 'an expired sign-in is not checked with the provider');

    assert.deepEqual(await reloaded(page), RELOADED_SIGNED_OUT);
    await page.context().close();
  });

  it("the conversation's poll found it ended: the notice once and the signed-out header without a question", async () => {
    const page = await signedInChat('polled', '職員 62（情報政策課）');
    await page.locator('#question').fill('プリンタで印刷できない');
    await page.locator('#send').click();
    await page.locator('#log .msg').nth(2).waitFor();
    await page.locator('#ask-form:not([aria-busy])').waitFor();
    const before = (await shown(page)).log;
    assert.equal(before.length, 3, 'the greeting, the question and its answer');
    delete accounts.polled;
    pair.clock.advanceMinutes(11);

    // A poll already on its way before the clock moved may still be answered 200: the first 401 is the one.
    const poll = await page.waitForResponse(
      (r) => r.url().startsWith(`${pair.one.url}/api/conversations/`) && r.status() === 401,
    );
    assert.equal(poll.request().method(), 'GET');
    await page.locator('#log .msg.error').waitFor();
    assert.deepEqual(await shown(page), {
      log: [...before, { className: 'msg bot error', text: M.webChatEnded }],
      header: SIGNED_OUT_HEADER,
      question: '',
      sendDisabled: true,
    });
    // The polls after it ask nothing more (signed out, the page has no conversation it may read).
    const later: string[] = [];
    page.on('request', (r) => later.push(r.url()));
    await page.waitForTimeout(3500);
    assert.deepEqual(later, []);
    await page.context().close();
  });
});
