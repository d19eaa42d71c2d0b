/**
 * A requester's attachment across two real instances on one PostgreSQL database with per-instance data folders
 * (KOTAE_ATTACHMENT_STORAGE=instance), with the real clamd (test/helpers/scan-instances.ts): uploaded through the
 * web chat of instance A (this process, this machine's host name), it is stored in A's folder only; instance B
 * (a child process under the host name `kotae-b`) answers its download with the exact "別のサーバー" 404 on the web
 * chat and the console, A serves it. A signature the test adds makes `kotae scan-attachments --all` on A quarantine
 * it; once the signature is removed (a false positive), B offers no release form and answers a release with the
 * exact "別のサーバー" 404, changing and moving nothing; A releases it (303, one audit row), serves it again, and B
 * still answers its download with the "別のサーバー" 404.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { unofficial } from '../helpers/clamd-signatures';
import { formKey, type ConsoleSession } from '../helpers/console-client';
import { attachmentReleasePath, auditRows, onlyRelease, postRelease, scanRow } from '../helpers/manual-release';
import { startScanInstances, storedAttachments, type ScanInstances } from '../helpers/scan-instances';
import { alertOf } from '../unit/adapters/web/console/quarantine-page-text';

const PHRASE = 'VPN-CLIENT-TRACE-4471';
const LOG = Buffer.from(`${PHRASE} 10.0.0.1: 接続がタイムアウトしました\n`);
const SHA = createHash('sha256').update(LOG).digest('hex');
const RULE = 'Kotae.Test.FalsePositive-4';
const WRONG = unofficial(RULE);
const REASON = '誤検知と判断しました（定義の更新で検出されなくなったことを確認）。';
const ELSEWHERE =
  '「vpn.log」は別のサーバーに保存されているため、このサーバーからはダウンロードできません。ファイルを保存しているサーバーからダウンロードしてください（KOTAE_ATTACHMENT_STORAGE=instance では、ファイルは受け付けたサーバーにだけ保存されます）。';
const RELEASE_ELSEWHERE =
  '「vpn.log」は別のサーバーに保存されているため、このサーバーでは隔離を解除できません。ファイルを保存しているサーバーで解除してください（KOTAE_ATTACHMENT_STORAGE=instance では、ファイルは受け付けたサーバーにだけ保存されます）。';
const QUARANTINED = `「vpn.log」はウイルス（検出名: ${WRONG}）が検出されたため隔離しました。ダウンロードできません。必要な場合はヘルプデスクにお問い合わせください。`;
/** The web chat's refusals of the download, as chatDownload reads them. */
const CHAT_ELSEWHERE = { status: 404, body: { error: { code: 'NOT_FOUND', message: ELSEWHERE } } };
const CHAT_QUARANTINED = { status: 410, body: { error: { code: 'FILE_QUARANTINED', message: QUARANTINED } } };
const RELEASE_FORM = /<form class="quarantine-release" method="post" action="([^"]+)"/g;

