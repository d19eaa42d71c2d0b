/**
 * The web chat in Chromium on the real app: a reload shows the sources under every answer (not only the last)
 * and the 「ありがとうございました」 line the requester saw after 解決した, once.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { chromiumOnApp } from '../helpers/browser-app';

const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';

describe('web chat reload: sources under every answer and the thank-you line once (chromium, real app)', function () {
  this.timeout(120_000);
  const on = chromiumOnApp();

  const answers = (page: Page) => page.locator('.msg.bot[data-outcome="answered"]');
  const links = (bubble: Locator) =>
    bubble.locator('.sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const thanksLines = (page: Page) =>
    page.locator('.msg').evaluateAll((ms, text) => ms.filter((m) => m.textContent === text).length, THANKS);

  async function ask(page: Page, question: string): Promise<void> {
    const before = await answers(page).count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
  }

  it('shows each answer with its own sources after a reload, and 「ありがとうございました」 once', async () => {
    const page = await on.openChat();
    await ask(page, 'パスワードを忘れてしまいました');
    await ask(page, '「アカウントがロックされています」と表示されてログインできません。');
    assert.equal(await answers(page).count(), 2);
    const live = [await links(answers(page).nth(0)), await links(answers(page).nth(1))];
    assert.ok(live[0].length > 0 && live[1].length > 0);
    assert.notDeepEqual(live[0], live[1]);
    const texts = await answers(page).allTextContents();

    await answers(page).nth(1).getByRole('button', { name: '解決した' }).click();
    await page.locator('.msg.bot[data-outcome="feedback"]').waitFor();
    assert.equal(await thanksLines(page), 1);

    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.msg.bot[data-outcome="answered"]').length === 2);
    await page.locator('.msg.bot.system').waitFor();
    assert.deepEqual([await links(answers(page).nth(0)), await links(answers(page).nth(1))], live);
    assert.deepEqual(
      await answers(page).allTextContents(),
      texts.map((t) => t.replace(/解決した解決しない担当者に問い合わせる$/, '')),
    );
    // The older answer and the rated one: no buttons left.
    assert.equal(await page.locator('.msg.bot[data-outcome] .actions button').count(), 0);
    assert.equal(await thanksLines(page), 1);
    assert.deepEqual(await page.locator('.msg.bot.system').allTextContents(), [THANKS]);

    // A second reload shows the same, the line still once.
    await page.reload();
    await page.locator('.msg.bot.system').waitFor();
    assert.equal(await answers(page).count(), 2);
    assert.equal(await thanksLines(page), 1);
  });
});
