/**
 * The web chat under a hurried, offline or small-screen requester (real Chromium, real app): a second
 * message typed before the first answer waits for it and joins the same conversation; a network failure is
 * explained in Japanese and the message stays in the box (sent again with its key); long words wrap at
 * desktop and phone widths; the same file can be picked again after an error; the hidden file input is no
 * Tab stop; an empty message and an over-long paste get a Japanese hint.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const NETWORK_ERROR = '通信に失敗しました。ネットワークを確認して、もう一度お試しください。';
const answers = (page: Page) => page.locator('.msg.bot[data-outcome]');

describe('web chat robustness in a real browser (chromium) on the real app', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let kotae: RunningApp;
  let context: BrowserContext;
  const temp = tempDir('kotae-robust-');

  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    kotae = await startApp();
  });
  beforeEach(async () => {
    // A fresh context each time: no conversation in localStorage.
    context = await browser!.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => context?.close());
  after(async () => {
    await browser?.close();
    await kotae?.stop();
    temp.cleanup();
  });

  async function openChat(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${kotae.url}/`);
    return page;
  }

  async function ask(page: Page, question: string): Promise<void> {
    const before = await answers(page).count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot[data-outcome]').length > n, before);
  }

  async function conversationCount(): Promise<number> {
    const rows = (await kotae.app.dataSource.query('SELECT COUNT(*) AS "n" FROM "conversation"')) as { n: number }[];
    return Number(rows[0]!.n);
  }

  it('sends a message typed before the first answer after it, in the same conversation', async () => {
    const page = await openChat();
    const bodies: { question: string; conversationId?: string }[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/ask', async (route) => {
      bodies.push(route.request().postDataJSON() as { question: string; conversationId?: string });
      // The first answer is slow: the second message is typed while it is on its way.
      if (bodies.length === 1) await held;
      await route.continue();
    });
    const before = await conversationCount();

    await page.fill('#question', '連続送信1 プリンタで印刷できません');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.msg.user').length === 1);
    await page.fill('#question', '連続送信2 紙が詰まっています');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.msg.user').length === 2);
    assert.equal(await page.locator('#ask-status').textContent(), '前の回答が届いたあとに送信します。');
    assert.equal(bodies.length, 1);
    release();
    await page.waitForFunction(() => document.querySelectorAll('.msg.bot[data-outcome]').length === 2);

    assert.equal(bodies.length, 2);
    assert.equal(bodies[0]!.conversationId, undefined);
    const id = await page.evaluate(() => localStorage.getItem('kotae.conversationId'));
    assert.ok(id);
    assert.equal(bodies[1]!.conversationId, id);
    assert.equal(await page.locator('#ask-status').textContent(), '');
    assert.equal(await conversationCount(), before + 1);
    const rows = (await kotae.app.dataSource.query(
      `SELECT "conversationId", "text" FROM "question" WHERE "text" LIKE '連続送信%' ORDER BY "askedAt"`,
    )) as { conversationId: string; text: string }[];
    assert.deepEqual(rows, [
      { conversationId: id, text: '連続送信1 プリンタで印刷できません' },
      { conversationId: id, text: '連続送信2 紙が詰まっています' },
    ]);

    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.msg.user').length === 2);
    assert.deepEqual(await page.locator('.msg.user').allTextContents(), [
      '連続送信1 プリンタで印刷できません',
      '連続送信2 紙が詰まっています',
    ]);
  });

  it('explains a network failure in Japanese and keeps the message, its key, the form and the file', async () => {
    const page = await openChat();
    const keys: string[] = [];
    await page.route('**/api/ask', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      await route.continue();
    });
    await context.setOffline(true);
    await page.fill('#question', 'ネットワーク試験 VPNにつながりません');
    await page.keyboard.press('Enter');
    await page.locator('.msg.error').waitFor();
    assert.equal(await page.locator('.msg.error').textContent(), NETWORK_ERROR);
    assert.equal(await page.inputValue('#question'), 'ネットワーク試験 VPNにつながりません');
    assert.equal(await page.locator('.msg.user').count(), 0);

    // Back online, Enter sends the same message with the same key.
    await context.setOffline(false);
    await page.locator('#question').focus();
    await page.keyboard.press('Enter');
    await answers(page).first().waitFor();
    assert.equal(await page.inputValue('#question'), '');
    assert.deepEqual(await page.locator('.msg.user').allTextContents(), ['ネットワーク試験 VPNにつながりません']);
    assert.equal(keys.length, 2);
    assert.match(keys[0]!, /^[0-9a-f]{32}$/);
    assert.equal(keys[1], keys[0]);

    // Escalation offline: the Japanese message inside the form, which keeps what was typed.
    await answers(page).last().getByRole('button', { name: '担当者に問い合わせる' }).click();
    await page.fill('.escalate textarea', '在宅勤務でVPNが切れます');
    await page.fill('.escalate input[name=name]', '試験 次郎');
    await page.fill('.escalate input[name=department]', '税務課');
    await page.fill('.escalate input[name=phone]', '内線 3456');
    await context.setOffline(true);
    await page.locator('.escalate button[type=submit]').click();
    await page.locator('.msg .msg.error').waitFor();
    assert.deepEqual(await page.locator('.msg .msg.error').allTextContents(), [NETWORK_ERROR]);
    assert.equal(await page.inputValue('.escalate textarea'), '在宅勤務でVPNが切れます');
    assert.equal(await page.locator('.escalate button[type=submit]').isDisabled(), false);

    // Upload offline: the Japanese message in the attachment status.
    const file = path.join(temp.dir, 'vpn.txt');
    fs.writeFileSync(file, 'vpn log');
    await page.locator('#attach-input').setInputFiles(file);
    await page.waitForFunction(() => document.querySelector('.attach-status')?.classList.contains('error'));
    assert.equal(await page.locator('.attach-status').textContent(), NETWORK_ERROR);
    await context.setOffline(false);
  });

  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 375, height: 740 },
  ])
    it(`wraps a 300-character path at ${viewport.width}px instead of scrolling sideways`, async () => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${kotae.url}/`);
      const longPath = '\\\\fs01\\share\\' + 'A'.repeat(300);
      await ask(page, `${longPath} が開けません`);
      await page.locator('#history-toggle').click();
      await page.locator('#history-list p').waitFor();
      const widths = await page.evaluate(() => ({
        scroll: document.scrollingElement!.scrollWidth,
        inner: window.innerWidth,
      }));
      assert.ok(widths.scroll <= widths.inner, JSON.stringify(widths));
      const bubble = await page.locator('.msg.user').boundingBox();
      assert.ok(bubble && bubble.x + bubble.width <= viewport.width, JSON.stringify(bubble));
    });

  it('uploads the same file picked again after an error, and clears the picker after every pick', async () => {
    const page = await openChat();
    const uploads: string[] = [];
    await page.route('**/api/conversations/*/attachments', async (route) => {
      if (route.request().method() === 'POST') uploads.push(route.request().url());
      await route.continue();
    });
    const file = path.join(temp.dir, 'エラー画面.txt');
    fs.writeFileSync(file, 'エラー 0x80070005');
    const pickedCount = () =>
      page.locator('#attach-input').evaluate((input: HTMLInputElement) => input.files?.length ?? -1);

    await page.locator('#attach-input').setInputFiles(file);
    assert.equal(
      await page.locator('.attach-status').textContent(),
      '先に質問を入力してください。会話が始まるとファイルを添付できます。',
    );
    assert.equal(await pickedCount(), 0);
    await ask(page, 'ファイル試験 共有フォルダに保存できません');
    await page.locator('#attach-input').setInputFiles(file);
    await page.waitForFunction(() =>
      /受け取りました/.test(document.querySelector('.attach-status')?.textContent ?? ''),
    );
    assert.equal(
      await page.locator('.attach-status').textContent(),
      '「エラー画面.txt」を受け取りました。担当者に問い合わせると、このファイルも引き継がれます。',
    );
    assert.equal(uploads.length, 1);
    assert.equal(await pickedCount(), 0);

    const big = path.join(temp.dir, 'big.zip');
    fs.writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1));
    await page.locator('#attach-input').setInputFiles(big);
    assert.equal(
      await page.locator('.attach-status').textContent(),
      'ファイルが大きすぎます。添付できるのは1ファイル10MBまでです。',
    );
    assert.equal(await pickedCount(), 0);
    assert.equal(uploads.length, 1);
  });

  it('keeps the file input out of the Tab order; the 📎 button opens the picker from the keyboard', async () => {
    const page = await openChat();
    await page.bringToFront();
    await page.locator('.attach-button').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id ?? ''), '');
    assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'INPUT');
    // Other pages of the same browser may hold the keyboard: this one first, then Enter on the focused button.
    await page.bringToFront();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('.attach-button').press('Enter'),
    ]);
    assert.equal(await chooser.element().getAttribute('id'), 'attach-input');
    assert.equal(await page.locator('#attach-input').getAttribute('tabindex'), '-1');
  });

  it('hints in Japanese at an empty message and at the length limit', async () => {
    const page = await openChat();
    let asked = 0;
    await page.route('**/api/ask', async (route) => {
      asked += 1;
      await route.continue();
    });
    await page.fill('#question', '   \n  ');
    await page.keyboard.press('Enter');
    assert.equal(
      await page.locator('#ask-status').textContent(),
      '質問を入力してください（空白だけでは送信できません）。',
    );
    assert.equal(await page.locator('.msg.user').count(), 0);
    assert.equal(asked, 0);

    await page.fill('#question', 'あ'.repeat(1900));
    assert.equal(await page.locator('#ask-status').textContent(), '1,900 / 2,000文字');
    await page.fill('#question', 'あ'.repeat(10));
    assert.equal(await page.locator('#ask-status').textContent(), '');

    // A paste longer than the box allows is cut by the browser; the page says so.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: kotae.url });
    await page.evaluate((text) => navigator.clipboard.writeText(text), 'い'.repeat(2100));
    await page.locator('#question').focus();
    await page.keyboard.press('ControlOrMeta+V');
    await page.waitForFunction(
      () => (document.querySelector('#question') as HTMLTextAreaElement).value.length === 2000,
    );
    assert.equal(
      await page.locator('#ask-status').textContent(),
      '貼り付けた文章が2,000文字を超えたため、超えた部分は入力されていません。',
    );
  });
});
