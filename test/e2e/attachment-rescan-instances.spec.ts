/**
 * `kotae scan-attachments` run on two instances at once (two runs on one database and one attachment folder, real
 * clamd, SQLite and PostgreSQL): each file is scanned by one of them, each infection audited once, and one alert is
 * sent (the second run's within KOTAE_ALERT_REPEAT_MINUTES is held back); a later run finds everything current.
 */
import assert from 'node:assert/strict';
import { EICAR, MARKER, startClamd, type ClamdServer } from '../helpers/clamd';
import { rescanDesk } from '../helpers/rescan-desk';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`kotae scan-attachments on two instances at once (${kind}, real app, real clamd)`, function () {
    this.timeout(180_000);
    let clamd: ClamdServer;
    before(async () => {
      clamd = await startClamd();
    });
    after(() => clamd?.stop());

    describe('two runs at once (two instances)', () => {
      let d: Awaited<ReturnType<typeof rescanDesk>>;
      before(async () => {
        d = await rescanDesk(kind, clamd);
        const conv = await d.conversation();
        for (const n of [1, 2, 3]) await d.upload(conv, `log-${n}.log`, Buffer.from(`ログ ${n}\n`));
        await d.upload(conv, 'eicar.txt', Buffer.from(EICAR));
        d.manual('手順書.md', '# 手順\n再起動します。\n');
        d.manual('marker.md', `# 手順\n${MARKER}\n`);
      });
      after(() => d?.stop());

      it('scans each file once between them, audits each infection once and alerts once', async () => {
        const [a, b] = await Promise.all([d.run([], { holder: 'cli@a' }), d.run([], { holder: 'cli@b' })]);
        assert.deepEqual([a.code, b.code], [0, 0]);
        const count = (out: string[], label: string) =>
          Number(new RegExp(`^  ${label}: (\\d+) 件`).exec(out.find((l) => l.startsWith(`  ${label}:`))!)![1]);
        const total = (label: string) => count(a.out, label) + count(b.out, label);
        assert.deepEqual(
          ['検査したファイル', '問題なし', 'ウイルス検出（隔離）', '検査できず'].map(total),
          [6, 4, 2, 0],
        );
        assert.deepEqual((await d.infectedRows()).map((r) => `${r.detail.fileName} ${r.detail.foundBy}`).sort(), [
          'eicar.txt rescan',
          'marker.md rescan',
        ]);
        assert.equal((await d.alerts()).length, 1, 'one alert: a second run within the window is held back');
        const again = await d.run([]);
        assert.equal(again.code, 0);
        assert.deepEqual(again.out.slice(1, 6), [
          '  検査したファイル: 0 件（添付ファイル 0 件、マニュアル 0 件）',
          '  問題なし: 0 件',
          '  ウイルス検出（隔離）: 0 件',
          '  検査できず: 0 件',
          '  検査を省略: 5 件（この定義で検査済み 4 件、隔離済み 1 件、他の実行が検査中 0 件）',
        ]);
      });
    });
  });
}
