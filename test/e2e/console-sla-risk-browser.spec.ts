/** SLA at risk (≤ 30 business minutes left) and breached tickets are highlighted in the queue (chromium). */
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startConsole, type ConsoleHarness } from '../unit/adapters/web/console/console-harness';

describe('SLA risk in the queue (chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let h: ConsoleHarness;

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    h = await startConsole();
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  it('marks the ticket due within 30 business minutes and the breached one, not the fresh one', async () => {
    const late = await h.openTicket({ title: '初動期限を過ぎる問い合わせ' });
    h.clock.advanceMinutes(60);
    const risky = await h.openTicket({ title: '初動期限が近い問い合わせ' });
    h.clock.advanceMinutes(100);
    const fresh = await h.openTicket({ title: '受け付けたばかりの問い合わせ' });
    const { cookie } = await h.sessionFor('operator');
    const context = await browser!.newContext({ locale: 'ja-JP' });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: h.origin }]);
    const page = await context.newPage();
    try {
      await page.goto(`${h.origin}/console/tickets`);
      const rowOf = (n: string) => page.locator(`tr[data-ticket="${n}"]`);
      assert.equal(await rowOf(risky.number).getAttribute('class'), 'risk-at_risk');
      assert.equal(await rowOf(late.number).getAttribute('class'), 'risk-breached');
      assert.equal(await rowOf(fresh.number).getAttribute('class'), '');
      assert.equal((await rowOf(risky.number).locator('.badge.risk-at_risk').textContent())?.trim(), 'SLA期限間近');
      assert.equal((await rowOf(late.number).locator('.badge.risk-breached').textContent())?.trim(), 'SLA超過');
      const background = await rowOf(risky.number).evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.notEqual(background, 'rgba(0, 0, 0, 0)');
    } finally {
      await context.close();
    }
  });
});
