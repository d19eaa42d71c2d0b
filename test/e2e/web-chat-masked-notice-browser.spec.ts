/**
 * The web chat in Chromium on the real app: an answer shown below the personal-data notice (the question held a
 * phone number) shows the notice again after a reload — once, on that answer, as the last answer (with its buttons)
 * and as an earlier one.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chromiumOnApp } from '../helpers/browser-app';

const NOTICE = '※ 個人情報と思われる内容（電話番号）は記録せずに伏せ字にしました。個人情報は入力しないでください。';

describe('web chat reload: the personal-data notice on the answer it was shown with (chromium, real app)', function () {
  this.timeout(120_000);
  const on = chromiumOnApp();

  const answers = (page: Page) => page.locator('.msg.bot[data-outcome]');
  /** The indexes (among the answers) of the bubbles holding the notice, once per occurrence. */
  const noticesAt = (page: Page) =>
    answers(page).evaluateAll(
      (ms, notice) => ms.flatMap((m, i) => Array(m.textContent!.split(notice).length - 1).fill(i) as number[]),
      NOTICE,
    );

  /** Each answer's text without its buttons (candidates, 解決した, …: only the last answer gets them back). */
  const texts = (page: Page) =>
    answers(page).evaluateAll((ms) =>
      ms.map((m) => {
        const copy = m.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.actions').forEach((a) => a.remove());
        return copy.textContent;
      }),
    );

  async function ask(page: Page, question: string): Promise<void> {
    const before = await answers(page).count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
  }

  async function reload(page: Page, count: number): Promise<void> {
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length === n, count);
  }

  it('shows the notice once, above the same answer, after reloads', async () => {
    const page = await on.openChat();
    await ask(page, '「アカウントがロックされています」と表示されてログインできません。');
    await ask(page, 'パスワードを忘れてしまいました。連絡先は090-1234-5678です');
    assert.deepEqual(await noticesAt(page), [1]);
    const live = await texts(page);
    assert.equal(live[1]!.startsWith(NOTICE), true);

    // The masked question's answer is the last one: shown with the notice, its sources and its buttons.
    await reload(page, 2);
    assert.deepEqual(await noticesAt(page), [1]);
    assert.equal(await answers(page).nth(1).getByRole('button', { name: '解決した' }).count(), 1);
    assert.deepEqual(await texts(page), live);

    // A later answer: the notice stays on the earlier one only.
    await ask(page, 'Teamsで会議の画面共有ができません');
    assert.deepEqual(await noticesAt(page), [1]);
    await reload(page, 3);
    assert.deepEqual(await noticesAt(page), [1]);
    const reloaded = await texts(page);
    assert.deepEqual(reloaded.slice(0, 2), live);
    assert.equal(reloaded[2]!.includes(NOTICE), false);
  });
});
