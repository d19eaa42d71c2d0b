/**
 * Equipment lending in a real browser on the real app: an admin registers a terminal, an operator
 * books it through the form, a second overlapping request shows the Japanese refusal, the admin
 * approves and the week calendar shows the booking.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { signInConsole } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';

const PASSWORD = 'lending-operator-password-1';
/** Tomorrow 10:00 and 12:00 JST as `datetime-local` text. */
function tomorrow(hour: number): string {
  const jstNow = new Date(Date.now() + 9 * 3_600_000 + 86_400_000);
  return `${jstNow.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

describe('equipment lending in a real browser (chromium, real app)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let kotae: RunningApp;

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    kotae = await startApp();
    await kotae.app.operators.accounts.create(
      { username: 'ito', displayName: '伊藤 オペ', role: 'operator', password: PASSWORD },
      'test',
    );
  });
  after(async () => {
    await browser?.close();
    await kotae?.stop();
  });

  async function pageFor(username: string, password: string): Promise<Page> {
    const session = await signInConsole(kotae.url, username, password);
    const context = await browser!.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    const [name, value] = session.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: kotae.url }]);
    return context.newPage();
  }

  it('books through the form, refuses an overlap, approves and shows the calendar', async () => {
    const admin = await pageFor('admin', 'e2e-admin-password');
    await admin.goto(`${kotae.url}/console/registers/lending`);
    await admin.fill('#i-name', 'ペーパーレス会議端末3');
    await admin.selectOption('#i-kind', 'paperless');
    await admin.fill('#i-acc', 'タッチペン\n充電器');
    await admin.click('button:has-text("機器を登録する")');
    await admin.waitForURL(/\/console\/registers\/lending$/);

    const operator = await pageFor('ito', PASSWORD);
    const request = async (from: string, to: string, purpose: string) => {
      await operator.goto(`${kotae.url}/console/registers/lending`);
      await operator.fill('#l-department', '議会事務局');
      await operator.fill('#l-requester', '沼津 花子');
      await operator.fill('#l-purpose', purpose);
      await operator.fill('#l-from', from);
      await operator.fill('#l-to', to);
      await operator.click('button:has-text("申し込む")');
      await operator.waitForLoadState();
    };
    await request(tomorrow(10), tomorrow(12), '常任委員会');
    assert.match(operator.url(), /\/lending\/bookings\/[0-9a-f-]+\?notice=requested$/);
    const bookingUrl = operator.url().replace(/\?.*$/, '');
    assert.equal(await operator.locator('button:has-text("承認する")').count(), 0);

    await request(tomorrow(11), tomorrow(13), '別の会議');
    const error = (await operator.locator('.error').innerText()).trim();
    assert.match(
      error,
      /^「ペーパーレス会議端末3」は.*10:00〜12:00に既に予約があるため、この期間では予約できません。$/,
    );
    assert.equal(await operator.inputValue('#l-purpose'), '別の会議');

    await admin.goto(bookingUrl);
    await admin.click('button:has-text("承認する")');
    await admin.waitForURL(bookingUrl);
    assert.match(await admin.locator('main').innerText(), /承認済み/);

    await operator.goto(`${kotae.url}/console/registers/lending`);
    // The week of the booking (tomorrow may fall in the next week).
    const week = await operator.locator('a:has-text("週")').getAttribute('href');
    await operator.goto(`${kotae.url}${week}&date=${tomorrow(0).slice(0, 10)}`);
    const booked = operator.locator('table.calendar tr.booked');
    assert.equal(await booked.count(), 1);
    assert.match(await booked.innerText(), /10:00〜12:00\s+議会事務局 承認済み/);
  });
});
