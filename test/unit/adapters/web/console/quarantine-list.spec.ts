/**
 * 隔離ファイル: every quarantined file across tickets, newest first, for administrators and 監査担当 only; an
 * administrator releases a quarantined manual from its row.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { QUARANTINE_LIST_TEXT } from '../../../../../adapters/web/console/quarantine-messages';
import { startConsole, type ConsoleHarness } from './console-harness';
import { alertOf, rows, waitFor } from './quarantine-page-text';

describe('console 隔離ファイル page', () => {
  let h: ConsoleHarness;
  let first: Awaited<ReturnType<ConsoleHarness['quarantinedImage']>>;
  let second: Awaited<ReturnType<ConsoleHarness['quarantinedImage']>>;
  before(async () => {
    h = await startConsole();
    await h.attachedImage(); // clean: not listed
    first = await h.quarantinedImage();
    h.clock.advanceMinutes(60);
    second = await h.quarantinedImage();
  });
  after(() => h.close());

  it('lists each quarantined attachment row, newest first, with its ticket, detection and keeping period', async () => {
    const page = await h.request('GET', '/console/quarantine', { session: await h.sessionFor('admin') });
    assert.equal(page.status, 200);
    // Both rows share one content (quarantinedImage's bytes): one file_scan row, two attachment rows, in id order.
    const [a, b] = [first, second].sort((x, y) => (x.attachment.id < y.attachment.id ? -1 : 1));
    assert.deepEqual(rows(page.text), [
      `screen.png Seed.FalsePositive 2026/04/01 10:00 ・ 再検査（定義: Seed 0.1） ${a!.ticket.number} 保管中（2026/05/01 10:00 に削除予定） 隔離中`,
      `screen.png Seed.FalsePositive 2026/04/01 10:00 ・ 再検査（定義: Seed 0.1） ${b!.ticket.number} 保管中（2026/05/01 10:00 に削除予定） 隔離中`,
    ]);
    assert.ok(page.text.includes(`href="/console/tickets/${first.ticket.number}"`));
    assert.ok(page.text.includes('<a href="/console/quarantine">隔離ファイル</a>'), 'linked from the menu');
  });

  it('shows the page to an auditor without any release form', async () => {
    const page = await h.request('GET', '/console/quarantine', { session: await h.sessionFor('auditor') });
    assert.equal(page.status, 200);
    assert.equal(rows(page.text).length, 2);
    assert.equal(page.text.includes('<form class="quarantine-release"'), false);
  });

  it('refuses operators and staff', async () => {
    for (const role of ['operator', 'staff'] as const) {
      const page = await h.request('GET', '/console/quarantine', { session: await h.sessionFor(role) });
      assert.equal(page.status, 403, role);
      assert.equal(page.text.includes('<a href="/console/quarantine">'), false, role);
    }
  });
});

describe('console 隔離ファイル: the release of a quarantined manual (administrators)', () => {
  const REASON_LABEL = '解除する理由（必須・500文字以内。誤検知と判断した根拠など） 隔離を解除する';
  const ROW = 'vpn.md Seed.Manual 2026/04/01 10:00 ・ 再検査（定義: Seed 0.1） マニュアル（knowledge/uploads/vpn.md）';
  let h: ConsoleHarness;
  let manual: Awaited<ReturnType<ConsoleHarness['quarantinedManual']>>;
  beforeEach(async () => {
    h = await startConsole();
    manual = await h.quarantinedManual('vpn.md', '# VPN\n接続手順\n');
  });
  afterEach(() => h.close());

  const page = async (role: 'admin' | 'auditor' = 'admin', query = '') =>
    h.request('GET', `/console/quarantine${query}`, { session: await h.sessionFor(role) });
  const release = async (form: Record<string, string>, sha256 = manual.sha256, role: 'admin' | 'operator' = 'admin') =>
    h.request('POST', `/console/quarantine/manuals/${sha256}/release`, { session: await h.sessionFor(role), form });
  const releases = async () => (await h.audit.recent(50)).filter((r) => r.action === 'manual.quarantine_released');
  /** Nothing changed: the copy stays in quarantine, nothing in the uploads, no audit row, still 隔離中. */
  async function unchanged() {
    assert.equal(fs.existsSync(manual.copy), true, 'copy kept in quarantine');
    assert.deepEqual(
      h.documents.list().map((d) => d.name),
      [],
    );
    assert.equal((await releases()).length, 0);
    for (const row of rows((await page()).text)) assert.equal(row.includes(' 隔離中 '), true, row);
  }

  it('offers the form in the manual row to an administrator, not to an auditor', async () => {
    assert.deepEqual(rows((await page()).text), [
      `${ROW} 保管中（2026/05/01 10:00 に削除予定） 隔離中 ${REASON_LABEL}`,
    ]);
    assert.equal((await page()).text.includes(`action="/console/quarantine/manuals/${manual.sha256}/release"`), true);
    const auditor = await page('auditor');
    assert.deepEqual(rows(auditor.text), [`${ROW} 保管中（2026/05/01 10:00 に削除予定） 隔離中`]);
    assert.equal(auditor.text.includes('<form class="quarantine-release"'), false);
  });

  it('scans it again, moves it back to the uploads, audits once, re-indexes and lists it released', async () => {
    const key = '5d3f7c1e-8a2b-4c6d-9e0f-1a2b3c4d5e6f';
    const first = await release({ reason: '  定義更新で誤検知と確認  ', _key: key });
    assert.equal(first.status, 303);
    assert.equal(first.location, '/console/quarantine?notice=manualReleased');
    const again = await release({ reason: '  定義更新で誤検知と確認  ', _key: key });
    assert.deepEqual([again.status, again.location], [303, first.location], 'the same form answered once');
    assert.equal(fs.existsSync(manual.copy), false);
    assert.equal(fs.readFileSync(path.join(h.documents.dir, 'vpn.md'), 'utf8'), '# VPN\n接続手順\n');
    const audited = await releases();
    assert.deepEqual(
      audited.map((r) => [r.actor, r.target, r.detail]),
      [
        [
          h.users.admin,
          'manual:vpn.md',
          {
            reason: '定義更新で誤検知と確認',
            sha256: manual.sha256,
            fileName: 'vpn.md',
            signature: 'Seed.Manual',
            quarantinedAt: '2026-04-01T01:00:00.000Z',
            signatureVersion: 'Fake 1.0',
          },
        ],
      ],
    );
    const listed = await page('admin', '?notice=manualReleased');
    assert.equal(/role="status">([^<]*)/.exec(listed.text)?.[1], QUARANTINE_LIST_TEXT.manualReleased);
    assert.deepEqual(rows(listed.text), [
      `${ROW} 保管中（解除済みのため削除しません） 解除済み（${h.users.admin}、2026/04/01 10:00、定義: Fake 1.0）`,
    ]);
    await waitFor(() => h.ingestRuns.length === 1);
    assert.deepEqual(h.ingestRuns, ['vpn.md']);
    const later = await release({ reason: '再度' });
    assert.deepEqual(
      [later.status, alertOf(later.text)],
      [409, 'このマニュアルは隔離されていません（解除済みか、隔離の記録がありません）。'],
    );
    assert.equal((await releases()).length, 1);
  });

  it('refuses, changing nothing: no reason, scanner down, still detected, a newer upload of the name, the copy removed', async () => {
    const cases: [string, () => Promise<void>, Record<string, string>, number, string][] = [
      ['no reason', async () => {}, { reason: '  ' }, 400, '隔離を解除する理由を入力してください。'],
      [
        'scanner down',
        async () => void (h.scanner.down = true),
        { reason: '誤検知' },
        503,
        'ウイルス検査サーバー（clamd）に接続できないため、隔離を解除できませんでした。何も変更していません。しばらくしてからもう一度お試しください。',
      ],
    ];
    for (const [what, prepare, form, status, message] of cases) {
      await prepare();
      const res = await release(form);
      assert.deepEqual([res.status, alertOf(res.text)], [status, message], what);
      h.scanner.down = false;
    }
    await unchanged();
    const evil = await h.quarantinedManual('evil.md', 'EVIL-MARKER\n');
    const detected = await release({ reason: '誤検知' }, evil.sha256);
    assert.deepEqual(
      [detected.status, alertOf(detected.text)],
      [409, '最新の検査でもウイルスが検出されたため、隔離を解除できません。'],
    );
    assert.equal(fs.existsSync(evil.copy), true);
    await unchanged();

    fs.mkdirSync(h.documents.dir, { recursive: true });
    fs.writeFileSync(path.join(h.documents.dir, 'vpn.md'), '# VPN（新版）\n');
    const taken = await release({ reason: '誤検知' });
    assert.deepEqual(
      [taken.status, alertOf(taken.text)],
      [
        409,
        'ナレッジの管理に同じ名前のファイル「vpn.md」があるため、隔離を解除できません。新しいファイルを上書きしないよう、何も変更していません。隔離したマニュアルを戻す場合は、ナレッジの管理で「vpn.md」を削除してから、もう一度お試しください。',
      ],
    );
    assert.equal(fs.readFileSync(path.join(h.documents.dir, 'vpn.md'), 'utf8'), '# VPN（新版）\n', 'not replaced');
    fs.rmSync(path.join(h.documents.dir, 'vpn.md'));
    await unchanged();

    fs.rmSync(manual.copy);
    const gone = await release({ reason: '誤検知' });
    assert.deepEqual(
      [gone.status, alertOf(gone.text)],
      [
        410,
        '「vpn.md」は隔離の保管期間（KOTAE_QUARANTINE_KEEP_DAYS）を過ぎてファイルを削除したため、隔離を解除できません。',
      ],
    );
    assert.equal((await releases()).length, 0);
    assert.deepEqual(h.ingestRuns, []);
  });

  it('refuses an operator (403, audited), a POST without the CSRF token and an unknown hash', async () => {
    const operator = await release({ reason: '誤検知' }, manual.sha256, 'operator');
    assert.deepEqual([operator.status, alertOf(operator.text)], [403, 'この操作を行う権限がありません。']);
    const noCsrf = await h.request('POST', `/console/quarantine/manuals/${manual.sha256}/release`, {
      session: await h.sessionFor('admin'),
      form: { reason: '誤検知' },
      csrf: null,
    });
    assert.equal(noCsrf.status, 403);
    assert.equal((await release({ reason: '誤検知' }, 'not-a-hash')).status, 404);
    const unknown = await release({ reason: '誤検知' }, 'f'.repeat(64));
    assert.equal(unknown.status, 409);
    await unchanged();
  });
});
