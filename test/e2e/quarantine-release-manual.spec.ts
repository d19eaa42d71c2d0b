/**
 * An administrator releases a quarantined manual on 隔離ファイル (real app over HTTP, real clamd, SQLite and
 * PostgreSQL). A manual uploaded on ナレッジの管理 is scanned clean; a signature the test then adds to clamd's
 * database wrongly detects it, and `kotae scan-attachments --all` quarantines it into quarantine/manuals. While clamd
 * still detects it the release is refused (409) and nothing moves; once the signature is removed again (a false
 * positive), the console form (CSRF token, one-time `_key`) releases it: 303 with the notice, the manual back in
 * knowledge/uploads with its content and served on /kb, one `manual.quarantine_released` audit row, the row listed
 * released, and the background ingest run for it. Across two instances: quarantine-release-manual-instances.spec.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ClamdScanner } from '../../adapters/clamav';
import { startClamd, type ClamdServer } from '../helpers/clamd';
import { addSignature, removeSignature, unofficial } from '../helpers/clamd-signatures';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import {
  auditRows,
  onlyRelease,
  ingestFinished,
  LISTED_TIME,
  literal,
  RELEASE_FORM,
  ingestRuns,
  manualFolders,
  manualScanRow,
  postManualRelease,
  QUARANTINE_PAGE,
  releaseFormKey,
  uploadManual,
} from '../helpers/manual-release';
import { rescanDesk } from '../helpers/rescan-desk';
import { alertOf, rows } from '../unit/adapters/web/console/quarantine-page-text';

const PHRASE = 'VPN-CLIENT-RESET-PROCEDURE';
const TEXT = `# VPN接続の再設定\n${PHRASE}: 端末を再起動してから、VPNクライアントで接続し直します。\n`;
const SHA = createHash('sha256').update(TEXT).digest('hex');
const RULE = 'Kotae.Test.FalsePositive-2';
const WRONG = unofficial(RULE);
const REASON = '誤検知と判断しました（定義の更新後の再検査で検出されないことを確認）。';
const RELEASED = '隔離を解除したマニュアル（vpn.md）';
const PRINTER = '# プリンターの登録\nコントロールパネルからプリンターを追加します。\n';

/** What an ingest run's stored summary says about the files it indexed and removed. */
function summary(run: { detail: Record<string, unknown> }) {
  const s = run.detail.summary as { indexed: number; removed: number; skippedTotal: number };
  return { indexed: s.indexed, removed: s.removed, skippedTotal: s.skippedTotal };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`console 隔離ファイル: an administrator releases a quarantined manual (${kind}, real app, real clamd)`, function () {
    this.timeout(180_000);
    let clamd: ClamdServer;
    let d: Awaited<ReturnType<typeof rescanDesk>>;
    let admin: ConsoleSession;
    let version: string;
    let copy: string;
    const ds = () => d.kotae.app.dataSource;
    const release = (form: { reason: string; key?: string }) => postManualRelease(d.kotae.url, admin, SHA, form);
    const listed = async (query = '') => rows((await admin.get(`${QUARANTINE_PAGE}${query}`)).text);
    const row = (state: string) =>
      new RegExp(
        `^vpn\\.md ${literal(WRONG)} ${LISTED_TIME} ・ 再検査（定義: ${version}） マニュアル（knowledge/uploads/vpn\\.md） ${state}$`,
      );

    before(async () => {
      clamd = await startClamd();
      version = (await new ClamdScanner({ address: { host: clamd.host, port: clamd.port }, timeoutMs: 5000 }).status())
        .version!;
      d = await rescanDesk(kind, clamd, { scanUploads: true });
      admin = await signInConsole(d.kotae.url, 'admin', 'e2e-admin-password');
      const uploaded = await uploadManual(d.kotae.url, admin, 'vpn.md', TEXT);
      assert.equal(uploaded.status, 303, uploaded.text.slice(0, 2000));
      await ingestFinished(ds(), 'アップロード（vpn.md）');
      // A signature update that wrongly detects the manual; clamd's VERSION does not change, hence --all.
      await addSignature(clamd, RULE, PHRASE);
      const run = await d.run(['--all']);
      assert.equal(run.code, 0, run.out.join('\n'));
      assert.deepEqual(run.out.slice(0, 7), [
        `ウイルスの再検査が終わりました（定義: ${version}、対象: すべてのファイル）。`,
        '  検査したファイル: 1 件（添付ファイル 0 件、マニュアル 1 件）',
        '  問題なし: 0 件',
        '  ウイルス検出（隔離）: 1 件',
        '  検査できず: 0 件',
        '  検査を省略: 0 件（この定義で検査済み 0 件、隔離済み 0 件、他の実行が検査中 0 件）',
        `  隔離: 「vpn.md」検出名 ${WRONG}（アップロードしたマニュアル）`,
      ]);
      // Another upload's ingest takes the quarantined manual out of the answer index.
      assert.equal((await uploadManual(d.kotae.url, admin, 'printer.md', PRINTER)).status, 303);
      const [taken] = await ingestFinished(ds(), 'アップロード（printer.md）');
      assert.deepEqual(summary(taken!), { indexed: 1, removed: 1, skippedTotal: 0 });
      const folders = manualFolders(d.kotae.dataDir);
      assert.deepEqual(folders.uploads, ['printer.md']);
      assert.equal(folders.quarantine.length, 1);
      assert.match(folders.quarantine[0]!, /^\d{8}T\d{6}Z-vpn\.md$/);
      copy = folders.quarantine[0]!;
    });
    after(async () => {
      await d?.stop();
      await clamd?.stop();
    });

    /** Nothing moved or recorded: the copy in quarantine with its content, nothing released, audited or re-indexed. */
    async function unchanged() {
      assert.deepEqual(manualFolders(d.kotae.dataDir), { uploads: ['printer.md'], quarantine: [copy] });
      const kept = fs.readFileSync(path.join(d.kotae.dataDir, 'quarantine', 'manuals', copy), 'utf8');
      assert.equal(kept, TEXT);
      assert.deepEqual(await auditRows(ds(), 'manual.quarantine_released'), []);
      assert.deepEqual(await manualScanRow(ds(), SHA), {
        verdict: 'infected',
        signature: WRONG,
        signatureVersion: version,
      });
      assert.deepEqual(await ingestRuns(ds(), RELEASED), []);
      const [only, ...others] = await listed();
      assert.deepEqual(others, []);
      assert.match(only!, row(`保管中（${LISTED_TIME} に削除予定） 隔離中 ${RELEASE_FORM}`));
    }

    it('refuses the release with 409 while clamd still detects the manual, and moves nothing', async () => {
      await unchanged();
      const key = await releaseFormKey(admin, SHA);
      assert.ok(key, 'the form carries a one-time key');
      const refused = await release({ reason: REASON, key });
      assert.deepEqual(
        [refused.status, alertOf(refused.text)],
        [409, '最新の検査でもウイルスが検出されたため、隔離を解除できません。'],
      );
      await unchanged();
      assert.equal((await fetch(`${d.kotae.url}/kb/@uploads/vpn.md`)).status, 404);
    });

    it('releases it once clamd finds it clean: 303 and notice, back in the uploads, audited once, re-indexed', async () => {
      await removeSignature(clamd, RULE);
      const key = await releaseFormKey(admin, SHA);
      assert.ok(key, 'the form carries a one-time key');
      const released = await release({ reason: `  ${REASON}  `, key });
      assert.deepEqual([released.status, released.location], [303, '/console/quarantine?notice=manualReleased']);
      // The same form sent again (a double click, a proxy's retry): the first answer, released and audited once.
      const repeated = await release({ reason: `  ${REASON}  `, key });
      assert.deepEqual([repeated.status, repeated.location], [303, released.location]);

      assert.deepEqual(manualFolders(d.kotae.dataDir), { uploads: ['printer.md', 'vpn.md'], quarantine: [] });
      assert.equal(fs.readFileSync(path.join(d.kotae.dataDir, 'knowledge', 'uploads', 'vpn.md'), 'utf8'), TEXT);
      assert.deepEqual(await onlyRelease(ds(), 'manual.quarantine_released'), {
        actor: 'admin',
        target: 'manual:vpn.md',
        detail: { reason: REASON, sha256: SHA, fileName: 'vpn.md', signature: WRONG, signatureVersion: version },
      });
      assert.deepEqual(await manualScanRow(ds(), SHA), {
        verdict: 'released',
        signature: WRONG,
        signatureVersion: version,
      });

      const page = await admin.get(released.location);
      assert.equal(
        /role="status">([^<]*)/.exec(page.text)?.[1],
        'マニュアルの隔離を解除しました。ナレッジの管理（knowledge/uploads）に戻し、回答の索引への取り込みを始めました。',
      );
      const [only, ...others] = rows(page.text);
      assert.deepEqual(others, []);
      assert.match(
        only!,
        row(`保管中（解除済みのため削除しません） 解除済み（admin、${LISTED_TIME}、定義: ${version}）`),
      );
      assert.equal(page.text.includes('<form class="quarantine-release"'), false);

      // The background ingest reads the manual again (it left the index with printer.md's ingest).
      const runs = await ingestFinished(ds(), RELEASED);
      assert.deepEqual(
        runs.map((r) => [r.status, summary(r)]),
        [['succeeded', { indexed: 1, removed: 0, skippedTotal: 0 }]],
      );
      const served = await fetch(`${d.kotae.url}/kb/@uploads/vpn.md`);
      assert.equal(served.status, 200);
      assert.equal(await served.text(), TEXT);

      const again = await release({ reason: REASON });
      assert.deepEqual(
        [again.status, alertOf(again.text)],
        [409, 'このマニュアルは隔離されていません（解除済みか、隔離の記録がありません）。'],
      );
      assert.equal((await auditRows(ds(), 'manual.quarantine_released')).length, 1);
    });

    it('is skipped by the next rescan with the same signature version', async () => {
      const run = await d.run([]);
      assert.equal(run.code, 0, run.out.join('\n'));
      assert.deepEqual(run.out.slice(1, 6), [
        '  検査したファイル: 0 件（添付ファイル 0 件、マニュアル 0 件）',
        '  問題なし: 0 件',
        '  ウイルス検出（隔離）: 0 件',
        '  検査できず: 0 件',
        // vpn.md released with this version, printer.md scanned clean at its upload.
        '  検査を省略: 2 件（この定義で検査済み 2 件、隔離済み 0 件、他の実行が検査中 0 件）',
      ]);
    });
  });
}
