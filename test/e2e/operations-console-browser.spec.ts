/**
 * Issue 16 points 1 and 3 from the console in a real browser (chromium) on the real app: sites are
 * added, 65 terminals imported from a Shift_JIS CSV (a bad CSV lists its rows and imports nothing),
 * a patch campaign over the three sites with 2 failures opens 2 incident tickets linked to their
 * terminals, the progress per site and the 適用結果報告 with its due date are shown and downloaded,
 * and a ticket names its terminal, whose page lists the ticket.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { signInConsole } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';
import { csvFile, SITES, terminalLines } from '../unit/operations/operations-harness';

describe('operations ledger from the console (chromium)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let kotae: RunningApp;
  let page: Page;
  const go = (path: string) => page.goto(`${kotae.url}/console${path}`);

  before(async function () {
    this.timeout(900_000);
    kotae = await startApp();
    browser = await launchChromium();
    const { cookie } = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const context = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: kotae.url }]);
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
  });
  after(async () => {
    await browser?.close();
    await kotae?.stop();
  });

  it('imports, plans, fails two terminals into incidents and reports the patch application', async () => {
    for (const site of SITES) {
      await go('/operations/sites');
      await page.locator('#site-name').fill(site.name);
      await page.locator('#site-kind').selectOption(site.kind);
      await page.getByRole('button', { name: '拠点を追加' }).click();
      await page.getByText('拠点を保存しました。').waitFor();
    }

    // A bad CSV: the rows are listed, nothing is imported.
    await go('/operations/terminals/import');
    await page.locator('#imp-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: csvFile(['PC-901,10.9.0.1,,,,,南支所,,,', 'PC-902,10.9.0.1,,,,,本庁舎,,,'], 'sjis'),
    });
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.locator('#import-errors').waitFor();
    assert.equal(
      (await page.locator('.error').textContent())?.trim(),
      '2行に誤りがあるため、取り込みませんでした（1件も登録していません）。',
    );
    assert.deepEqual(await page.locator('#import-errors tbody tr td:nth-child(3)').allTextContents(), [
      '拠点「南支所」は登録されていません。',
      'IPアドレス「10.9.0.1」が2行目と重複しています。',
    ]);

    await page.locator('#imp-file').setInputFiles({
      name: '端末台帳.csv',
      mimeType: 'text/csv',
      buffer: csvFile(terminalLines(), 'sjis'),
    });
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByText('65台の端末を取り込みました。').waitFor();
    await page.getByText('65台中 65台を表示').waitFor();

    await go('/operations/campaigns/new');
    await page.locator('#c-kind').selectOption('monthly_patch');
    await page.locator('#c-title').fill('2026年12月 月例パッチ');
    await page.locator('#c-releaseDate').fill('2026-12-09');
    await page.locator('#c-windowStart').fill('2026-12-10T18:00');
    await page.locator('#c-windowEnd').fill('2026-12-12T18:00');
    for (const s of SITES) await page.getByLabel(s.name).check();
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('計画作業を登録しました。').waitFor();
    const campaignUrl = page.url().replace(/\?.*$/, '');

    await page.getByRole('checkbox', { name: 'PC-040' }).check();
    await page.getByRole('checkbox', { name: 'PC-060' }).check();
    await page.locator('#to-state').selectOption('failed');
    await page.locator('#to-note').fill('適用エラー 0x800f0922');
    await page.locator('#apply-state').click();
    const notice = (await page.locator('.notice').textContent())?.trim() ?? '';
    const numbers = notice.match(/HD-\d{4}-\d{6}/g) ?? [];
    assert.equal(numbers.length, 2);
    assert.equal(notice, `2台の状態を変更しました。障害チケット ${numbers.join('、')} を起票しました。`);

    const boxes = page.locator('input[name="terminalIds"]');
    for (let i = 0; i < (await boxes.count()); i++) {
      const row = page.locator('#targets tbody tr').nth(i);
      if ((await row.locator('[data-state]').getAttribute('data-state')) === 'planned') await boxes.nth(i).check();
    }
    await page.locator('#to-state').selectOption('done');
    await page.locator('#apply-state').click();
    await page.getByText('63台の状態を変更しました。').waitFor();
    assert.deepEqual(
      await page
        .locator('#progress tbody tr')
        .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th,td'), (c) => c.textContent?.trim()))),
      [
        ['本庁舎', '30', '0', '0', '30', '0', '0', '100.0%'],
        ['北支所', '20', '0', '0', '19', '1', '0', '95.0%'],
        ['水道局', '15', '0', '0', '14', '1', '0', '93.3%'],
        ['合計', '65', '0', '0', '63', '2', '0', '96.9%'],
      ],
    );

    await page.goto(`${campaignUrl}/report`);
    const header = await page.locator('#report-header dd').allTextContents();
    assert.equal(header[2], '2026-12-09');
    assert.match(header[3]!, /^2026-12-16/);
    assert.equal(await page.locator('#report-rows tbody tr').count(), 65);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Excel（xlsx）でダウンロード' }).click();
    assert.equal((await download).suggestedFilename(), 'patch-report-2026-12-09.xlsx');

    // The incident names its terminal; the terminal page lists the ticket.
    await go(`/tickets/${numbers[0]}`);
    assert.equal((await page.locator('#ticket-terminal').textContent())?.trim().startsWith('PC-040'), true);
    await page.locator('#ticket-terminal-name').fill('pc-041');
    await page.getByRole('button', { name: '対象端末を設定' }).click();
    await page.getByText('対象端末を設定しました。').waitFor();
    await page.getByRole('link', { name: 'PC-041' }).click();
    await page.locator('#terminal-tickets').getByRole('link', { name: numbers[0]! }).waitFor();
    assert.equal(await page.locator('#terminal-history tbody tr').count(), 1);
  });

  it('adds the planned-work tables to a generated report (create-app wires the section source)', async function () {
    this.timeout(120_000);
    const ops = kotae.app.operators.operations;
    const site = (await ops.sites.list()).find((s) => s.name === '水道局')!;
    const campaign = await ops.campaigns.create(
      {
        kind: 'os_update',
        title: '水道局 OS 更新',
        windowStart: new Date('2026-11-10T00:00:00Z'),
        windowEnd: new Date('2026-11-12T00:00:00Z'),
        terminalIds: [],
        siteIds: [site.id],
      },
      'admin',
    );
    const [first] = (await ops.campaigns.view(campaign.id)).targets;
    const actor = { username: 'admin', displayName: '管理者' };
    const failed = await ops.campaigns.setState(campaign.id, [first!.terminalId], 'failed', '', actor);
    const report = await kotae.app.reports.service.generate('monthly', '2026-11');
    assert.equal(report.files.includes('monthly-2026-11-planned-work.csv'), true);
    assert.equal(report.files.includes('monthly-2026-11-planned-work-failures.csv'), true);
    const csv = fs.readFileSync(
      path.join(kotae.app.reports.service.folderOf('monthly', '2026-11'), 'monthly-2026-11-planned-work-failures.csv'),
      'utf8',
    );
    assert.match(csv, new RegExp(`水道局 OS 更新,水道局,${first!.computerName},.*,${failed.incidents[0]},`));
  });
});
