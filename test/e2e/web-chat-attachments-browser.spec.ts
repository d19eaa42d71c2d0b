/**
 * A requester attaches a screenshot in the web chat (real Chromium, real app): the 📎 button uploads
 * it (with a key of its own, `Idempotency-Key`), the chat shows its thumbnail, and after escalation the
 * operator sees it on the ticket page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { signInConsole } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

describe('web chat attachments in a real browser (chromium)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let kotae: RunningApp;
  let page: Page;
  const temp = tempDir('kotae-shot-');

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    kotae = await startApp();
    page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 900, height: 700 } });
  });
  after(async () => {
    await browser?.close();
    await kotae?.stop();
    temp.cleanup();
  });

  it('uploads a screenshot, shows its thumbnail, and hands it to the operator with the ticket', async () => {
    await page.goto(`${kotae.url}/`);
    await page.locator('.attach-button').click();
    await page
      .locator('#attach-input')
      .setInputFiles({ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    assert.equal(
      await page.locator('.attach-status').textContent(),
      '先に質問を入力してください。会話が始まるとファイルを添付できます。',
    );

    await page.fill('#question', '明日の天気を教えて');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.msg.bot[data-outcome]');
    const shot = path.join(temp.dir, 'エラー画面.png');
    fs.writeFileSync(shot, await page.screenshot());
    // The page's key for this upload (a proxy retrying it sends the same; request-keys.spec.ts shows it
    // is stored once — the browser's interception here cannot resend a file body).
    const uploadKeys: string[] = [];
    await page.route('**/api/conversations/*/attachments', async (route) => {
      if (route.request().method() === 'POST') uploadKeys.push(route.request().headers()['idempotency-key'] ?? '');
      await route.continue();
    });
    await page.locator('#attach-input').setInputFiles(shot);
    await page.waitForFunction(() =>
      /受け取りました/.test(document.querySelector('.attach-status')?.textContent ?? ''),
    );
    assert.equal(
      await page.locator('.attach-status').textContent(),
      '「エラー画面.png」を受け取りました。担当者に問い合わせると、このファイルも引き継がれます。',
    );
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.attach-thumb');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    assert.equal(await page.locator('.attach-item').count(), 1);
    assert.equal(uploadKeys.length, 1);
    assert.match(uploadKeys[0]!, /^[0-9a-f]{32}$/);
    assert.match((await page.locator('.attach-thumb').getAttribute('src')) ?? '', /^blob:/);

    await page.locator('.attach-item').first().waitFor();
    await page.locator('.msg.bot[data-outcome]').last().getByRole('button', { name: '担当者に問い合わせる' }).click();
    await page.fill('.escalate textarea', '画面のとおりエラーになります');
    await page.fill('.escalate input[name=name]', '試験 花子');
    await page.fill('.escalate input[name=department]', '情報政策課');
    await page.fill('.escalate input[name=phone]', '内線 2345');
    await page.locator('.escalate button[type=submit]').click();
    const number = ((await page.locator('.ticket-number').textContent()) ?? '').replace('受付番号: ', '').trim();
    assert.match(number, /^HD-\d{4}-\d{6}$/);

    const operator = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const ticketPage = await operator.get(`/console/tickets/${number}`);
    const id = /<img class="thumb" src="\/console\/attachments\/([0-9a-f-]{36})"/.exec(ticketPage.text)?.[1];
    assert.ok(id, 'thumbnail on the console ticket page');
    const res = await fetch(`${kotae.url}/console/attachments/${id}`, { headers: { cookie: operator.cookie } });
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(shot)));
  });
});
