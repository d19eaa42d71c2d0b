/**
 * `kotae scan-attachments` on the real app with a real clamd (test/helpers/clamd.ts), on SQLite and PostgreSQL:
 * files stored while no scanner was configured are scanned once with the current signatures; the EICAR file
 * (on a ticket and again on a conversation) and a manual with the marker are quarantined, audited
 * (`attachment.infected`, foundBy rescan) and alerted once; a file over clamd's StreamMaxLength is counted as
 * failed and retried by the next run; the counts and lines are printed in Japanese; a quarantined download answers
 * 410 with a Japanese message (web chat and console) and the console shows 隔離済み instead of a link; `--all`
 * scans everything again and a stopped run is continued by the next one. Two runs at once:
 * attachment-rescan-instances.spec.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ClamdScanner } from '../../adapters/clamav';
import { main } from '../../adapters/cli/main';
import { runScanAttachmentsCommand } from '../../adapters/cli/scan-attachments-command';
import { loadConfig } from '../../app/config';
import { SystemClock } from '../../core/clock';
import { KotaeError } from '../../core/errors';
import { MemoryLogger } from '../../core/logger';
import type { FileScanner } from '../../tickets';
import { EICAR, EICAR_SIGNATURE, MARKER, MARKER_SIGNATURE, startClamd, type ClamdServer } from '../helpers/clamd';
import { signInConsole } from '../helpers/console-client';
import { cliIo, rescanDesk } from '../helpers/rescan-desk';
import { postJson } from '../helpers/start-app';

const ROOT = path.join(__dirname, '..', '..');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const PING = Buffer.from('ping 10.0.0.1: タイムアウト\n');
const BIG = Buffer.alloc(2 * 1024 * 1024, 'a');
const NOTHING_SKIPPED = '  検査を省略: 0 件（この定義で検査済み 0 件、隔離済み 0 件、他の実行が検査中 0 件）';
const BIG_FAILED =
  '  検査できず: 添付ファイル「big.log」大きすぎて検査できません（clamd の StreamMaxLength を超えています）';
const MANUALS_LINE =
  '隔離したマニュアルは、ナレッジの管理の一覧と /kb から外しました。回答の索引からは次の取り込み（kotae ingest またはナレッジの管理での取り込み）で外れます。';
const ALERTED = '運用担当者への通知（malware_detected）を登録しました。稼働中のKotaeが送信します。';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`kotae scan-attachments (${kind}, real app, real clamd)`, function () {
    this.timeout(180_000);
    let clamd: ClamdServer;
    let version: string;
    before(async () => {
      clamd = await startClamd({ streamMaxBytes: 1024 * 1024 });
      const status = await new ClamdScanner({
        address: { host: clamd.host, port: clamd.port },
        timeoutMs: 5000,
      }).status();
      version = status.version!;
      assert.match(version, /^ClamAV \d+\.\d+\.\d+/);
    });
    after(() => clamd?.stop());

    describe('runs one after another', () => {
      let d: Awaited<ReturnType<typeof rescanDesk>>;
      let convA: string;
      let convB: string;
      let ticketNumber: string;
      const ids: Record<string, string> = {};
      before(async () => {
        d = await rescanDesk(kind, clamd);
        convA = await d.conversation();
        ids.ping = await d.upload(convA, 'ping.log', PING);
        ids.eicar = await d.upload(convA, 'eicar.txt', Buffer.from(EICAR));
        const ticket = await postJson(
          `${d.kotae.url}/api/tickets`,
          {
            conversationId: convA,
            details: 'VPNの設定を教えてください',
            user: { name: '山田 花子', department: '総務課', phone: '内線1234' },
          },
          { 'x-kotae-conversation-token': d.tokens.get(convA)! },
        );
        assert.equal(ticket.status, 201);
        ticketNumber = ticket.body.number as string;
        convB = await d.conversation();
        ids.copy = await d.upload(convB, 'eicar-copy.txt', Buffer.from(EICAR));
        ids.big = await d.upload(convB, 'big.log', BIG);
        d.manual('手順書.md', '# VPNの手順\n再起動してから接続します。\n');
        d.manual('marker.md', `# 手順\n${MARKER}\n`);
      });
      after(() => d?.stop());

      const heading = (scope = 'この定義で未検査のファイル') =>
        `ウイルスの再検査が終わりました（定義: ${version}、対象: ${scope}）。`;

      it('scans every stored file once, quarantines, audits and alerts once, and prints the counts', async () => {
        const run = await d.run([]);
        assert.equal(run.code, 1, 'a file could not be scanned');
        assert.deepEqual(run.err, []);
        assert.deepEqual(run.out, [
          heading(),
          '  検査したファイル: 5 件（添付ファイル 3 件、マニュアル 2 件）',
          '  問題なし: 2 件',
          '  ウイルス検出（隔離）: 2 件',
          '  検査できず: 1 件',
          NOTHING_SKIPPED,
          `  隔離: 「eicar.txt」検出名 ${EICAR_SIGNATURE}（${ticketNumber}）`,
          `  隔離: 「eicar-copy.txt」検出名 ${EICAR_SIGNATURE}（チケット化前の会話 ${convB}）`,
          `  隔離: 「marker.md」検出名 ${MARKER_SIGNATURE}（アップロードしたマニュアル）`,
          BIG_FAILED,
          MANUALS_LINE,
          ALERTED,
        ]);
        const common = { signature: EICAR_SIGNATURE, foundBy: 'rescan', store: 'attachment', sizeBytes: 68 };
        assert.deepEqual(await d.infectedRows(), [
          {
            actor: 'cli',
            target: ticketNumber,
            detail: {
              ...common,
              fileName: 'eicar.txt',
              sha256: sha(EICAR),
              signatureVersion: version,
              attachmentId: ids.eicar,
              uploadedBy: '山田 花子',
            },
          },
          {
            actor: 'cli',
            target: `conversation:${convB}`,
            detail: {
              ...common,
              fileName: 'eicar-copy.txt',
              sha256: sha(EICAR),
              signatureVersion: version,
              attachmentId: ids.copy,
              uploadedBy: '山田 花子',
            },
          },
          {
            actor: 'cli',
            target: 'manual:marker.md',
            detail: {
              signature: MARKER_SIGNATURE,
              foundBy: 'rescan',
              store: 'manual',
              fileName: 'marker.md',
              sizeBytes: Buffer.byteLength(`# 手順\n${MARKER}\n`),
              sha256: sha(`# 手順\n${MARKER}\n`),
              signatureVersion: version,
            },
          },
        ]);
        const alerts = await d.alerts();
        assert.equal(alerts.length, 1);
        assert.equal(alerts[0]!.recipient, 'admin@example.lg.jp');
        assert.equal(alerts[0]!.subject, '【Kotae】保存済みファイルの再検査でウイルスを検出し、隔離しました（3 件）');
        const body = alerts[0]!.body.split('\n');
        assert.match(body[0]!, /^検査日時: \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
        assert.deepEqual(body.slice(1), [
          `定義のバージョン: ${version}`,
          '',
          `・eicar.txt（検出名: ${EICAR_SIGNATURE}）${ticketNumber} 送信者: 山田 花子`,
          `・eicar-copy.txt（検出名: ${EICAR_SIGNATURE}）conversation:${convB} 送信者: 山田 花子`,
          `・marker.md（検出名: ${MARKER_SIGNATURE}）manual:marker.md`,
          '',
          '隔離したファイルはダウンロードできなくなりました（添付ファイルは「隔離済み」と表示されます）。送信者の端末の確認をご検討ください。',
        ]);
        const uploads = path.join(d.kotae.dataDir, 'knowledge', 'uploads');
        assert.deepEqual(fs.readdirSync(uploads).sort(), ['手順書.md']);
        const quarantine = fs.readdirSync(path.join(d.kotae.dataDir, 'quarantine', 'manuals'));
        assert.equal(quarantine.length, 1);
        assert.match(quarantine[0]!, /^\d{8}T\d{6}Z-marker\.md$/);
      });

      it('answers a quarantined download with 410 and a Japanese message; the console shows 隔離済み', async () => {
        const message = `「eicar.txt」はウイルス（検出名: ${EICAR_SIGNATURE}）が検出されたため隔離しました。ダウンロードできません。必要な場合はヘルプデスクにお問い合わせください。`;
        const get = (id: string, conv = convA) =>
          fetch(`${d.kotae.url}/api/conversations/${conv}/attachments/${id}`, {
            headers: { 'x-kotae-conversation-token': d.tokens.get(conv)! },
          });
        const refused = await get(ids.eicar!);
        assert.equal(refused.status, 410);
        assert.deepEqual(await refused.json(), { error: { code: 'FILE_QUARANTINED', message } });
        const clean = await get(ids.ping!);
        assert.equal(clean.status, 200);
        assert.deepEqual(Buffer.from(await clean.arrayBuffer()), PING);
        // The chat's list marks the file, so the page shows it without a download button.
        const listed = await fetch(`${d.kotae.url}/api/conversations/${convA}/attachments`, {
          headers: { 'x-kotae-conversation-token': d.tokens.get(convA)! },
        });
        const items = ((await listed.json()) as { attachments: { id: string; quarantined?: boolean }[] }).attachments;
        assert.deepEqual(
          items.map((i) => [i.id, i.quarantined ?? false]).sort(),
          [
            [ids.eicar, true],
            [ids.ping, false],
          ].sort(),
        );
        const stranger = await fetch(`${d.kotae.url}/api/conversations/${convB}/attachments/${ids.eicar}`, {
          headers: { 'x-kotae-conversation-token': d.tokens.get(convB)! },
        });
        assert.equal(stranger.status, 404, 'another conversation still learns nothing');

        const operator = await signInConsole(d.kotae.url, 'admin', 'e2e-admin-password');
        const page = await operator.get(`/console/tickets/${ticketNumber}`);
        assert.equal(page.status, 200);
        assert.equal(page.text.includes(`eicar.txt（隔離済み・ウイルス検出: ${EICAR_SIGNATURE}）`), true);
        assert.equal(page.text.includes(`/console/attachments/${ids.eicar}`), false, 'no link, no thumbnail');
        assert.equal(page.text.includes(`/console/attachments/${ids.ping}?download=1`), true);
        const download = await operator.get(`/console/attachments/${ids.eicar}?download=1`);
        assert.equal(download.status, 410);
        assert.equal(download.text.includes(message), true);
        const kb = await fetch(`${d.kotae.url}/kb/@uploads/marker.md`);
        assert.equal(kb.status, 404);
        // 隔離ファイル looks the copy up by the name the rescan gave it (the quarantine's time, this host recorded).
        const manualState = async () => {
          const listed = await operator.get('/console/quarantine');
          return /マニュアル（knowledge\/uploads\/marker\.md）<\/td>\s*<td>([^<]*)<\/td>/.exec(listed.text)?.[1];
        };
        assert.match((await manualState()) ?? '', /^保管中（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} に削除予定）$/);
        const manuals = path.join(d.kotae.dataDir, 'quarantine', 'manuals');
        const copy = path.join(manuals, fs.readdirSync(manuals)[0]!);
        fs.renameSync(copy, `${copy}.away`);
        assert.equal(await manualState(), '削除済み（quarantine/manuals にありません）');
        fs.renameSync(`${copy}.away`, copy);
      });

      it('scans only what is due next time (the failed file again); --all scans everything again', async () => {
        const next = await d.run([]);
        assert.equal(next.code, 1);
        assert.deepEqual(next.out, [
          heading(),
          '  検査したファイル: 1 件（添付ファイル 1 件、マニュアル 0 件）',
          '  問題なし: 0 件',
          '  ウイルス検出（隔離）: 0 件',
          '  検査できず: 1 件',
          '  検査を省略: 3 件（この定義で検査済み 2 件、隔離済み 1 件、他の実行が検査中 0 件）',
          BIG_FAILED,
        ]);
        const all = await d.run(['--all']);
        assert.equal(all.code, 1);
        assert.deepEqual(all.out, [
          heading('すべてのファイル'),
          '  検査したファイル: 3 件（添付ファイル 2 件、マニュアル 1 件）',
          '  問題なし: 2 件',
          '  ウイルス検出（隔離）: 0 件',
          '  検査できず: 1 件',
          '  検査を省略: 1 件（この定義で検査済み 0 件、隔離済み 1 件、他の実行が検査中 0 件）',
          BIG_FAILED,
        ]);
        assert.equal((await d.infectedRows()).length, 3, 'nothing audited twice');
        assert.equal((await d.alerts()).length, 1, 'no alert without a new infection');
      });

      it('stops after the file being scanned and continues where it stopped', async () => {
        const stop = new AbortController();
        const real = new ClamdScanner({ address: { host: clamd.host, port: clamd.port }, timeoutMs: 5000 });
        const stopping: FileScanner = {
          status: () => real.status(),
          scan: (content) => real.scan(content).finally(() => stop.abort()),
        };
        // The attachments are visited in the order of their hashes; the first due one is scanned, then it stops.
        const [first] = [PING, BIG].sort((a, b) => (sha(a) < sha(b) ? -1 : 1));
        const eicarBefore = sha(EICAR) < sha(first!) ? 1 : 0;
        const bigFirst = first === BIG;
        const stopped = await d.run(['--all'], { scanner: stopping, signal: stop.signal });
        assert.equal(stopped.code, 130);
        assert.deepEqual(stopped.out, [
          `ウイルスの再検査を中断しました（定義: ${version}、対象: すべてのファイル）。もう一度実行すると、続きから検査します。`,
          '  検査したファイル: 1 件（添付ファイル 1 件、マニュアル 0 件）',
          `  問題なし: ${bigFirst ? 0 : 1} 件`,
          '  ウイルス検出（隔離）: 0 件',
          `  検査できず: ${bigFirst ? 1 : 0} 件`,
          `  検査を省略: ${eicarBefore} 件（この定義で検査済み 0 件、隔離済み ${eicarBefore} 件、他の実行が検査中 0 件）`,
          ...(bigFirst ? [BIG_FAILED] : []),
        ]);
        // The next run (without --all) continues the --all: what was scanned before it is still due, except
        // the file scanned since; a failed file has no verdict and is due again.
        const resumed = await d.run([]);
        assert.equal(resumed.code, 1);
        assert.deepEqual(
          resumed.out,
          bigFirst
            ? [
                heading(),
                '  検査したファイル: 3 件（添付ファイル 2 件、マニュアル 1 件）',
                '  問題なし: 2 件',
                '  ウイルス検出（隔離）: 0 件',
                '  検査できず: 1 件',
                '  検査を省略: 1 件（この定義で検査済み 0 件、隔離済み 1 件、他の実行が検査中 0 件）',
                BIG_FAILED,
              ]
            : [
                heading(),
                '  検査したファイル: 2 件（添付ファイル 1 件、マニュアル 1 件）',
                '  問題なし: 1 件',
                '  ウイルス検出（隔離）: 0 件',
                '  検査できず: 1 件',
                '  検査を省略: 2 件（この定義で検査済み 1 件、隔離済み 1 件、他の実行が検査中 0 件）',
                BIG_FAILED,
              ],
        );
      });

      it('is listed in kotae --help with its usage; refuses an unknown option; without a scanner says what to set', async () => {
        const help = cliIo();
        assert.equal(await main(['--help'], help.io), 0);
        assert.deepEqual(
          help.out.filter((l) => l.startsWith('  scan-attachments')),
          [
            '  scan-attachments 保存済みの添付ファイルとアップロードしたマニュアルをウイルス検査し直し、検出したものを隔離します: kotae scan-attachments [--all]（--all は検査済みも含めてすべて）',
          ],
        );
        const usage = await d.run(['--help']);
        assert.equal(usage.code, 0);
        assert.equal(usage.out[0], '使い方: kotae scan-attachments [--all]');
        const wrong = await d.run(['--everything']);
        assert.equal(wrong.code, 2);
        assert.equal(wrong.err[0], '不明なオプションです: --everything');
        const none = loadConfig(
          { KOTAE_DATA_DIR: d.kotae.dataDir, KOTAE_KB_DIR: path.join(ROOT, 'sample-kb'), ...d.env },
          ROOT,
        );
        await assert.rejects(
          runScanAttachmentsCommand([], cliIo().io, none, { clock: new SystemClock(), logger: new MemoryLogger() }),
          (e: unknown) =>
            e instanceof KotaeError &&
            e.code === 'CONFIG_INVALID' &&
            e.userMessage ===
              'ウイルス検査の接続先が設定されていません。KOTAE_CLAMD_HOST と KOTAE_CLAMD_PORT、または KOTAE_CLAMD_SOCKET を設定してください。',
        );
      });
    });
  });
}
