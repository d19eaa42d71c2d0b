/**
 * Merging a duplicate in a real browser (chromium): comments and attachments move to the survivor, the
 * duplicate is closed, its requester's channel receives the surviving number; self and closed refused.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startConsole, type ConsoleHarness } from '../unit/adapters/web/console/console-harness';

describe('merging duplicate tickets (chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let h: ConsoleHarness;
  let page: Page;

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    h = await startConsole();
    const { cookie } = await h.sessionFor('operator');
    const context = await browser.newContext({ locale: 'ja-JP' });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: h.origin }]);
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  async function merge(from: string, into: string): Promise<void> {
    await page.goto(`${h.origin}/console/tickets/${from}`);
    await page.locator('#merge-target').fill(into);
    await page.locator('#merge-submit').click();
    await page.waitForLoadState();
  }

  it('moves comments and attachments, closes the duplicate and tells its requester the surviving number', async () => {
    const { ticket: dup, attachment } = await h.attachedImage();
    await h.ticketStore.addComment(dup.id, {
      kind: 'requester',
      author: '山田 花子',
      body: '2台目のプリンタも同じです',
    });
    const survivor = await h.openTicket({ title: '3階のプリンタ故障' });
    const sentBefore = h.web.sent.length;
    await merge(dup.number, survivor.number);
    await page.waitForURL(new RegExp(`/console/tickets/${survivor.number}\\?notice=merged$`));
    await page.getByText('チケットを統合しました。').waitFor();
    assert.equal(await page.getByText('2台目のプリンタも同じです').count(), 1);
    assert.equal((await page.getByRole('link', { name: attachment.fileName }).count()) >= 1, true);
    const moved = await h.deps.tickets.detail(survivor.number);
    assert.deepEqual(
      moved.attachments.map((a) => a.id),
      [attachment.id],
    );
    const closed = await h.deps.tickets.detail(dup.number);
    assert.equal(closed.ticket.status, 'closed');
    assert.deepEqual(closed.attachments, []);
    assert.equal(closed.comments.filter((c) => c.body.includes('2台目')).length, 0);
    assert.equal(closed.comments.filter((c) => c.kind === 'note' && c.body.includes(survivor.number)).length, 1);
    const told = h.web.sent.slice(sentBefore);
    assert.equal(told.length, 1);
    assert.match(told[0]!.reply.text, new RegExp(`今後は受付番号 ${survivor.number} でお問い合わせください`));
  });

  it('refuses merging a ticket into itself or into a closed one, with a Japanese message', async () => {
    const a = await h.openTicket();
    await merge(a.number, a.number);
    assert.equal((await page.locator('.error').textContent())?.trim(), '同じチケットには統合できません。');
    const b = await h.openTicket();
    const c = await h.openTicket();
    await merge(b.number, c.number);
    await merge(a.number, b.number);
    assert.equal(
      (await page.locator('.error').textContent())?.trim(),
      `${b.number} はクローズ済みのため、統合先にできません。`,
    );
    assert.equal((await h.deps.tickets.get(a.number)).status, 'new');
  });
});
