/**
 * The web chat when the knowledge index cannot be loaded (real Chromium, real app on a damaged index): the first
 * question is refused in Japanese with 担当者に問い合わせる — the refusal names the new conversation, so the
 * requester can still open a ticket (as Teams and LoGoチャット offer it), titled by the question, which a reload
 * shows with its refusal.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { currentIndexDir } from '../../ingest';
import { launchChromium } from '../helpers/chromium';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const UNREADABLE = 'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。';

describe('the web chat on a knowledge index that cannot be loaded (chromium)', function () {
  this.timeout(240_000);
  const data = tempDir('kotae-broken-index-chat-');
  let browser: Browser | undefined;
  let kotae: RunningApp | undefined;

  before(async function () {
    this.timeout(900_000);
    const first = await startApp({ KOTAE_DATA_DIR: data.dir }, { keepDataDir: true });
    await first.stop();
    fs.writeFileSync(path.join(currentIndexDir(data.dir) as string, 'chunks.json'), '[{"id": "FAQ-');
    kotae = await startApp({ KOTAE_DATA_DIR: data.dir }, { keepDataDir: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kotae?.stop();
    data.cleanup();
  });

  it('answers the API refusal with the conversation, its token and the escalate action', async () => {
    const refused = await postJson(`${kotae!.url}/api/ask`, { question: 'パスワードを忘れました' });
    assert.equal(refused.status, 503);
    assert.deepEqual(
      { error: refused.body.error, actions: refused.body.actions },
      { error: { code: 'KB_INDEX_CORRUPT', message: UNREADABLE }, actions: ['escalate'] },
    );
    assert.match(refused.body.conversationId, /^[\w-]{8,}$/);
    const ticket = await postJson(
      `${kotae!.url}/api/tickets`,
      {
        conversationId: refused.body.conversationId,
        details: 'パスワードを忘れました',
        user: { name: '試験 花子', department: '情報政策課', phone: '内線 2345' },
      },
      { 'x-kotae-conversation-token': refused.body.conversationToken },
    );
    assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
  });

  it('offers 担当者に問い合わせる under the refusal of a first question, and the ticket is opened', async () => {
    const context = await browser!.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    const chat = await context.newPage();
    await chat.goto(`${kotae!.url}/`);
    await chat.fill('#question', 'VPNにつながりません');
    await chat.keyboard.press('Enter');
    const refusal = chat.locator('.msg.bot.error[data-outcome="no_answer"]');
    await refusal.waitFor();
    assert.equal((await refusal.textContent())?.startsWith(UNREADABLE), true);
    await refusal.getByRole('button', { name: '担当者に問い合わせる' }).click();
    await chat.fill('.escalate textarea', '自宅からVPNにつながりません');
    await chat.fill('.escalate input[name=name]', '試験 太郎');
    await chat.fill('.escalate input[name=department]', '総務課');
    await chat.fill('.escalate input[name=phone]', '内線 1234');
    await chat.locator('.escalate button[type=submit]').click();
    const number = ((await chat.locator('.ticket-number').textContent()) ?? '').replace('受付番号: ', '').trim();
    assert.match(number, /^HD-\d{4}-\d{6}$/);
    const rows = (await kotae!.app.dataSource.query(`SELECT "title", "details" FROM "ticket" WHERE "number" = ?`, [
      number,
    ])) as { title: string; details: string }[];
    // Titled by the refused question (written into the conversation), the details as typed.
    assert.deepEqual(rows, [{ title: 'VPNにつながりません', details: '自宅からVPNにつながりません' }]);

    // A reload shows, after the greeting, the refused question and its refusal once each, then the escalation.
    await chat.reload();
    await chat.locator('.msg.system').first().waitFor();
    const shown = await chat
      .locator('#log .msg')
      .evaluateAll((nodes) => nodes.map((n) => [n.className, (n.textContent ?? '').slice(0, 30)]));
    assert.deepEqual(
      shown.map(([cls]) => cls),
      ['msg bot', 'msg user', 'msg bot', 'msg bot system'],
    );
    assert.deepEqual(shown.slice(1, 3), [
      ['msg user', 'VPNにつながりません'],
      ['msg bot', UNREADABLE.slice(0, 30)],
    ]);
    assert.match(shown[3]![1]!, /^お問い合わせを受け付けました/);
    await context.close();
  });
});
