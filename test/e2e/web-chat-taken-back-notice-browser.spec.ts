/**
 * The web chat in Chromium on the real app: the answer ボットに質問する got below 「お問い合わせ HD-… への追記を取り消しました。
 * ボットへの質問としてお答えします。」 shows that notice again after a reload — once, on that answer, with its sources —
 * and still once after a newer message.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chromiumOnApp } from '../helpers/browser-app';
import { postJson } from '../helpers/start-app';

const ADDED = 'パスワードを忘れてしまいました';
const withdrawn = (n: string) => `お問い合わせ ${n} への追記を取り消しました。ボットへの質問としてお答えします。`;

describe('web chat reload: the ボットに質問する notice on the answer it was shown with (chromium, real app)', function () {
  this.timeout(120_000);
  const on = chromiumOnApp();

  const bubbles = (page: Page) => page.locator('#log .msg');
  const answered = (page: Page) => page.locator('.msg.bot[data-outcome="answered"]');

  /** For every bubble holding `notice`: its index among the bubbles and the bubble before it, once per occurrence. */
  const noticesAt = (page: Page, notice: string) =>
    bubbles(page).evaluateAll(
      (ms, n) =>
        ms.flatMap(
          (m, i) =>
            Array(m.textContent!.split(n).length - 1).fill([i, ms[i - 1]?.textContent ?? '']) as [number, string][],
        ),
      notice,
    );

  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.locator('.msg.bot[data-outcome]').count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
  }

  async function reload(page: Page, answers: number): Promise<void> {
    await page.reload();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.msg.bot[data-outcome="answered"]').length === n,
      answers,
    );
  }

  it('shows the withdrawal notice once, above the same answer, after reloads', async () => {
    const page = await on.openChat();
    await ask(page, '明日の天気を教えて');
    const [conversationId, token] = await page.evaluate(() => [
      localStorage.getItem('kotae.conversationId') ?? '',
      localStorage.getItem('kotae.conversationToken') ?? '',
    ]);
    const escalated = await postJson(
      `${on.kotae.url}/api/tickets`,
      {
        conversationId,
        details: '天気の情報をどこで見られるか知りたい',
        user: { name: '試験 花子', department: '情報政策課', phone: '内線 2345' },
      },
      { 'x-kotae-conversation-token': token },
    );
    const number: string = escalated.body.number;
    const notice = withdrawn(number);
    await ask(page, ADDED);
    await page.locator('.msg.bot').last().getByRole('button', { name: 'ボットに質問する' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.msg.bot[data-outcome="answered"]').length === 1);
    const live = await answered(page).first().textContent();
    assert.equal(live!.startsWith(notice), true);
    const liveAt = await noticesAt(page, notice);
    assert.equal(liveAt.length, 1);
    const sources = await answered(page).first().locator('.sources a').count();
    assert.ok(sources > 0);

    // The answer is the last one: shown below the notice, with its sources.
    await reload(page, 1);
    const reloadedAt = await noticesAt(page, notice);
    assert.equal(reloadedAt.length, 1);
    const [index, before] = reloadedAt[0]!;
    // On the answer itself, right below the question it answered.
    assert.deepEqual([before, await bubbles(page).nth(index).getAttribute('data-outcome')], [ADDED, 'answered']);
    assert.equal((await answered(page).first().textContent())!.startsWith(notice), true);
    assert.equal(await answered(page).first().locator('.sources a').count(), sources);

    // A newer message (added to the ticket): the notice stays on that answer only, once.
    await ask(page, 'プリンタで印刷できません');
    await reload(page, 1);
    const later = await noticesAt(page, notice);
    assert.deepEqual(later, reloadedAt);
  });
});
