/**
 * Two open pages of one web chat conversation in Chromium on the real app: a question asked in one page appears in
 * the other within the poll (question, answer with its sources and buttons), each line once and in order, and the
 * asking page shows it once too; 解決した pressed in one page shows the acknowledgement in the other and that
 * answer's buttons as used there.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chromiumOnApp } from '../helpers/browser-app';

const WELCOME = 'こんにちは。ヘルプデスクの自動応答です。パソコンやシステムの困りごとを質問してください。';
const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';
const FIRST = 'パスワードを忘れてしまいました';
const SECOND = '「アカウントがロックされています」と表示されてログインできません。';

describe('web chat: two open pages of one conversation stay in step (chromium, real app)', function () {
  this.timeout(120_000);
  const on = chromiumOnApp();

  const answers = (page: Page) => page.locator('.msg.bot[data-outcome="answered"]');
  /** Every bubble's role and first line (an answer's text starts with itself; its sources follow). */
  const bubbles = (page: Page) =>
    page
      .locator('#log > .msg')
      .evaluateAll((ms) => ms.map((m) => [m.className, (m.firstChild?.textContent ?? '').split('\n')[0]]));
  const buttons = (page: Page, n: number) =>
    answers(page)
      .nth(n)
      .locator('.actions button')
      .evaluateAll((bs) => bs.map((b) => [b.textContent, (b as HTMLButtonElement).disabled]));
  const answerText = (page: Page, n: number) =>
    answers(page)
      .nth(n)
      .evaluate((m) => (m.firstChild?.textContent ?? '').split('\n')[0]!);
  const sourceTitles = (page: Page, n: number) => answers(page).nth(n).locator('.sources li a').allTextContents();

  async function ask(page: Page, question: string): Promise<void> {
    const before = await answers(page).count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
  }

  it('shows the other page’s question, answer and feedback within the poll, each once, in both pages', async () => {
    const context = await on.browser.newContext({ locale: 'ja-JP' });
    const one = await context.newPage();
    await one.goto(`${on.kotae.url}/`);
    await ask(one, FIRST);
    const two = await context.newPage();
    await two.goto(`${on.kotae.url}/`);
    await answers(two).first().waitFor();
    const firstAnswer = await answerText(one, 0);

    // A question in the second page reaches the first within the 3-second poll.
    await ask(two, SECOND);
    await answers(one).nth(1).waitFor({ timeout: 10_000 });
    const secondAnswer = await answerText(two, 1);
    assert.notEqual(secondAnswer, firstAnswer);
    // Two more poll intervals: a duplicate would have arrived by then.
    await one.waitForTimeout(7_000);
    const expected = [
      ['msg bot', WELCOME],
      ['msg user', FIRST],
      ['msg bot', firstAnswer],
      ['msg user', SECOND],
      ['msg bot', secondAnswer],
    ];
    assert.deepEqual(await bubbles(one), expected);
    assert.deepEqual(await bubbles(two), expected);
    assert.deepEqual(await sourceTitles(one, 1), await sourceTitles(two, 1));
    assert.equal((await sourceTitles(one, 1)).length > 0, true);
    // The first page's first answer was followed by another exchange: its 解決した / 解決しない are done.
    assert.deepEqual(await buttons(one, 0), [
      ['解決した', true],
      ['解決しない', true],
      ['担当者に問い合わせる', false],
    ]);
    assert.deepEqual(await buttons(one, 1), [
      ['解決した', false],
      ['解決しない', false],
      ['担当者に問い合わせる', false],
    ]);

    // 解決した in the first page: the second shows the acknowledgement once and the answer's buttons as used.
    await answers(one).nth(1).getByRole('button', { name: '解決した' }).click();
    await two.getByText(THANKS).waitFor({ timeout: 10_000 });
    await two.waitForTimeout(7_000);
    const rated = [...expected, ['msg bot system', THANKS]];
    assert.deepEqual(await bubbles(two), rated);
    assert.deepEqual(await bubbles(one), [...expected, ['msg bot', THANKS]]);
    assert.deepEqual(await buttons(two, 1), [
      ['解決した', true],
      ['解決しない', true],
      ['担当者に問い合わせる', true],
    ]);
    assert.deepEqual(await buttons(one, 1), await buttons(two, 1));
    await context.close();
  });
});
