/**
 * The certificate's residue (session 31): with backup generations and restore safety copies present,
 * a retention run deletes the copies older than the shortest retention, and its certificate lists the
 * erased tickets' numbers, the attachment folder as configured, every generation still holding the data
 * with the date the daily rotation removes it, and every safety copy with the date retention removes it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import type { TicketRow } from '../../../db';
import { SqlDeletionCertificates } from '../../../db/repositories/sql-deletion-certificates';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import { SqlRetentionStore } from '../../../db/repositories/sql-retention';
import { JobRunner, RetentionJob, dailySlots, retainedCopies } from '../../../jobs';
import { testAuditLog } from '../../helpers/audit';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';

// 2026-06-11 02:00:30 JST: right after that day's backup, as the daily scheduler runs retention.
const NOW = '2026-06-10T17:00:30Z';
const CLOSED = new Date('2026-04-01T00:00:00Z');

async function closedTicket(db: TempSqlite, id: string, number: string): Promise<void> {
  await db.ds.getRepository<TicketRow>('ticket').insert({
    id,
    number,
    year: 2026,
    seq: Number(number.slice(-6)),
    conversationId: null,
    status: 'closed',
    type: 'inquiry',
    priority: 'normal',
    category: 'その他',
    title: 'プリンタで印刷できない',
    details: '3階のプリンタ',
    requesterId: 'u1',
    requesterName: '山田 太郎',
    department: '総務課',
    channel: 'web',
    assignee: null,
    createdAt: CLOSED,
    updatedAt: CLOSED,
    firstResponseAt: null,
    resolvedAt: CLOSED,
    closedAt: CLOSED,
    incidentCause: null,
    incidentActions: null,
    incidentPrevention: null,
    holds: '[]',
    version: 1,
    dedupeKey: `row:${id}`,
  });
}

describe('retention certificate residue (backups and restore copies present)', function () {
  this.timeout(60_000);
  let db: TempSqlite;
  beforeEach(async () => {
    db = await tempSqlite();
  });
  afterEach(() => db.close());

  it('deletes the copies past the shortest retention and certifies what remains where until when', async () => {
    const backupDir = path.join(db.dir, 'backups');
    fs.mkdirSync(backupDir);
    const touch = (file: string) => fs.writeFileSync(file, 'copy');
    for (const name of [
      'kotae-20260501-020000.sqlite',
      'kotae-20260501-020000.faq-managed.csv',
      'kotae-20260609-020000.sqlite',
      'kotae-20260610-020000.sqlite',
      'kotae-20260611-020000.sqlite.enc',
      'before-restore-20260501-100000.dump',
      'before-restore-20260605-093000.dump.enc',
    ])
      touch(path.join(backupDir, name));
    const databaseFile = path.join(db.dir, 'kotae.sqlite');
    touch(`${databaseFile}.before-restore-20260520-120000`);
    touch(`${databaseFile}.before-restore-20260520-120000-wal`);
    touch(`${databaseFile}.before-restore-20260415-120000`);
    await closedTicket(db, 't7', 'HD-2026-000007');
    await closedTicket(db, 't3', 'HD-2026-000003');

    const clock = new FakeClock(NOW);
    const store = new SqlRetentionStore(db.ds);
    const certificates = new SqlDeletionCertificates(db.ds);
    const job = new RetentionJob({
      store,
      runner: new JobRunner({ store: new SqlJobRunStore(db.ds), clock, maxAttempts: 1 }),
      clock,
      retentionDays: 30,
      trust: {
        classes: { conversationDays: 30, ticketDays: 30, attachmentDays: 30, auditDays: 60 },
        attachmentRows: store,
        eraser: store,
        audit: testAuditLog(db.ds, () => clock.now()),
        certificates,
        residue: {
          copies: retainedCopies({ backupDir, databaseFile }),
          backupDir,
          rotation: { generations: 3, time: '02:00' },
          external: false,
          attachmentStorage: { dir: '/srv/kotae/attachments', shared: false, instance: 'kotae-a-1' },
        },
        medium: 'SQLiteデータベース（テスト）',
        performedBy: 'Kotae（保存期間経過データの自動削除）',
      },
    });
    const outcome = await job.run();

    assert.deepEqual(outcome.trust?.backups, [path.join(backupDir, 'kotae-20260501-020000.sqlite')]);
    assert.deepEqual(outcome.trust?.beforeRestore, [
      `${databaseFile}.before-restore-20260415-120000`,
      path.join(backupDir, 'before-restore-20260501-100000.dump'),
    ]);
    assert.deepEqual(fs.readdirSync(backupDir).sort(), [
      'before-restore-20260605-093000.dump.enc',
      'kotae-20260609-020000.sqlite',
      'kotae-20260610-020000.sqlite',
      'kotae-20260611-020000.sqlite.enc',
    ]);
    assert.deepEqual(
      fs
        .readdirSync(db.dir)
        .filter((n) => n.includes('before-restore'))
        .sort(),
      ['kotae.sqlite.before-restore-20260520-120000', 'kotae.sqlite.before-restore-20260520-120000-wal'],
    );

    const [certificate] = await certificates.list(1);
    assert.deepEqual(
      certificate.items.map((i) => [i.table, i.count]),
      [
        ['conversation', 0],
        ['transcript_entry', 0],
        ['question', 0],
        ['feedback', 0],
        ['ticket', 2],
        ['ticket_comment', 0],
        ['ticket_event', 0],
        ['attachment', 0],
        ['attachments/（ファイル）', 0],
        ['audit_log', 0],
        ['processed_activity', 0],
        ['backups/（世代）', 1],
        ['before-restore-*（ファイル）', 2],
      ],
    );
    assert.equal(certificate.total, 5);
    assert.deepEqual(certificate.residue, {
      ticketNumbers: ['HD-2026-000003', 'HD-2026-000007'],
      attachmentStorage: { dir: '/srv/kotae/attachments', shared: false, instance: 'kotae-a-1' },
      backups: {
        dir: backupDir,
        generations: [
          // Newest first; the 3 daily backups of 06-12, 06-13 and 06-14 (02:00 JST) push them out one by one.
          {
            name: 'kotae-20260611-020000.sqlite.enc',
            takenAt: '2026-06-10T17:00:00.000Z',
            goneBy: '2026-06-13T17:00:00.000Z',
          },
          {
            name: 'kotae-20260610-020000.sqlite',
            takenAt: '2026-06-09T17:00:00.000Z',
            goneBy: '2026-06-12T17:00:00.000Z',
          },
          {
            name: 'kotae-20260609-020000.sqlite',
            takenAt: '2026-06-08T17:00:00.000Z',
            goneBy: '2026-06-11T17:00:00.000Z',
          },
        ],
        rotation: { generations: 3, time: '02:00' },
        goneBy: '2026-06-13T17:00:00.000Z',
        external: false,
      },
      beforeRestore: [
        // 30 days after each was taken, at the next daily run.
        {
          name: `${databaseFile}.before-restore-20260520-120000`,
          takenAt: '2026-05-20T03:00:00.000Z',
          goneBy: '2026-06-19T17:00:00.000Z',
        },
        {
          name: path.join(backupDir, 'before-restore-20260605-093000.dump.enc'),
          takenAt: '2026-06-05T00:30:00.000Z',
          goneBy: '2026-07-05T17:00:00.000Z',
        },
      ],
    });
  });

  it('counts the daily slots from the next day when the newest generation is from today', () => {
    const at = new Date('2026-06-10T15:30:00Z'); // 2026-06-11 00:30 JST, before that day's 02:00
    assert.deepEqual(
      dailySlots(at, '02:00', 2).map((d) => d.toISOString()),
      ['2026-06-10T17:00:00.000Z', '2026-06-11T17:00:00.000Z'],
    );
    assert.deepEqual(
      dailySlots(at, '02:00', 2, '2026-06-11').map((d) => d.toISOString()),
      ['2026-06-11T17:00:00.000Z', '2026-06-12T17:00:00.000Z'],
    );
  });
});
