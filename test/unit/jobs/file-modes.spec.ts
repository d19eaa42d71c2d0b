/**
 * File modes of what Kotae writes into the data and backup folders (session 31): report files 0600 in
 * 0700 folders, attachment folders 0700, and a backup folder found at 0755 narrowed to 0700 (logged) —
 * whatever the process umask (the test runs under 022, the usual default outside the systemd unit).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { SqlDatabaseBackup } from '../../../db/backup';
import { FsAttachmentFileStore } from '../../../db';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import { BackupJob, JobRunner } from '../../../jobs';
import { writeReportFiles } from '../../../reports';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';

const modeOf = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);

describe('file modes under umask 022', function () {
  this.timeout(60_000);
  let db: TempSqlite;
  let umask: number;
  beforeEach(async () => {
    db = await tempSqlite();
    umask = process.umask(0o022);
  });
  afterEach(async () => {
    process.umask(umask);
    await db.close();
  });

  it('writes report files 0600 in 0700 folders', async () => {
    const dir = path.join(db.dir, 'reports', 'monthly', '2026-05');
    const written = await writeReportFiles(dir, [
      { name: '月次報告書-2026-05.csv', content: Buffer.from('id\r\n') },
      { name: '月次報告書-2026-05.json', content: Buffer.from('{}\n') },
    ]);
    assert.deepEqual(written.map(modeOf), ['600', '600']);
    assert.deepEqual([path.join(db.dir, 'reports'), path.join(db.dir, 'reports', 'monthly'), dir].map(modeOf), [
      '700',
      '700',
      '700',
    ]);
  });

  it('stores attachments in 0700 folders', async () => {
    const store = new FsAttachmentFileStore(path.join(db.dir, 'attachments'));
    const staged = await store.stage(
      (async function* () {
        yield Buffer.from('screenshot');
      })(),
    );
    await store.commit(staged);
    const file = path.join(db.dir, 'attachments', staged.sha256.slice(0, 2), staged.sha256);
    assert.deepEqual(
      [path.join(db.dir, 'attachments'), path.join(db.dir, 'attachments', 'tmp'), path.dirname(file), file].map(modeOf),
      ['700', '700', '700', '600'],
    );
  });

  it('narrows an existing 0755 backup folder to 0700 on every run and logs it', async () => {
    const dir = path.join(db.dir, 'backups');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(path.join(db.dir, 'reports', 'monthly'), { recursive: true });
    fs.writeFileSync(path.join(db.dir, 'reports', 'monthly', 'a.csv'), 'id\r\n');
    const clock = new FakeClock('2026-05-10T17:00:00Z');
    const logger = new MemoryLogger();
    const job = new BackupJob({
      database: new SqlDatabaseBackup(db.ds),
      generations: 3,
      dir,
      dataDir: db.dir,
      clock,
      logger,
      runner: new JobRunner({ store: new SqlJobRunStore(db.ds), clock, maxAttempts: 1 }),
    });
    const outcome = await job.run();
    assert.equal(outcome.status, 'written');
    assert.equal(modeOf(dir), '700');
    assert.deepEqual(
      fs
        .readdirSync(dir)
        .sort()
        .map((n) => [n, modeOf(path.join(dir, n))]),
      [
        ['kotae-20260511-020000.reports', '700'],
        ['kotae-20260511-020000.sqlite', '600'],
      ],
    );
    assert.equal(modeOf(path.join(dir, 'kotae-20260511-020000.reports', 'monthly', 'a.csv')), '600');
    const narrowed = () => logger.lines.filter((l) => l.msg === 'backup folder mode narrowed to 0700');
    assert.deepEqual(
      narrowed().map((l) => [l.level, l.fields]),
      [['warn', { dir, was: '0755' }]],
    );
    // Widened again (e.g. by hand): the next run narrows it again.
    fs.chmodSync(dir, 0o750);
    clock.advanceMinutes(24 * 60);
    await job.run();
    assert.equal(modeOf(dir), '700');
    assert.deepEqual(
      narrowed().map((l) => l.fields?.was),
      ['0755', '0750'],
    );
  });
});
