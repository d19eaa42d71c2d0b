/**
 * The ticket conversation both ways, in Chromium on the real app: escalate with contact details, the
 * operator replies in the console and the reply appears exactly once; the requester's answer lands on
 * the ticket (保留 → 対応中); a reload and a second tab show the same history; a reply sent while the
 * page is closed shows on return and flips 未読 → 既読 in the console.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startApp, type RunningApp } from '../helpers/start-app';

describe('web chat ticket conversation in a real browser (chromium) on the real app', function () {
  this.timeout(120_000);
  let browser: Browser;
  let kotae: RunningApp;
  let staff: BrowserContext;
  let console_: Page;

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    kotae = await startApp();
    staff = await browser.newContext({ locale: 'ja-JP' });
    const operatorContext = await browser.newContext({ locale: 'ja-JP' });
    console_ = await operatorContext.newPage();
    await console_.goto(`${kotae.url}/console/signin`);
    await console_.fill('#username', 'admin');
    await console_.fill('#password', 'e2e-admin-password');
    await console_.keyboard.press('Enter');
    await console_.waitForURL((u) => !u.pathname.endsWith('/signin'));
  });
  after(async () => {
    await browser?.close();
    await kotae?.stop();
  });

  const operatorBubbles = (page: Page) => page.locator('.msg.operator');

  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.locator('.msg.bot[data-outcome]').count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
  }

  async function operatorReply(number: string, text: string): Promise<void> {
    await console_.goto(`${kotae.url}/console/tickets/${number}`);
    await console_.getByLabel('依頼者への回答').fill(text);
    await console_.getByRole('button', { name: '回答を送信' }).click();
    await console_.waitForURL(/notice=replied/);
  }

  async function deliveryStates(number: string): Promise<string[]> {
    await console_.goto(`${kotae.url}/console/tickets/${number}`);
    return console_.locator('.comments li.reply .delivery').allTextContents();
  }

  /** Waits two poll intervals more, then counts: a duplicate would have arrived by then. */
  async function settledCount(page: Page): Promise<number> {
    await page.waitForTimeout(7_000);
    return operatorBubbles(page).count();
  }

  it('carries the conversation both ways, once, across reloads, tabs and a closed page', async () => {
    const chat = await staff.newPage();
    await chat.goto(`${kotae.url}/`);
    await ask(chat, '明日の天気を教えて');
    const asked = chat.locator('.msg.bot[data-outcome]').last();
    await asked.getByRole('button', { name: '担当者に問い合わせる' }).click();
    await chat.fill('.escalate textarea', '天気の情報をどこで見られるか知りたい');
    await chat.fill('.escalate input[name=name]', '試験 花子');
    await chat.fill('.escalate input[name=department]', '情報政策課');
    // Contact details are required: the form does not go without 内線.
    await chat.locator('.escalate button[type=submit]').click();
    assert.equal(await chat.locator('.ticket-number').count(), 0);
    await chat.fill('.escalate input[name=phone]', '内線 2345');
    await chat.locator('.escalate button[type=submit]').click();
    const number = ((await chat.locator('.ticket-number').textContent()) ?? '').replace('受付番号: ', '').trim();
    assert.match(number, /^HD-\d{4}-\d{6}$/);
    assert.equal(await asked.getByRole('button', { name: '担当者に問い合わせる' }).isDisabled(), true);

    // The operator replies in the console: exactly one bubble in the chat, and the console says 既読.
    await operatorReply(number, '気象庁のサイトをご覧ください。');
    await operatorBubbles(chat).first().waitFor({ timeout: 15_000 });
    assert.equal(await settledCount(chat), 1);
    assert.match((await operatorBubbles(chat).first().textContent()) ?? '', /気象庁のサイトをご覧ください。/);
    assert.match((await deliveryStates(number)).join(' '), /^既読/);

    // The operator puts it on hold (the notice is the second bubble); the requester's answer moves it to 対応中.
    await console_.selectOption('#u-status', 'on_hold');
    await console_.locator('#update-submit').click();
    await console_.waitForURL(/notice=saved/);
    await chat.waitForFunction(() => document.querySelectorAll('.msg.operator').length === 2, null, {
      timeout: 15_000,
    });
    await ask(chat, 'ブラウザはEdgeを使っています');
    const ack = chat.locator('.msg.bot[data-outcome]').last();
    assert.match((await ack.textContent()) ?? '', new RegExp(`お問い合わせ ${number} に追記しました。`));
    assert.equal(await ack.getByRole('button', { name: 'ボットに質問する' }).count(), 1);
    await console_.goto(`${kotae.url}/console/tickets/${number}`);
    const ticketPage = await console_.content();
    assert.match(ticketPage, /依頼者から ・ 試験 花子/);
    assert.match(ticketPage, /ブラウザはEdgeを使っています/);
    assert.equal(await console_.locator('#u-status').inputValue(), 'in_progress');
    await console_.goto(`${kotae.url}/console/tickets`);
    assert.match(await console_.content(), /依頼者から返信あり/);

    // A reload and a second tab show the same history, each helpdesk line once, and the contact details.
    const userLines = await chat.locator('.msg.user').allTextContents();
    for (const page of [chat, await staff.newPage()]) {
      if (page === chat) await chat.reload();
      else await page.goto(`${kotae.url}/`);
      await page.locator('.msg.operator').nth(1).waitFor();
      assert.deepEqual(await page.locator('.msg.user').allTextContents(), userLines);
      assert.equal(await operatorBubbles(page).count(), 2);
      assert.equal(await page.inputValue('#user-name'), '試験 花子');
      assert.equal(await page.inputValue('#user-phone'), '内線 2345');
    }

    // A reply sent while every chat page is closed: 未読 in the console, shown once on return, then 既読.
    for (const page of staff.pages()) await page.close();
    await operatorReply(number, 'ブラウザのキャッシュを削除してお試しください。');
    assert.deepEqual((await deliveryStates(number)).slice(-1), ['未読']);
    const back = await staff.newPage();
    await back.goto(`${kotae.url}/`);
    await back.locator('.msg.operator').nth(2).waitFor();
    assert.equal(await settledCount(back), 3);
    assert.equal(await back.locator('.msg.operator', { hasText: 'キャッシュを削除' }).count(), 1);
    const states = await deliveryStates(number);
    assert.equal(states.length, 3);
    for (const state of states) assert.match(state, /^既読（/);

    // お問い合わせ履歴 lists the ticket with the helpdesk's replies and the requester's message.
    await back.locator('#history-toggle').click();
    const item = back.locator(`#history-list .ticket[data-ticket="${number}"]`);
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /状態: 対応中/);
    assert.equal(await item.locator('.reply').count(), 4);
  });
});
