/**
 * The web chat in Chromium on the real app: when a newer answer arrives, the older answer's 解決した / 解決しない stay
 * in view but are disabled (aria-disabled) and do nothing; the newest answer's 解決した rates that answer, once.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chromiumOnApp } from '../helpers/browser-app';

const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';
const FIRST = 'パスワードを忘れてしまいました';
const SECOND = '「アカウントがロックされています」と表示されてログインできません。';

describe('web chat: an older live answer’s feedback buttons are disabled (chromium, real app)', function () {
  this.timeout(120_000);
  const on = chromiumOnApp();

  const answers = (page: Page) => page.locator('.msg.bot[data-outcome="answered"]');
  const feedbackButtons = (page: Page, n: number) =>
    answers(page)
      .nth(n)
      .locator('.actions button')
      .evaluateAll((bs) =>
        bs.map((b) => [b.textContent, b.getAttribute('aria-disabled'), (b as HTMLButtonElement).disabled]),
      );
  const thanksLines = (page: Page) =>
    page.locator('.msg').evaluateAll((ms, text) => ms.filter((m) => m.textContent === text).length, THANKS);

  async function ask(page: Page, question: string): Promise<void> {
    const before = await answers(page).count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
  }

  it('disables the first answer’s buttons when the second arrives; the second’s 解決した thanks once', async () => {
    const page = await (await on.browser.newContext({ locale: 'ja-JP' })).newPage();
    const feedbackPosts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/feedback') feedbackPosts.push(r.postData()!);
    });
    await page.goto(`${on.kotae.url}/`);
    await ask(page, FIRST);
    assert.deepEqual(await feedbackButtons(page, 0), [
      ['解決した', null, false],
      ['解決しない', null, false],
      ['担当者に問い合わせる', null, false],
    ]);
    await ask(page, SECOND);
    assert.equal(await answers(page).count(), 2);
    // The first answer keeps its buttons in view, 解決した / 解決しない marked disabled; escalation still works.
    assert.deepEqual(await feedbackButtons(page, 0), [
      ['解決した', 'true', false],
      ['解決しない', 'true', false],
      ['担当者に問い合わせる', null, false],
    ]);
    assert.deepEqual(await feedbackButtons(page, 1), [
      ['解決した', null, false],
      ['解決しない', null, false],
      ['担当者に問い合わせる', null, false],
    ]);

    // Pressed anyway (a click reaches an aria-disabled button): nothing is sent, nothing shown.
    await answers(page).nth(0).getByRole('button', { name: '解決した' }).click({ force: true });
    await answers(page).nth(1).getByRole('button', { name: '解決した' }).click();
    await page.locator('.msg.bot[data-outcome="feedback"]').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('.msg.bot[data-outcome="feedback"]').count(), 1);
    assert.equal(await thanksLines(page), 1);
    const conversationId = await page.evaluate(() => localStorage.getItem('kotae.conversationId'));
    const questions = await on.kotae.app.dataSource
      .getRepository<{ id: string; conversationId: string; text: string }>('question')
      .findBy({ conversationId: conversationId! });
    const secondId = questions.find((q) => q.text === SECOND)!.id;
    assert.equal(feedbackPosts.length, 1);
    assert.equal((JSON.parse(feedbackPosts[0]) as { questionId?: string }).questionId, secondId);
    const rows = await on.kotae.app.dataSource
      .getRepository<{ questionId: string | null; conversationId: string }>('feedback')
      .findBy({ conversationId: conversationId! });
    assert.deepEqual(
      rows.map((f) => f.questionId),
      [secondId],
    );
    // The rated answer's buttons are used up.
    assert.deepEqual(
      (await feedbackButtons(page, 1)).map(([, , disabled]) => disabled),
      [true, true, true],
    );
  });
});
