/**
 * The deletion certificate's residue on the console page and in the PDF (session 31): the erased
 * tickets, the attachment folder as configured, and each copy still holding the data with its dates.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { residueSections } from '../../../../../adapters/web/console/certificate-residue';
import { SqlDeletionCertificates } from '../../../../../db/repositories/sql-deletion-certificates';
import type { DeletionResidue } from '../../../../../jobs';
import { tempDir } from '../../../../helpers/temp-dir';
import { ensureTools, pdfText } from '../../../reports/external-tools';
import { startConsole, type ConsoleHarness } from './console-harness';

const RESIDUE: DeletionResidue = {
  ticketNumbers: ['HD-2026-000003', 'HD-2026-000007'],
  attachmentStorage: { dir: '/srv/kotae/attachments', shared: false, instance: 'kotae-a-1' },
  backups: {
    dir: '/var/backups/kotae',
    generations: [
      {
        name: 'kotae-20260611-020000.dump.enc',
        takenAt: '2026-06-10T17:00:00.000Z',
        goneBy: '2026-06-13T17:00:00.000Z',
      },
      {
        name: 'kotae-20260610-020000.dump.enc',
        takenAt: '2026-06-09T17:00:00.000Z',
        goneBy: '2026-06-12T17:00:00.000Z',
      },
      {
        name: 'kotae-20260609-020000.dump.enc',
        takenAt: '2026-06-08T17:00:00.000Z',
        goneBy: '2026-06-11T17:00:00.000Z',
      },
    ],
    rotation: { generations: 3, time: '02:00' },
    goneBy: '2026-06-13T17:00:00.000Z',
    external: false,
  },
  beforeRestore: [
    {
      name: '/var/backups/kotae/before-restore-20260605-093000.dump.enc',
      takenAt: '2026-06-05T00:30:00.000Z',
      goneBy: '2026-07-05T17:00:00.000Z',
    },
  ],
};

const EXPECTED = [
  {
    heading: '消去したチケット（チケット番号）',
    lines: ['2件: HD-2026-000003、HD-2026-000007'],
  },
  {
    heading: '添付ファイルの保存先',
    lines: [
      '/srv/kotae/attachments（インスタンスごとの保存先。実施したインスタンス: kotae-a-1）: このインスタンスのフォルダからのみ消去しました。' +
        '他のインスタンスの保存フォルダにある同じファイルはこの処理では消去されず、各インスタンスが1日1回行う添付ファイルの点検（ジョブ attachment-sweep、毎日の処理時刻以降）で消去されます。停止中のインスタンスでは、起動後の点検で消去されます。',
    ],
  },
  {
    heading: '消去後もデータが残っている複製',
    lines: [
      '消去前に取得した次のバックアップ 3 世代（/var/backups/kotae）には、消去したデータが取得時点の内容のまま残っています。' +
        '世代の入れ替えで削除されるまで保管されます。',
      '・kotae-20260611-020000.dump.enc（2026/06/11 02:00 取得、2026/06/14 02:00 までに削除）',
      '・kotae-20260610-020000.dump.enc（2026/06/10 02:00 取得、2026/06/13 02:00 までに削除）',
      '・kotae-20260609-020000.dump.enc（2026/06/09 02:00 取得、2026/06/12 02:00 までに削除）',
      '最後の世代は 2026/06/14 02:00 までに削除されます（保持世代数 3、毎日 02:00 のバックアップが予定どおり実行された場合）。' +
        'バックアップフォルダの添付ファイルの控え（attachments/）も同じ日までに削除されます。',
      '復元時の退避コピー（before-restore-*）1 件にも、消去したデータが残っている場合があります。' +
        '最短の保存期間を過ぎると、保存期間経過データの自動削除で削除されます。',
      '・/var/backups/kotae/before-restore-20260605-093000.dump.enc（2026/06/05 09:30 作成、2026/07/06 02:00 までに削除）',
    ],
  },
];

describe('deletion certificate residue', () => {
  it('states each copy with its dates, in order', () => {
    assert.deepEqual(residueSections(RESIDUE), EXPECTED);
  });

  it('says so when storage is shared, the database is backed up elsewhere and nothing is scheduled', () => {
    const sections = residueSections({
      ticketNumbers: [],
      attachmentStorage: { dir: '/mnt/share/attachments', shared: true, instance: 'kotae-b-2' },
      backups: { dir: '/var/backups/kotae', generations: [], external: true },
      beforeRestore: [],
    });
    assert.deepEqual(sections, [
      { heading: '消去したチケット（チケット番号）', lines: ['なし'] },
      {
        heading: '添付ファイルの保存先',
        lines: [
          '/mnt/share/attachments（全インスタンスで共有する保存先）: 参照されなくなった添付ファイルをこのフォルダから消去しました。',
        ],
      },
      {
        heading: '消去後もデータが残っている複製',
        lines: [
          'データベースのバックアップはKotaeの外（データベース管理者のバックアップ）で取得されています。' +
            '消去したデータは、その保管期間が終わるまでそれらのバックアップに残ります。',
          '復元時の退避コピー（before-restore-*）: なし',
        ],
      },
    ]);
    assert.deepEqual(
      residueSections({
        ...RESIDUE,
        backups: { ...RESIDUE.backups, rotation: undefined, goneBy: undefined },
        beforeRestore: [],
      })[2].lines.slice(-3),
      [
        '・kotae-20260609-020000.dump.enc（2026/06/09 02:00 取得、2026/06/12 02:00 までに削除）',
        '自動実行（KOTAE_SCHEDULER）が無効のため、これらの世代は手動で削除するまで残ります。',
        '復元時の退避コピー（before-restore-*）: なし',
      ],
    );
    assert.deepEqual(residueSections(undefined), []);
  });

  describe('on the console', function () {
    this.timeout(60_000);
    let h: ConsoleHarness;
    beforeEach(async () => {
      h = await startConsole();
    });
    afterEach(() => h.close());

    it('shows the residue on the page and writes it into the PDF', async function () {
      const missing = ensureTools();
      if (missing) throw new Error(missing);
      const stored = await new SqlDeletionCertificates(h.db.ds).add({
        createdAt: new Date('2026-06-10T17:00:30Z'),
        performedBy: 'Kotae（保存期間経過データの自動削除）',
        medium:
          'PostgreSQLデータベース（127.0.0.1/kotae）、添付ファイル保存フォルダ（/srv/kotae/attachments、インスタンスごと）',
        method: 'PostgreSQL DELETE ＋ VACUUM FULL（ticket）',
        items: [{ item: 'チケット（問い合わせ）', table: 'ticket', count: 2 }],
        settings: {},
        total: 2,
        residue: RESIDUE,
      });
      const admin = await h.sessionFor('admin');
      const page = await h.request('GET', `/console/certificates/${stored.id}`, { session: admin });
      assert.equal(page.status, 200);
      const shown = [...page.text.matchAll(/<(h2|p)>([^<]*)<\/\1>/g)].map((m) => m[2]);
      const expectedText = EXPECTED.flatMap((s) => [s.heading, ...s.lines]);
      assert.deepEqual(
        shown.filter((t) => expectedText.includes(t)),
        expectedText,
      );

      const res = await fetch(`${h.origin}/console/certificates/${stored.id}/pdf`, {
        headers: { cookie: admin.cookie },
      });
      assert.equal(res.status, 200);
      const { dir, cleanup } = tempDir('kotae-cert-');
      try {
        const file = path.join(dir, 'certificate.pdf');
        fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
        const flat = pdfText(file).replace(/\s+/g, '');
        let from = 0;
        for (const text of expectedText) {
          const at = flat.indexOf(text.replace(/\s+/g, ''), from);
          assert.ok(at >= from, `in the PDF, in order: ${text}`);
          from = at;
        }
      } finally {
        cleanup();
      }
    });
  });
});
