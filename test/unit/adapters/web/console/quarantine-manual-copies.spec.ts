/**
 * 隔離ファイル: where a quarantined manual's copy is. A release whose transaction fails after the manual was moved
 * back puts it back into quarantine (503, nothing audited; a retry succeeds); a copy removed by hand is shown as
 * no longer kept, without the form (410 on release); with per-instance storage a manual quarantined by another
 * host is shown kept there (404 "別のサーバー" on release, 410 after its keeping period); a quarantine recorded
 * before the host was (migration 1767500000000) keeps the period-based state.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CONSOLE_HOST, startConsole, type ConsoleHarness } from './console-harness';
import { alertOf, rows, waitFor } from './quarantine-page-text';

const REASON_LABEL = '解除する理由（必須・500文字以内。誤検知と判断した根拠など） 隔離を解除する';
const ROW = 'vpn.md Seed.Manual 2026/04/01 10:00 ・ 再検査（定義: Seed 0.1） マニュアル（knowledge/uploads/vpn.md）';
const CONTENT = '# VPN\n接続手順\n';
const GONE_410 =
  '「vpn.md」は隔離の保管期間（KOTAE_QUARANTINE_KEEP_DAYS）を過ぎてファイルを削除したため、隔離を解除できません。';

describe('console 隔離ファイル: where a quarantined manual is kept', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  const page = async (role: 'admin' | 'auditor' = 'admin') =>
    h.request('GET', '/console/quarantine', { session: await h.sessionFor(role) });
  const release = async (sha256: string, form: Record<string, string> = { reason: '誤検知' }) =>
    h.request('POST', `/console/quarantine/manuals/${sha256}/release`, { session: await h.sessionFor('admin'), form });
  const releases = async () => (await h.audit.recent(50)).filter((r) => r.action === 'manual.quarantine_released');
  const uploads = () => h.documents.list().map((d) => d.name);

  it('moves the manual back into quarantine when the release is not saved, audits nothing, and a retry succeeds', async () => {
    const manual = await h.quarantinedManual('vpn.md', CONTENT);
    h.setCommitFails(true);
    const form = { reason: '誤検知', _key: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' };
    const failed = await release(manual.sha256, form);
    assert.deepEqual(
      [failed.status, alertOf(failed.text)],
      [
        503,
        'データベースに解除を保存できなかったため、隔離を解除できませんでした。マニュアルは隔離したままです。しばらくしてからもう一度お試しください。',
      ],
    );
    assert.equal(fs.readFileSync(manual.copy, 'utf8'), CONTENT, 'back in quarantine under its name');
    assert.deepEqual(uploads(), []);
    assert.equal(fs.existsSync(path.join(h.documents.dir, 'vpn.md')), false);
    assert.deepEqual(await releases(), []);
    assert.deepEqual(rows((await page()).text), [
      `${ROW} 保管中（2026/05/01 10:00 に削除予定） 隔離中 ${REASON_LABEL}`,
    ]);
    assert.deepEqual(
      h.logger.lines.filter((l) => l.msg.startsWith('manual release')).map((l) => [l.level, l.msg, l.fields?.file]),
      [['warn', 'manual release not saved; manual moved back into quarantine', 'vpn.md']],
    );
    assert.deepEqual(h.ingestRuns, []);

    h.setCommitFails(false);
    // The same form sent again: the failed answer is not kept for its key.
    const retried = await release(manual.sha256, form);
    assert.deepEqual([retried.status, retried.location], [303, '/console/quarantine?notice=manualReleased']);
    assert.equal(fs.existsSync(manual.copy), false);
    assert.equal(fs.readFileSync(path.join(h.documents.dir, 'vpn.md'), 'utf8'), CONTENT);
    assert.deepEqual(
      (await releases()).map((r) => [r.actor, r.target]),
      [[h.users.admin, 'manual:vpn.md']],
    );
    await waitFor(() => h.ingestRuns.length === 1);
    assert.deepEqual(h.ingestRuns, ['vpn.md']);
  });

  it('shows a copy removed by hand from quarantine/manuals as no longer kept, without the form; its release is 410', async () => {
    const manual = await h.quarantinedManual('vpn.md', CONTENT);
    fs.rmSync(manual.copy);
    for (const role of ['admin', 'auditor'] as const) {
      const listed = await page(role);
      assert.deepEqual(rows(listed.text), [`${ROW} 削除済み（quarantine/manuals にありません） 隔離中`], role);
      assert.equal(listed.text.includes('<form class="quarantine-release"'), false, role);
    }
    const gone = await release(manual.sha256);
    assert.deepEqual([gone.status, alertOf(gone.text)], [410, GONE_410]);
    assert.deepEqual(await releases(), []);
    assert.deepEqual(uploads(), []);
  });

  it('shows a manual quarantined by another host as kept there; its release here is 404 naming that host', async () => {
    assert.notEqual(CONSOLE_HOST, 'kotae-b');
    const manual = await h.quarantinedManualBy('kotae-b')('vpn.md', CONTENT);
    // The other host's folder holds the copy, not this one's.
    fs.rmSync(manual.copy);
    const listed = await page();
    assert.deepEqual(rows(listed.text), [
      `${ROW} このサーバーにはありません（サーバー「kotae-b」に保存。2026/05/01 10:00 に削除予定。解除はそのサーバーで） 隔離中`,
    ]);
    assert.equal(listed.text.includes('<form class="quarantine-release"'), false);
    const elsewhere = await release(manual.sha256);
    assert.deepEqual(
      [elsewhere.status, alertOf(elsewhere.text)],
      [
        404,
        '「vpn.md」は別のサーバー（kotae-b）の隔離フォルダーに保管されているため、このサーバーでは隔離を解除できません。サーバー「kotae-b」の管理コンソールで解除してください（KOTAE_ATTACHMENT_STORAGE=instance では、隔離したマニュアルは再検査したサーバーにだけ保管されます）。',
      ],
    );
    assert.deepEqual(await releases(), []);

    h.clock.advanceMinutes(30 * 24 * 60);
    assert.deepEqual(rows((await page()).text), [`${ROW} 削除済み（保管期間経過: 2026/05/01 10:00） 隔離中`]);
    const afterPeriod = await release(manual.sha256);
    assert.deepEqual([afterPeriod.status, alertOf(afterPeriod.text)], [410, GONE_410]);
  });

  it('keeps the period-based state for a quarantine recorded before its host was (the form; 410 once removed)', async () => {
    const manual = await h.quarantinedManualBy(undefined)('vpn.md', CONTENT);
    fs.rmSync(manual.copy);
    assert.deepEqual(rows((await page()).text), [
      `${ROW} 保管中（2026/05/01 10:00 に削除予定） 隔離中 ${REASON_LABEL}`,
    ]);
    const gone = await release(manual.sha256);
    assert.deepEqual([gone.status, alertOf(gone.text)], [410, GONE_410]);
  });
});
