/**
 * The web chat in Chromium on the real app: a reload shows the last answer with its sources and buttons
 * (gone once used), and ボットに質問する takes the message off the ticket it had been added to.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chromiumOnApp } from '../helpers/browser-app';
import { postJson } from '../helpers/start-app';

describe('web chat reload and ボットに質問する in a real browser (chromium) on the real app', function () {
  this.timeout(120_000);
  const on = chromiumOnApp();

  const answers = (page: Page) => page.locator('.msg.bot[data-outcome]');

  async function ask(page: Page, question: string): Promise<void> {
    const before = await answers(page).count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
  }

  it('shows the last answer again with its sources and buttons, without them once rated', async () => {
    const page = await on.openChat();
    await ask(page, 'パスワードを忘れてしまいました');
    const live = answers(page).last();
    assert.equal(await live.getAttribute('data-outcome'), 'answered');
    const links = await live.locator('.sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0);
    const buttons = ['解決した', '解決しない', '担当者に問い合わせる'];

    await page.reload();
    const restored = answers(page).first();
    await restored.waitFor();
    assert.equal(await answers(page).count(), 1);
    assert.deepEqual(
      await restored.locator('.sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      links,
    );
    assert.deepEqual(await restored.locator('.actions button').allTextContents(), buttons);
    await restored.getByRole('button', { name: '解決した' }).click();
    await page.locator('.msg.bot[data-outcome="feedback"]').waitFor();
    assert.equal(await restored.getByRole('button', { name: '解決しない' }).isDisabled(), true);

    await page.reload();
    const rated = answers(page).first();
    await rated.waitFor();
    assert.equal(await rated.locator('.sources a').count(), links.length);
    assert.equal(await rated.locator('.actions button').count(), 0);
    const conversationId = await page.evaluate(() => localStorage.getItem('kotae.conversationId'));
    assert.equal(await on.kotae.app.dataSource.getRepository('feedback').countBy({ conversationId }), 1);
  });

  it('ボットに質問する answers as the bot and takes the message off the ticket', async () => {
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
    await ask(page, 'パスワードを忘れてしまいました');
    const ack = answers(page).last();
    assert.match((await ack.textContent()) ?? '', new RegExp(`お問い合わせ ${number} に追記しました。`));
    await ack.getByRole('button', { name: 'ボットに質問する' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.msg.bot[data-outcome="answered"]').length === 1);
    const answered = page.locator('.msg.bot[data-outcome="answered"]');
    assert.match(
      (await answered.textContent()) ?? '',
      new RegExp(`^お問い合わせ ${number} への追記を取り消しました。ボットへの質問としてお答えします。`),
    );
    assert.ok((await answered.locator('.sources a').count()) > 0);
    const ticket = await on.kotae.app.dataSource
      .getRepository<{ id: string; number: string; requesterRepliedAt: Date | null }>('ticket')
      .findOneByOrFail({ number });
    assert.equal(ticket.requesterRepliedAt, null);
    const comments = await on.kotae.app.dataSource
      .getRepository<{ ticketId: string; kind: string; body: string }>('ticket_comment')
      .findBy({ ticketId: ticket.id });
    assert.deepEqual(
      comments.map((c) => [c.kind, c.body]),
      [['withdrawn', 'パスワードを忘れてしまいました']],
    );
    const history = await on.kotae.app.dataSource
      .getRepository<{ ticketId: string; field: string; before: string; after: string }>('ticket_event')
      .findBy({ ticketId: ticket.id, field: 'requesterWithdrawn' });
    assert.deepEqual(
      history.map((e) => [e.before, e.after]),
      [['パスワードを忘れてしまいました', 'bot_question']],
    );
  });
});
