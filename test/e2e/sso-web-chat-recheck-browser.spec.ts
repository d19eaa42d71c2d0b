/**
 * The web chat in Chromium when the server ends its sign-in (KOTAE_OIDC_WEB_CHAT=true; the re-check set-up of
 * sso-web-chat-recheck.spec.ts, on SQLite): the question the server refuses (401) shows the server's notice, the
 * header turns at once to the one a reload shows signed out (the サインイン link; no name, no サインアウト), sending
 * stops and the question goes back into the box; a reload shows the same header. So for a sign-in the Entra ID
 * re-check ended (the account deleted in the directory), for one that simply expired, and when the conversation's
 * poll (every 3 seconds) is the request that finds the sign-in ended. An attachment upload that finds it ended does
 * the same, and the name and 所属 fields become what a signed-out reload shows (editable, this browser's values, not
 * the directory's). The question put back goes along the サインイン link (this tab's sessionStorage) and is in the box,
 * not sent, when the page comes back signed in through the loopback provider; nothing stays stored. Signed out, the 📎
 * button is disabled like the send button (its title says sign-in is needed); an escalation form open when the sign-in
 * ends gets the page's editable name and 所属, loses the 内線 the server filled in, and its 送信する is disabled.
 */
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { SSO_MESSAGES as M } from '../../adapters/web/sso';
import { launchChromium } from '../helpers/chromium';
import { throughProviderPages } from '../helpers/provider-login-page';
import { user } from '../helpers/sso-accounts';
import { ssoRecheckPair } from '../helpers/sso-recheck-pair';

const GREETING = 'こんにちは。ヘルプデスクの自動応答です。パソコンやシステムの困りごとを質問してください。';
const QUESTION = 'プリンタで印刷できない\n昨日から エラーになります';
/** The header's sign-in state signed in as `shown`, and signed out (as chat-sign-in.js renders them). */
const SIGNED_IN_HEADER = (shown: string) =>
  `<span class="signed-in">${shown}</span><form method="post" action="/auth/signout">` +
  '<button type="submit" class="secondary">サインアウト</button></form>';
const SIGNED_OUT_HEADER = '<a href="/auth/signin?to=chat" id="sign-in-link">サインイン</a>';
/** A route handler that leaves the request unanswered. */
const neverAnswered = () => undefined;
const SIGN_IN_TO_ATTACH = 'ファイルを添付するにはサインインしてください。';
/** The 📎 button signed in, and signed out while sign-in is required. */
const ATTACH_OPEN = { disabled: false, title: null };
const ATTACH_LOCKED = { disabled: true, title: SIGN_IN_TO_ATTACH };
/** The page signed out, whatever ended the sign-in: `log` and the question box as given, sending and 📎 locked. */
const signedOut = (log: { className: string; text: string }[], question: string) => ({
  log,
  header: SIGNED_OUT_HEADER,
  question,
  sendDisabled: true,
  attach: ATTACH_LOCKED,
});
/** What a reload shows once the sign-in has ended, however it ended. */
const RELOADED_SIGNED_OUT = signedOut(
  [
    { className: 'msg bot', text: GREETING },
    { className: 'msg bot', text: M.webChatRequired },
  ],
  '',
);

