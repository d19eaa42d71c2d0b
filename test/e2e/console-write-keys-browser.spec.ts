/**
 * The reply and note forms a real browser (chromium) renders carry a one-time key (issue 17 point 5), with
 * JavaScript on and off: the same POST replayed (as a proxy retries it on another instance after a crash)
 * writes one comment and sends the requester one reply, and the page shows the normal success notice.
 */
import assert from 'node:assert/strict';
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startConsole, PASSWORD, type ConsoleHarness } from '../unit/adapters/web/console/console-harness';

describe('console write keys in a real browser (chromium)', function () {
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

  async function signedIn(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser!.newContext({ locale: 'ja-JP', javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${h.origin}/console/signin`);
    await page.getByLabel('ユーザー名').fill('op1');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.waitForURL(/\/console\/tickets$/);
    return page;
  }

  /** Sends every POST to `path` twice to the server (the first answer is lost), and answers the second. */
  async function replayPosts(page: Page, path: string): Promise<{ status: number; location: string }[]> {
    const answers: { status: number; location: string }[] = [];
    await page.route(`**${path}`, async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const first = await route.fetch({ maxRedirects: 0 });
      const second = await route.fetch({ maxRedirects: 0 });
      for (const r of [first, second]) answers.push({ status: r.status(), location: r.headers().location ?? '' });
      await route.fulfill({ response: second });
    });
    return answers;
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`writes a replayed reply and note once (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const ticket = await h.openTicket();
      const page = await signedIn(javaScriptEnabled);
      const sentBefore = h.web.sent.length;
      const replies = await replayPosts(page, `/console/tickets/${ticket.number}/reply`);
      const notes = await replayPosts(page, `/console/tickets/${ticket.number}/note`);
      await page.goto(`${h.origin}/console/tickets/${ticket.number}`);

      await page.getByLabel('依頼者への回答').fill('トナーを交換しました。印刷をお試しください。');
      await page.getByRole('button', { name: '回答を送信' }).click();
      await page.getByText('回答を送信しました。').waitFor();
      const replied = `/console/tickets/${ticket.number}?notice=replied`;
      assert.deepEqual(replies, [
        { status: 303, location: replied },
        { status: 303, location: replied },
      ]);

      await page.getByLabel('内部メモ（依頼者には送信されません）').fill('トナーの在庫が残り1本。');
      await page.getByRole('button', { name: 'メモを追加' }).click();
      await page.getByText('メモを追加しました。').waitFor();
      assert.deepEqual(
        notes.map((n) => n.status),
        [303, 303],
      );
      assert.equal(notes[0]!.location, notes[1]!.location);

      const comments = await h.ticketStore.comments(ticket.id);
      assert.deepEqual(
        comments.filter((c) => c.kind !== 'requester').map((c) => [c.kind, c.body.includes('トナー')]),
        [
          ['reply', true],
          ['note', true],
        ],
      );
      assert.equal(h.web.sent.length - sentBefore, 1, 'the requester got the reply once');
      await page.context().close();
    });
  }
});
