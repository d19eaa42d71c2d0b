/**
 * The operator desk of issue 14 in a real browser on the real app: search by a word of a comment, a
 * ticket created through the API appearing in an open queue without reload, two operators on one ticket
 * seeing each other's reply (and the 409 kept for a stale save), a failed save redirected (303) to the
 * ticket page with everything typed, with JavaScript on and off.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { signInConsole } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const PASSWORD = 'desk-operator-password-1';
const CONTACT = { name: '試験 花子', department: '情報政策課', phone: '内線 2345' };

describe('operator desk in a real browser (chromium, real app)', function () {
  this.timeout(90_000);
  let browser: Browser | undefined;
  let kotae: RunningApp;

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    kotae = await startApp();
    for (const [username, displayName] of [
      ['sato', '佐藤 オペ'],
      ['suzuki', '鈴木 オペ'],
    ])
      await kotae.app.operators.accounts.create(
        { username, displayName, role: 'operator', password: PASSWORD },
        'test',
      );
  });
  after(async () => {
    await browser?.close();
    await kotae?.stop();
  });

  async function pageFor(
    username: string,
    width = 1280,
    javaScriptEnabled = true,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const session = await signInConsole(kotae.url, username, PASSWORD);
    const context = await browser!.newContext({ locale: 'ja-JP', viewport: { width, height: 900 }, javaScriptEnabled });
    const [name, value] = session.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: kotae.url }]);
    return { context, page: await context.newPage() };
  }

  async function apiTicket(details: string): Promise<string> {
    const ask = await postJson(`${kotae.url}/api/ask`, { question: details });
    assert.equal(ask.status, 200);
    const created = await postJson(
      `${kotae.url}/api/tickets`,
      { conversationId: ask.body.conversationId, details, user: CONTACT },
      { 'x-kotae-conversation-token': ask.body.conversationToken },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.number as string;
  }

  it('shows a ticket created through the API in the open queue within 3 s, without reload, counted in the title', async () => {
    const { context, page } = await pageFor('sato');
    try {
      await page.goto(`${kotae.url}/console/tickets`);
      const before = await page.title();
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      // Give the EventSource a moment to connect before the ticket arrives.
      await page.waitForTimeout(500);
      const number = await apiTicket('共有フォルダにアクセスできません');
      const started = Date.now();
      await page.getByRole('link', { name: number }).waitFor({ timeout: 3000 });
      assert.ok(Date.now() - started <= 3000);
      assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);
      const m = /^\((\d+)\) チケット一覧/.exec(await page.title());
      assert.ok(m, await page.title());
      assert.equal(Number(m[1]), Number(/^\((\d+)\)/.exec(before)![1]) + 1);
    } finally {
      await context.close();
    }
  });

  it('finds a ticket by a word of a comment, highlighted', async () => {
    const number = await apiTicket('ノートPCの電源が入らない');
    const ticket = await kotae.app.operators.ticketService.get(number);
    await kotae.app.operators.ticketService.note(ticket.id, 'ACアダプタを交換して解決見込み', 'sato');
    const { context, page } = await pageFor('sato');
    try {
      await page.goto(`${kotae.url}/console/tickets`);
      await page.getByLabel('チケットを検索').fill('アダプタ');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=/);
      assert.equal(await page.getByRole('link', { name: number }).count(), 1);
      assert.equal(await page.locator('tbody tr').count(), 1);
      assert.equal(await page.locator('tbody mark').first().textContent(), 'アダプタ');
    } finally {
      await context.close();
    }
  });

  it("lets two operators on one ticket see each other's reply; a stale save still gets the 409", async () => {
    const number = await apiTicket('メールの容量がいっぱいです');
    const a = await pageFor('sato');
    const b = await pageFor('suzuki');
    try {
      await a.page.goto(`${kotae.url}/console/tickets/${number}`);
      await b.page.goto(`${kotae.url}/console/tickets/${number}`);
      await a.page.locator('#u-title').fill('メールボックス容量の件（佐藤が入力中）');
      await a.page.waitForTimeout(500);
      await b.page.getByLabel('依頼者への回答').fill('不要なメールを削除してください。');
      await b.page.getByRole('button', { name: '回答を送信' }).click();
      await b.page.getByText('回答を送信しました。').waitFor();
      await a.page.getByText('不要なメールを削除してください。').waitFor({ timeout: 3000 });
      assert.equal(await a.page.locator('#live-notice').isVisible(), true);
      assert.equal(await a.page.locator('#u-title').inputValue(), 'メールボックス容量の件（佐藤が入力中）');
      await a.page.locator('#update-submit').click();
      await a.page.waitForLoadState();
      assert.match((await a.page.locator('.error').textContent()) ?? '', /他の担当者が先に更新しました/);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('works by keyboard alone: search, open, assign to self and reply', async () => {
    const number = await apiTicket('複合機のスキャナが動かない');
    const { context, page } = await pageFor('sato');
    try {
      await page.goto(`${kotae.url}/console/tickets`);
      await page.keyboard.press('/');
      await page.keyboard.type('スキャナ');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=/);
      await page.keyboard.press('j');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), number);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/console/tickets/${number}$`));
      await page.keyboard.press('a');
      await page.getByText('自分に割り当てました。').waitFor();
      // The assignment reloads the page: its shortcuts listen once its scripts have run (a loaded machine shows the
      // notice before that).
      await page.waitForLoadState('load');
      assert.equal((await kotae.app.operators.ticketService.get(number)).assignee, 'sato');
      await page.keyboard.press('r');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'reply-body');
      await page.keyboard.type('スキャナのドライバを再インストールしてください。');
      let reached = false;
      for (let i = 0; i < 5 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'reply-submit');
      }
      assert.ok(reached, 'Tab reaches the reply button');
      await page.keyboard.press('Enter');
      await page.getByText('回答を送信しました。').waitFor();
      const ticket = await kotae.app.operators.ticketService.detail(number);
      assert.equal(ticket.comments.filter((c) => c.kind === 'reply').length, 1);
    } finally {
      await context.close();
    }
  });

  it('reaches the first ticket with two Tab presses (skip link)', async () => {
    await apiTicket('キーボードで最初のチケットへ');
    const { context, page } = await pageFor('sato');
    try {
      await page.goto(`${kotae.url}/console/tickets`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'skip-first');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'first-ticket');
    } finally {
      await context.close();
    }
  });

  it('shows the queue at 375 px without horizontal overflow', async () => {
    await apiTicket('とても長い件名のチケットでも狭い画面で横にはみ出さないことを確認するための問い合わせです');
    const { context, page } = await pageFor('sato', 375);
    try {
      await page.goto(`${kotae.url}/console/tickets`);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(widths.scroll <= widths.client, JSON.stringify(widths));
      assert.equal(widths.client, 375);
    } finally {
      await context.close();
    }
  });

  for (const javaScriptEnabled of [true, false])
    it(`keeps everything typed when an incident save fails (再発防止策 missing), post/redirect/get, JavaScript ${
      javaScriptEnabled ? 'on' : 'off'
    }`, async () => {
      const number = await apiTicket('基幹系システムにログインできない');
      const { context, page } = await pageFor('sato', 1280, javaScriptEnabled);
      try {
        await page.goto(`${kotae.url}/console/tickets/${number}`);
        await page.locator('#u-type').selectOption('incident');
        await page.locator('#u-priority').selectOption('high');
        await page.locator('#u-assignee').selectOption('suzuki');
        await page.locator('#u-title').fill('基幹系システム ログイン障害');
        await page.locator('#u-cause').fill('認証サーバの証明書が期限切れだった。');
        await page.locator('#u-actions').fill('証明書を更新し、サービスを再起動した。');
        await page.locator('#u-status').selectOption('resolved');
        const posted = page.waitForResponse((r) => r.request().method() === 'POST');
        await page.locator('#update-submit').click();
        assert.equal((await posted).status(), 303);
        await page.locator('.error').waitFor();
        assert.equal(
          (await page.locator('.error').textContent())?.trim(),
          '障害チケットを解決するには、再発防止策を入力してください。',
        );
        assert.equal(new URL(page.url()).pathname, `/console/tickets/${number}`);
        assert.equal(await page.locator('#u-type').inputValue(), 'incident');
        assert.equal(await page.locator('#u-priority').inputValue(), 'high');
        assert.equal(await page.locator('#u-assignee').inputValue(), 'suzuki');
        assert.equal(await page.locator('#u-status').inputValue(), 'resolved');
        assert.equal(await page.locator('#u-title').inputValue(), '基幹系システム ログイン障害');
        assert.equal(await page.locator('#u-cause').inputValue(), '認証サーバの証明書が期限切れだった。');
        assert.equal(await page.locator('#u-actions').inputValue(), '証明書を更新し、サービスを再起動した。');
        assert.equal(await page.locator('#u-prevention').inputValue(), '');

        // A refresh reads the ticket (GET), shows it as stored and the error no more; nothing is posted.
        const methods: string[] = [];
        page.on('request', (r) => {
          if (r.isNavigationRequest()) methods.push(r.method());
        });
        const reloaded = await page.reload();
        assert.equal(reloaded?.status(), 200);
        assert.deepEqual(methods, ['GET']);
        assert.equal(await page.locator('.error').count(), 0);
        assert.equal(await page.locator('#u-type').inputValue(), 'inquiry');
        assert.equal(await page.locator('#u-cause').inputValue(), '');
        const stored = await kotae.app.operators.ticketService.get(number);
        assert.equal(stored.status, 'new');
        assert.equal(stored.version, 1);
      } finally {
        await context.close();
      }
    });
});
