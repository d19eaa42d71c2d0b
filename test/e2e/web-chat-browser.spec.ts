/**
 * The foundation's "done when", in a real browser on the real app: a forgotten-password question is
 * answered with its source, an out-of-scope question is escalated to a ticket, the ticket appears in
 * the console, and the monthly report counts both. A message sent twice by a retrying proxy (the first
 * answer lost) carries the page's key for that message both times and is written once.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startApp, type RunningApp } from '../helpers/start-app';

describe('web chat in a real browser (chromium) on the real app', function () {
  this.timeout(90_000);
  let browser: Browser | undefined;
  let kotae: RunningApp;
  let page: Page;

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    kotae = await startApp();
    page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1000, height: 1000 } });
  });
  after(async () => {
    await browser?.close();
    await kotae?.stop();
  });

  async function ask(question: string): Promise<string> {
    const before = await page.locator('.msg.bot[data-outcome]').count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
    return (await page.locator('.msg.bot[data-outcome]').last().getAttribute('data-outcome')) ?? '';
  }

  it('answers, escalates, shows the ticket in the console and counts both in the report', async () => {
    await page.goto(`${kotae.url}/`);
    assert.equal(await ask('パスワードを忘れてしまいました'), 'answered');
    const answer = page.locator('.msg.bot[data-outcome]').last();
    assert.match((await answer.locator('.sources a').first().getAttribute('href')) ?? '', /kotonoha\.example\.lg\.jp/);

    assert.notEqual(await ask('明日の天気を教えて'), 'answered');
    await page.locator('.msg.bot[data-outcome]').last().getByRole('button', { name: '担当者に問い合わせる' }).click();
    await page.fill('.escalate textarea', '天気の情報をどこで見られるか知りたい');
    await page.fill('.escalate input[name=name]', '試験 太郎');
    await page.fill('.escalate input[name=department]', '市民課');
    await page.fill('.escalate input[name=phone]', '内線 1234');
    await page.locator('.escalate button[type=submit]').click();
    const number = ((await page.locator('.ticket-number').textContent()) ?? '').replace('受付番号: ', '').trim();
    assert.match(number, /^HD-\d{4}-\d{6}$/);
    mkdirSync(join(__dirname, '..', '..', 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', 'test-artifacts', 'web-chat.png'), fullPage: true });

    await page.goto(`${kotae.url}/console/signin`);
    await page.fill('#username', 'admin');
    await page.fill('#password', 'e2e-admin-password');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.endsWith('/signin'));
    await page.goto(`${kotae.url}/console/tickets`);
    assert.match(await page.content(), new RegExp(number));

    const month = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date());
    const model = await kotae.app.reports.service.build('monthly', month);
    assert.equal(model.inquiries.asked, 2, JSON.stringify(model.inquiries));
    assert.equal(model.inquiries.answered, 1, JSON.stringify(model.inquiries));
    assert.equal(model.inquiries.escalated, 1, JSON.stringify(model.inquiries));
    assert.equal(model.tickets.opened, 1);
  });

  it('sends one key per message, so a proxy retry of a message is answered and logged once', async () => {
    const fresh = await browser!.newPage({ locale: 'ja-JP' });
    const keys: string[] = [];
    // A proxy whose first answer is lost: it sends the same request again and passes that answer on.
    await fresh.route('**/api/ask', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      await route.fetch();
      await route.fulfill({ response: await route.fetch() });
    });
    await fresh.goto(`${kotae.url}/`);
    for (const question of ['再送試験A プリンタで印刷できません', '再送試験B プリンタで印刷できません']) {
      const before = await fresh.locator('.msg.bot[data-outcome]').count();
      await fresh.fill('#question', question);
      await fresh.keyboard.press('Enter');
      await fresh.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
    }
    await fresh.close();
    assert.equal(keys.length, 2);
    assert.match(keys[0]!, /^[0-9a-f]{32}$/);
    assert.notEqual(keys[0], keys[1]);
    const rows = (await kotae.app.dataSource.query(
      `SELECT "text" FROM "question" WHERE "text" LIKE '再送試験%' ORDER BY "text"`,
    )) as { text: string }[];
    assert.deepEqual(
      rows.map((r) => r.text),
      ['再送試験A プリンタで印刷できません', '再送試験B プリンタで印刷できません'],
    );
  });
});