describe('an attachment on two real instances (postgres, per-instance folders, real clamd)', function () {
  this.timeout(180_000);
  let s: ScanInstances;
  let conversationId: string;
  let id: string;
  let ticketNumber: string;
  const ds = () => s.a.kotae.app.dataSource;
  const ticketPage = () => `/console/tickets/${ticketNumber}`;
  const stored = () => [storedAttachments(s.a.kotae.dataDir), storedAttachments(s.b.dataDir)];
  const placedOnA = () => [[`${SHA.slice(0, 2)}/${SHA}`], []];
  /** The requester's web chat download on an instance: status and body (JSON for a refusal, else the bytes). */
  async function chatDownload(baseUrl: string) {
    const res = await fetch(`${baseUrl}/api/conversations/${conversationId}/attachments/${id}`, {
      headers: { 'x-kotae-conversation-token': s.a.tokens.get(conversationId)! },
    });
    return { status: res.status, body: res.ok ? Buffer.from(await res.arrayBuffer()) : await res.json() };
  }
  /** The console download as an administrator: status and the error page's message (undefined when served). */
  async function consoleDownload(session: ConsoleSession) {
    const page = await session.get(`/console/attachments/${id}?download=1`);
    return [page.status, alertOf(page.text)];
  }
  const releaseForms = async (session: ConsoleSession) =>
    [...(await session.get(ticketPage())).text.matchAll(RELEASE_FORM)].map((m) => m[1]);
  const auditCount = async () =>
    Number(((await ds().query(`SELECT COUNT(*) AS "n" FROM "audit_log"`)) as { n: number | string }[])[0]!.n);

  before(async () => {
    s = await startScanInstances();
    conversationId = await s.a.conversation();
    id = await s.a.upload(conversationId, 'vpn.log', LOG);
    ticketNumber = await s.a.ticket(conversationId, 'VPNのログを送ります');
  });
  after(() => s?.stop());

  it('is stored only in the folder of the instance that received it; the other one answers its download with 404', async () => {
    assert.deepEqual(stored(), placedOnA());
    assert.deepEqual(await chatDownload(s.b.url), CHAT_ELSEWHERE);
    assert.deepEqual(await consoleDownload(s.adminB), [404, ELSEWHERE]);
    assert.deepEqual(await chatDownload(s.a.kotae.url), { status: 200, body: LOG });
    assert.deepEqual(await consoleDownload(s.adminA), [200, undefined]);
    assert.deepEqual(stored(), placedOnA());
  });

  describe('quarantined by a rescan on A whose signature is then removed (a false positive)', () => {
    before(async () => {
      const out = await s.falsePositive(RULE, PHRASE);
      assert.deepEqual(
        out.slice(1, 7),
        [
          '  検査したファイル: 1 件（添付ファイル 1 件、マニュアル 0 件）',
          '  問題なし: 0 件',
          '  ウイルス検出（隔離）: 1 件',
          '  検査できず: 0 件',
          '  検査を省略: 0 件（この定義で検査済み 0 件、隔離済み 0 件、他の実行が検査中 0 件）',
          `  隔離: 「vpn.log」検出名 ${WRONG}（${ticketNumber}）`,
        ],
        out.join('\n'),
      );
    });

    it('the instance without the file offers no release and refuses one with 404, changing and moving nothing', async () => {
      assert.deepEqual(await chatDownload(s.b.url), CHAT_QUARANTINED);
      assert.deepEqual(await releaseForms(s.adminB), [], 'no form on the instance without the file');
      assert.deepEqual(await releaseForms(s.adminA), [attachmentReleasePath(id)]);
      const before = await auditCount();
      // A form posted anyway (a tab opened before, a hand-made request): refused before anything is scanned.
      const at = { action: attachmentReleasePath(id), page: ticketPage() };
      const refused = await postRelease(s.b.url, s.adminB, at, { reason: REASON });
      assert.deepEqual([refused.status, alertOf(refused.text)], [404, RELEASE_ELSEWHERE]);
      assert.equal(await auditCount(), before, 'no audit row of any kind');
      assert.deepEqual(await scanRow(ds(), 'attachment', SHA), {
        verdict: 'infected',
        signature: WRONG,
        signatureVersion: s.version,
      });
      assert.deepEqual(stored(), placedOnA());
      assert.deepEqual(await chatDownload(s.a.kotae.url), CHAT_QUARANTINED);
    });

    it('the instance holding the file releases it once; it serves it again and the other one still answers 404', async () => {
      const at = { action: attachmentReleasePath(id), page: ticketPage() };
      const key = formKey((await s.adminA.get(ticketPage())).text, at.action);
      assert.ok(key, 'the form carries a one-time key');
      const released = await postRelease(s.a.kotae.url, s.adminA, at, { reason: REASON, key });
      assert.deepEqual(
        [released.status, released.location],
        [303, `/console/tickets/${ticketNumber}?notice=quarantineReleased`],
      );
      assert.deepEqual(await onlyRelease(ds(), 'attachment.quarantine_released'), {
        actor: 'admin',
        target: ticketNumber,
        detail: {
          reason: REASON,
          sha256: SHA,
          attachmentId: id,
          fileName: 'vpn.log',
          signature: WRONG,
          signatureVersion: s.version,
        },
      });
      assert.deepEqual(await scanRow(ds(), 'attachment', SHA), {
        verdict: 'released',
        signature: WRONG,
        signatureVersion: s.version,
      });
      assert.deepEqual(stored(), placedOnA());
      assert.deepEqual(await chatDownload(s.a.kotae.url), { status: 200, body: LOG });
      assert.deepEqual(await consoleDownload(s.adminA), [200, undefined]);
      assert.deepEqual(await chatDownload(s.b.url), CHAT_ELSEWHERE);
      assert.deepEqual(await consoleDownload(s.adminB), [404, ELSEWHERE]);
      // Released already: B now answers as A would (not quarantined), and nothing is audited twice.
      const again = await postRelease(s.b.url, s.adminB, at, { reason: REASON });
      assert.deepEqual([again.status, alertOf(again.text)], [409, '「vpn.log」は隔離されていません。']);
      assert.equal((await auditRows(ds(), 'attachment.quarantine_released')).length, 1);
    });
  });
});
