/**
 * The release of a quarantined manual across two real instances on one PostgreSQL database with per-instance data
 * folders (KOTAE_ATTACHMENT_STORAGE=instance), with the real clamd: instance A (this process, this machine's host
 * name) holds the manual, which a signature the test adds makes `kotae scan-attachments --all` quarantine into A's
 * quarantine/manuals; instance B runs in a child process under the host name `kotae-b` (test/helpers/scan-instances.ts).
 * Once the signature is removed (a false positive), B lists the manual as kept on A's server without a form and
 * answers a release with the exact "別のサーバー" 404, moving nothing; A releases it (303), and B then lists it released.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unofficial } from '../helpers/clamd-signatures';
import type { ConsoleSession } from '../helpers/console-client';
import type { HostInstance } from '../helpers/host-instance';
import {
  auditRows,
  ingestFinished,
  LISTED_TIME,
  literal,
  RELEASE_FORM,
  manualFolders,
  manualScanRow,
  postManualRelease,
  QUARANTINE_PAGE,
  releaseFormKey,
  uploadManual,
} from '../helpers/manual-release';
import type { RescanDesk } from '../helpers/rescan-desk';
import { startScanInstances, type ScanInstances } from '../helpers/scan-instances';
import { alertOf, rows } from '../unit/adapters/web/console/quarantine-page-text';

const PHRASE = 'WIFI-PROFILE-REINSTALL-STEPS';
const TEXT = `# 無線LANのプロファイル\n${PHRASE}: プロファイルを削除してから入れ直します。\n`;
const SHA = createHash('sha256').update(TEXT).digest('hex');
const RULE = 'Kotae.Test.FalsePositive-3';
const WRONG = unofficial(RULE);
const REASON = '誤検知と判断しました（定義の更新で検出されなくなったことを確認）。';

describe('console 隔離ファイル: a quarantined manual on two real instances (postgres, per-instance folders, real clamd)', function () {
  this.timeout(180_000);
  let pair: ScanInstances;
  let here: string;
  let d: RescanDesk;
  let b: HostInstance;
  let adminA: ConsoleSession;
  let adminB: ConsoleSession;
  let version: string;
  let copy: string;
  const ds = () => d.kotae.app.dataSource;
  const row = (state: string) =>
    new RegExp(
      `^wifi\\.md ${literal(WRONG)} ${LISTED_TIME} ・ 再検査（定義: ${literal(version)}） マニュアル（knowledge/uploads/wifi\\.md） ${state}$`,
    );
  const onlyRow = async (session: ConsoleSession) => {
    const listed = rows((await session.get(QUARANTINE_PAGE)).text);
    assert.equal(listed.length, 1, listed.join('\n'));
    return listed[0]!;
  };

  before(async () => {
    pair = await startScanInstances();
    ({ here, a: d, b, adminA, adminB, version } = pair);
    assert.equal((await uploadManual(d.kotae.url, adminA, 'wifi.md', TEXT)).status, 303);
    await ingestFinished(ds(), 'アップロード（wifi.md）');
    // Quarantined by the rescan, then clean for clamd (the signature removed): only the place of its copy can refuse.
    const out = await pair.falsePositive(RULE, PHRASE);
    assert.equal(out[6], `  隔離: 「wifi.md」検出名 ${WRONG}（アップロードしたマニュアル）`, out.join('\n'));
    copy = manualFolders(d.kotae.dataDir).quarantine[0]!;
    assert.match(copy, /^\d{8}T\d{6}Z-wifi\.md$/);
  });
  after(() => pair?.stop());

  it('the instance without the copy lists it on the other server and answers 404 naming it, moving nothing', async () => {
    assert.match(
      await onlyRow(adminB),
      row(
        `このサーバーにはありません（サーバー「${literal(here)}」に保存。${LISTED_TIME} に削除予定。解除はそのサーバーで） 隔離中`,
      ),
    );
    assert.equal(await releaseFormKey(adminB, SHA), undefined, 'no form on the instance without the copy');
    // A form posted anyway (a tab opened before, a hand-made request): refused before anything is scanned or moved.
    const refused = await postManualRelease(b.url, adminB, SHA, { reason: REASON });
    assert.deepEqual(
      [refused.status, alertOf(refused.text)],
      [
        404,
        `「wifi.md」は別のサーバー（${here}）の隔離フォルダーに保管されているため、このサーバーでは隔離を解除できません。サーバー「${here}」の管理コンソールで解除してください（KOTAE_ATTACHMENT_STORAGE=instance では、隔離したマニュアルは再検査したサーバーにだけ保管されます）。`,
      ],
    );
    assert.deepEqual(manualFolders(d.kotae.dataDir), { uploads: [], quarantine: [copy] });
    assert.deepEqual(manualFolders(b.dataDir), { uploads: [], quarantine: [] });
    assert.deepEqual(await auditRows(ds(), 'manual.quarantine_released'), []);
    assert.deepEqual(await manualScanRow(ds(), SHA), {
      verdict: 'infected',
      signature: WRONG,
      signatureVersion: version,
    });
    assert.match(await onlyRow(adminA), row(`保管中（${LISTED_TIME} に削除予定） 隔離中 ${RELEASE_FORM}`));
  });

  it('the instance holding the copy releases it; the other one then lists it released', async () => {
    const key = await releaseFormKey(adminA, SHA);
    assert.ok(key, 'the form carries a one-time key');
    const released = await postManualRelease(d.kotae.url, adminA, SHA, { reason: REASON, key });
    assert.deepEqual([released.status, released.location], [303, '/console/quarantine?notice=manualReleased']);
    assert.deepEqual(manualFolders(d.kotae.dataDir), { uploads: ['wifi.md'], quarantine: [] });
    assert.equal(fs.readFileSync(path.join(d.kotae.dataDir, 'knowledge', 'uploads', 'wifi.md'), 'utf8'), TEXT);
    assert.deepEqual(manualFolders(b.dataDir), { uploads: [], quarantine: [] });
    const audited = await auditRows(ds(), 'manual.quarantine_released');
    assert.deepEqual(
      audited.map((r) => [r.actor, r.target, r.detail.sha256, r.detail.signatureVersion]),
      [['admin', 'manual:wifi.md', SHA, version]],
    );
    assert.deepEqual(await manualScanRow(ds(), SHA), {
      verdict: 'released',
      signature: WRONG,
      signatureVersion: version,
    });
    const runs = await ingestFinished(ds(), '隔離を解除したマニュアル（wifi.md）');
    assert.deepEqual(
      runs.map((r) => r.status),
      ['succeeded'],
    );
    const releasedRow = row(
      `保管中（解除済みのため削除しません） 解除済み（admin、${LISTED_TIME}、定義: ${literal(version)}）`,
    );
    assert.match(await onlyRow(adminA), releasedRow);
    assert.match(await onlyRow(adminB), releasedRow);
    const again = await postManualRelease(b.url, adminB, SHA, { reason: REASON });
    assert.deepEqual(
      [again.status, alertOf(again.text)],
      [409, 'このマニュアルは隔離されていません（解除済みか、隔離の記録がありません）。'],
    );
    assert.equal((await auditRows(ds(), 'manual.quarantine_released')).length, 1);
  });
});
