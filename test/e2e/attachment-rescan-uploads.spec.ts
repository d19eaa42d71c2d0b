/**
 * Uploads scanned at upload are recorded in file_scan (real app, real clamd, SQLite and PostgreSQL): a clean web chat
 * file has its row with the signature version clamd reported, so `kotae scan-attachments` with the same version skips
 * it, and a run with a newer version scans it again.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ClamdScanner } from '../../adapters/clamav';
import type { FileScanner } from '../../tickets';
import { startClamd, type ClamdServer } from '../helpers/clamd';
import { rescanDesk } from '../helpers/rescan-desk';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PING = Buffer.from('ping 10.0.0.1: タイムアウト\n');

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`uploads scanned at upload and kotae scan-attachments (${kind}, real app, real clamd)`, function () {
    this.timeout(180_000);
    let clamd: ClamdServer;
    let d: Awaited<ReturnType<typeof rescanDesk>>;
    let real: ClamdScanner;
    let version: string;
    before(async () => {
      clamd = await startClamd();
      real = new ClamdScanner({ address: { host: clamd.host, port: clamd.port }, timeoutMs: 5000 });
      version = (await real.status()).version!;
      d = await rescanDesk(kind, clamd, { scanUploads: true });
      await d.upload(await d.conversation(), 'ping.log', PING);
    });
    after(async () => {
      await d?.stop();
      await clamd?.stop();
    });

    it('records the clean upload with the version clamd reported; the rescan with that version skips it', async () => {
      const rows = (await d.kotae.app.dataSource.query(
        `SELECT "id", "store", "verdict", "signatureVersion", "claimedBy" FROM "file_scan" ORDER BY "id"`,
      )) as Record<string, unknown>[];
      assert.deepEqual(rows, [
        {
          id: `attachment:${sha(PING)}`,
          store: 'attachment',
          verdict: 'clean',
          signatureVersion: version,
          claimedBy: null,
        },
      ]);
      const run = await d.run([]);
      assert.equal(run.code, 0);
      assert.deepEqual(run.out.slice(1, 6), [
        '  検査したファイル: 0 件（添付ファイル 0 件、マニュアル 0 件）',
        '  問題なし: 0 件',
        '  ウイルス検出（隔離）: 0 件',
        '  検査できず: 0 件',
        '  検査を省略: 1 件（この定義で検査済み 1 件、隔離済み 0 件、他の実行が検査中 0 件）',
      ]);
    });

    it('scans it again with a newer signature version', async () => {
      const newer: FileScanner = {
        scan: (content) => real.scan(content),
        status: async () => ({ reachable: true, version: `${version}-newer` }),
      };
      const run = await d.run([], { scanner: newer });
      assert.equal(run.code, 0);
      assert.deepEqual(run.out.slice(1, 6), [
        '  検査したファイル: 1 件（添付ファイル 1 件、マニュアル 0 件）',
        '  問題なし: 1 件',
        '  ウイルス検出（隔離）: 0 件',
        '  検査できず: 0 件',
        '  検査を省略: 0 件（この定義で検査済み 0 件、隔離済み 0 件、他の実行が検査中 0 件）',
      ]);
      const again = await d.run([], { scanner: newer });
      assert.equal(again.out[5], '  検査を省略: 1 件（この定義で検査済み 1 件、隔離済み 0 件、他の実行が検査中 0 件）');
    });
  });
}
