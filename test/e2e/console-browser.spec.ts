/**
 * Drives the operator console in a real browser (Debian's chromium via playwright-core): sign in,
 * queue, ticket detail, reply, status change, keyboard-only navigation, screenshot; queue filter, incident
 * fields and resolving an incident.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startConsole, PASSWORD, type ConsoleHarness } from '../unit/adapters/web/console/console-harness';

describe('console in a real browser (chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let h: ConsoleHarness;
  let page: Page;

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    h = await startConsole();
    page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  it('signs in, works a ticket and is usable by keyboard', async () => {
    const ticket = await h.openTicket();
    await page.goto(`${h.origin}/console/tickets`);
    assert.match(page.url(), /\/console\/signin$/);
    await page.getByLabel('ユーザー名').fill('op1');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.waitForURL(/\/console\/tickets$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    await page.getByRole('link', { name: ticket.number }).click();
    await page.waitForURL(new RegExp(`/console/tickets/${ticket.number}$`));

    await page.getByLabel('依頼者への回答').fill('トナーを交換しました。印刷をお試しください。');
    await page.getByRole('button', { name: '回答を送信' }).click();
    await page.getByText('回答を送信しました。').waitFor();
    assert.equal(h.web.sent.length, 1);

    await page.locator('#u-status').selectOption('in_progress');
    await page.locator('#update-submit').click();
    await page.getByText('保存しました。').waitFor();
    assert.equal((await page.locator('#ticket-status').textContent())?.trim(), '対応中');

    // Keyboard only: from the top of the page, Tab reaches the reply button with a visible focus ring.
    await page.reload();
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'reply-submit');
    }
    assert.ok(reached, 'Tab reaches the reply button');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.notEqual(outline, 'none');

    const dir = join(process.cwd(), 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'console.png'), fullPage: true });
  });

  it('filters the queue, fills the incident fields and resolves an incident; the requester hears of it', async () => {
    const incident = await h.openTicket({
      type: 'incident',
      title: 'ファイルサーバに接続できない',
      category: 'ファイルサーバ',
    });
    await page.goto(`${h.origin}/console/tickets`);
    await page.locator('#f-category').selectOption('ファイルサーバ');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.waitForURL(/category=/);
    assert.equal(await page.getByRole('link', { name: incident.number }).count(), 1);
    assert.equal(await page.getByRole('cell', { name: 'プリンタで印刷できない' }).count(), 0);

    await page.getByRole('link', { name: incident.number }).click();
    await page.waitForURL(new RegExp(`/console/tickets/${incident.number}$`));
    await page.locator('#u-status').selectOption('resolved');
    await page.locator('#update-submit').click();
    await page.getByText('再発防止策', { exact: false }).first().waitFor();
    assert.match((await page.locator('.error').textContent()) ?? '', /原因/);

    const sentBefore = h.web.sent.length;
    await page.locator('#u-cause').fill('ファイルサーバのディスク容量が不足していた。');
    await page.locator('#u-actions').fill('不要な一時ファイルを削除し、容量を確保した。');
    await page.locator('#u-prevention').fill('容量監視のしきい値を80%に下げ、週次で確認する。');
    await page.locator('#u-status').selectOption('resolved');
    await page.locator('#update-submit').click();
    await page.getByText('保存しました。').waitFor();
    assert.equal((await page.locator('#ticket-status').textContent())?.trim(), '解決');
    assert.ok(h.web.sent.length > sentBefore, 'the requester was told of the resolution');
  });
});