const accounts: Record<string, Record<string, unknown>> = {
  deleted: user(60),
  expired: user(61),
  polled: user(62),
  uploading: user(63),
  returning: user(64),
  escalating: user(65),
  submitting: user(66),
};
/** The name, 所属 and 内線 this browser kept (localStorage `kotae.profile`), unlike the directory's. */
const KEPT_PROFILE = { name: '窓口 花子', department: '総務課', phone: '1234' };

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
    // Chromium accepts the provider's self-signed certificate (a sign-in again goes there); Kotae trusts it through
    // KOTAE_OIDC_CA_FILE.
    const context = await browser!.newContext({ locale: 'ja-JP', ignoreHTTPSErrors: true });
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
      attach: await page
        .locator('.attach-button')
        .evaluate((b: HTMLButtonElement) => ({ disabled: b.disabled, title: b.getAttribute('title') })),
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

  /** Name, 所属 and 内線 (`field(name)`): values and whether they can be edited (not read-only). */
  async function fieldsShown(field: (name: string) => Locator) {
    const one = async (name: string) => ({
      value: await field(name).inputValue(),
      editable: await field(name).isEditable(),
    });
    return { name: await one('name'), department: await one('department'), phone: await one('phone') };
  }

  /** The page's name, 所属 and 内線 fields. */
  const profileShown = (page: Page) => fieldsShown((name) => page.locator(`#user-${name}`));

  /** The open escalation form (the last): its name, 所属 and 内線, 内容, and its buttons' state. */
  async function formShown(page: Page) {
    const form = page.locator('form.escalate').last();
    return {
      ...(await fieldsShown((name) => form.locator(`input[name=${name}]`))),
      details: await form.locator('textarea[name=details]').inputValue(),
      submitDisabled: await form.locator('button[type=submit]').isDisabled(),
      cancelDisabled: await form.locator('button.cancel').isDisabled(),
    };
  }

  /** Opens the escalation form from the last answer's 担当者に問い合わせる and types `details`. */
  async function openEscalation(page: Page, details: string) {
    await page.locator('#log').getByRole('button', { name: '担当者に問い合わせる' }).last().click();
    await page.locator('form.escalate textarea[name=details]').fill(details);
  }

  /** Holds the conversation's poll (never answered), so another request finds the sign-in ended. */
  const holdPoll = (page: Page) => page.route((u) => u.pathname.endsWith('/messages'), neverAnswered);

  /** Asks `text` signed in: once its answer is shown. */
  async function askAnswered(page: Page, text: string) {
    await page.locator('#question').fill(text);
    await page.locator('#send').click();
    await page.locator('#log .msg').nth(2).waitFor();
    await page.locator('#ask-form:not([aria-busy])').waitFor();
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

    assert.deepEqual(
      await askRefused(page),
      signedOut(
        [
          { className: 'msg bot', text: GREETING },
          { className: 'msg bot error', text: M.webChatEnded },
        ],
        QUESTION,
      ),
    );
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

    assert.deepEqual(
      await askRefused(page),
      signedOut(
        [
          { className: 'msg bot', text: GREETING },
          { className: 'msg bot error', text: M.webChatRequired },
        ],
        QUESTION,
      ),
    );
    assert.equal(M.webChatRequired, 'Webチャットを利用するにはサインインしてください。');
    assert.deepEqual(pair.op.refreshes, [], 'an expired sign-in is not checked with the provider');

    assert.deepEqual(await reloaded(page), RELOADED_SIGNED_OUT);
    await page.context().close();
  });

  it("the conversation's poll found it ended: the notice once and the signed-out header without a question", async () => {
    const page = await signedInChat('polled', '職員 62（情報政策課）');
    await askAnswered(page, 'プリンタで印刷できない');
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
    assert.deepEqual(
      await shown(page),
      signedOut([...before, { className: 'msg bot error', text: M.webChatEnded }], ''),
    );
    // The polls after it ask nothing more (signed out, the page has no conversation it may read).
    const later: string[] = [];
    page.on('request', (r) => later.push(r.url()));
    await page.waitForTimeout(3500);
    assert.deepEqual(later, []);
    await page.context().close();
  });

  it('an attachment upload found it ended: the notice once, the signed-out header, name and 所属 as a reload shows them', async () => {
    const page = await signedInChat('uploading', '職員 63（情報政策課）');
    await page.evaluate((p) => localStorage.setItem('kotae.profile', JSON.stringify(p)), KEPT_PROFILE);
    await page.reload();
    await page.locator('.signed-in').waitFor();
    // Signed in: name and 所属 are the directory's, read-only; 内線 is this browser's.
    assert.deepEqual(await profileShown(page), {
      name: { value: '職員 63', editable: false },
      department: { value: '情報政策課', editable: false },
      phone: { value: '1234', editable: true },
    });
    await askAnswered(page, 'プリンタで印刷できない');
    const before = (await shown(page)).log;
    // The poll is held, so the upload is the request that finds the sign-in ended.
    await holdPoll(page);
    delete accounts.uploading;
    pair.clock.advanceMinutes(11);

    const refused = page.waitForResponse((r) => r.url().endsWith('/attachments') && r.request().method() === 'POST');
    await page
      .locator('#attach-input')
      .setInputFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    assert.equal((await refused).status(), 401);
    await page.locator('#log .msg.error').waitFor();
    assert.deepEqual(
      await shown(page),
      signedOut([...before, { className: 'msg bot error', text: M.webChatEnded }], ''),
    );
    assert.equal(await page.locator('.attach-status').textContent(), M.webChatEnded);
    assert.deepEqual(pair.op.refreshes, [400], 'the provider was asked once');
    const signedOutFields = {
      name: { value: KEPT_PROFILE.name, editable: true },
      department: { value: KEPT_PROFILE.department, editable: true },
      phone: { value: KEPT_PROFILE.phone, editable: true },
    };
    assert.deepEqual(await profileShown(page), signedOutFields);

    await page.unrouteAll({ behavior: 'ignoreErrors' });
    assert.deepEqual(await reloaded(page), RELOADED_SIGNED_OUT);
    assert.deepEqual(await profileShown(page), signedOutFields);
    await page.context().close();
  });

  it('an escalation form open when the poll finds it ended: editable name and 所属, no 内線 from the server, 送信する locked', async () => {
    const page = await signedInChat('escalating', '職員 65（情報政策課）');
    // The server's conversation has a 内線 this browser did not keep (asked from another page of the same user).
    const body = JSON.stringify({ question: '明日の天気を教えて', user: { phone: '内線 5678' } });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    assert.equal(await page.evaluate(async (i) => (await fetch('/api/ask', i)).status, init), 200);
    const kept = { name: KEPT_PROFILE.name, department: KEPT_PROFILE.department };
    await page.evaluate((p) => localStorage.setItem('kotae.profile', JSON.stringify(p)), kept);
    await page.reload();
    await page.locator('#log .msg').nth(2).waitFor();
    await page.waitForFunction(() => (document.getElementById('user-phone') as HTMLInputElement).value !== '');
    assert.deepEqual(await profileShown(page), {
      name: { value: '職員 65', editable: false },
      department: { value: '情報政策課', editable: false },
      phone: { value: '内線 5678', editable: true },
    });
    await openEscalation(page, '天気の情報が見られません');
    assert.deepEqual(await formShown(page), {
      name: { value: '職員 65', editable: false },
      department: { value: '情報政策課', editable: false },
      phone: { value: '内線 5678', editable: true },
      details: '天気の情報が見られません',
      submitDisabled: false,
      cancelDisabled: false,
    });
    delete accounts.escalating;
    pair.clock.advanceMinutes(11);

    await page.waitForResponse((r) => r.url().startsWith(`${pair.one.url}/api/conversations/`) && r.status() === 401);
    await page.locator('#log .msg.error').waitFor();
    assert.deepEqual(await page.locator('#log .msg.error').allTextContents(), [M.webChatEnded]);
    assert.deepEqual((await shown(page)).attach, ATTACH_LOCKED);
    const signedOutFields = {
      name: { value: kept.name, editable: true },
      department: { value: kept.department, editable: true },
      phone: { value: '', editable: true },
    };
    assert.deepEqual(await profileShown(page), signedOutFields);
    const signedOutForm = { ...signedOutFields, details: '天気の情報が見られません', submitDisabled: true };
    assert.deepEqual(await formShown(page), { ...signedOutForm, cancelDisabled: false });
    // A file given to the hidden input all the same is not sent: the line under 📎 says why.
    const sent: string[] = [];
    page.on('request', (r) => sent.push(r.url()));
    await page
      .locator('#attach-input')
      .setInputFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    assert.equal(await page.locator('.attach-status').textContent(), SIGN_IN_TO_ATTACH);
    assert.deepEqual(sent, []);
    // A form opened after the switch is the same.
    await page.locator('form.escalate button.cancel').click();
    await openEscalation(page, '天気の情報が見られません');
    assert.deepEqual(await formShown(page), { ...signedOutForm, cancelDisabled: false });
    assert.equal(await page.locator('form.escalate').count(), 1);
    await page.context().close();
  });

  it("an escalation form's 送信する that finds it ended: the notice once, the form editable and its 送信する locked", async () => {
    const page = await signedInChat('submitting', '職員 66（情報政策課）');
    await askAnswered(page, '明日の天気を教えて');
    await openEscalation(page, 'プリンタの件');
    await page.locator('form.escalate input[name=phone]').fill('内線 2345');
    // The poll is held, so the escalation is the request that finds the sign-in ended.
    await holdPoll(page);
    delete accounts.submitting;
    pair.clock.advanceMinutes(11);

    const refused = page.waitForResponse((r) => r.url() === `${pair.one.url}/api/tickets`);
    await page.locator('form.escalate button[type=submit]').click();
    assert.equal((await refused).status(), 401);
    await page.locator('#log .msg.error').waitFor();
    await page.locator('form.escalate button.cancel:enabled').waitFor();
    assert.deepEqual(await page.locator('#log .msg.error').allTextContents(), [M.webChatEnded]);
    const empty = { value: '', editable: true };
    const form = { name: empty, department: empty, phone: empty, details: 'プリンタの件', submitDisabled: true };
    assert.deepEqual(await formShown(page), { ...form, cancelDisabled: false });
    const now = await shown(page);
    assert.deepEqual([now.header, now.sendDisabled, now.attach], [SIGNED_OUT_HEADER, true, ATTACH_LOCKED]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.context().close();
  });

  it('the question put back goes along the サインイン link and is in the box, not sent, once signed in again', async () => {
    const page = await signedInChat('returning', '職員 64（情報政策課）');
    pair.clock.advanceMinutes(8 * 60 + 1);
    assert.equal((await askRefused(page)).question, QUESTION);

    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/ask')) asked.push(r.url());
    });
    // The link followed (its click handler runs at once; the navigation after it): what this tab keeps while it is
    // away at the provider is the box's text, nothing else.
    const kept = await page.evaluate(() => {
      document.getElementById('sign-in-link')!.click();
      return { ...sessionStorage };
    });
    assert.deepEqual(kept, { 'kotae.signInDraft': QUESTION });
    // The link was clicked in the page (not through Playwright): wait until the provider's page is there.
    await page.waitForURL((u) => u.origin === pair.op.issuer);
    await throughProviderPages(page, pair.op.issuer, pair.one.url, 'returning');
    await page.waitForURL(`${pair.one.url}/`);
    await page.locator('.signed-in').getByText('職員 64（情報政策課）', { exact: true }).waitFor();

    assert.deepEqual(await shown(page), {
      log: [{ className: 'msg bot', text: GREETING }],
      header: SIGNED_IN_HEADER('職員 64（情報政策課）'),
      question: QUESTION,
      sendDisabled: false,
      attach: ATTACH_OPEN,
    });
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.deepEqual(asked, [], 'nothing sent');
    // A reload has nothing more to put back.
    await page.locator('#question').fill('');
    await page.reload();
    await page.locator('.signed-in').waitFor();
    assert.equal(await page.locator('#question').inputValue(), '');
    await page.context().close();
  });
});
