import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { SqlDatabaseBackup } from '../../../db/backup';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import type { JobRunRow } from '../../../db';
import { BackupJob, backupStamp, JobRunner, listBackups, type DatabaseBackup } from '../../../jobs';
import { tempSqlite } from '../../helpers/sqlite';

const DAY_MIN = 24 * 60;

describe('BackupJob', () => {
  let db: Awaited<ReturnType<typeof tempSqlite>>;
  let clock: FakeClock;
  let dir: string;
  beforeEach(async () => {
    db = await tempSqlite();
    clock = new FakeClock('2026-05-10T17:00:00Z'); // 2026-05-11 02:00 JST
    dir = path.join(db.dir, 'backups');
  });
  afterEach(async () => db.close());

  const job = (database: DatabaseBackup = new SqlDatabaseBackup(db.ds), generations = 3) =>
    new BackupJob({
      database,
      generations,
      dir,
      dataDir: db.dir,
      clock,
      runner: new JobRunner({ store: new SqlJobRunStore(db.ds), clock, maxAttempts: 2, sleep: async () => undefined }),
    });
  const runs = () => db.ds.getRepository<JobRunRow>('job_run').find({ order: { startedAt: 'ASC' } });

  it('names files by the JST time', () => {
    assert.equal(backupStamp(new Date('2026-05-10T17:00:05Z')), '20260511-020005');
    assert.equal(backupStamp(new Date('2026-12-31T15:00:00Z')), '20270101-000000');
  });

  it('keeps the newest generations only (5 daily runs, 3 kept), with the managed FAQ sheet', async () => {
    fs.mkdirSync(path.join(db.dir, 'managed-kb'));
    fs.writeFileSync(path.join(db.dir, 'managed-kb', 'faq-managed.csv'), '\uFEFFid,question\r\n');
    const written: string[] = [];
    for (let day = 0; day < 5; day += 1) {
      const outcome = await job().run(clock.now());
      assert.equal(outcome.status, 'written');
      if (outcome.status === 'written') written.push(path.basename(outcome.file));
      clock.advanceMinutes(DAY_MIN);
    }
    assert.deepEqual(written, [
      'kotae-20260511-020000.sqlite',
      'kotae-20260512-020000.sqlite',
      'kotae-20260513-020000.sqlite',
      'kotae-20260514-020000.sqlite',
      'kotae-20260515-020000.sqlite',
    ]);
    const kept = listBackups(dir);
    assert.deepEqual(
      kept.map((b) => b.stamp),
      ['20260515-020000', '20260514-020000', '20260513-020000'],
    );
    assert.deepEqual(fs.readdirSync(dir).sort(), [
      'kotae-20260513-020000.faq-managed.csv',
      'kotae-20260513-020000.sqlite',
      'kotae-20260514-020000.faq-managed.csv',
      'kotae-20260514-020000.sqlite',
      'kotae-20260515-020000.faq-managed.csv',
      'kotae-20260515-020000.sqlite',
    ]);
    const copy = new Sqlite(kept[0].file, { readonly: true });
    const jobRows = (copy.prepare("SELECT count(*) AS n FROM job_run WHERE job = 'backup'").get() as { n: number }).n;
    copy.close();
    assert.equal(jobRows, 5, 'the copy holds the running row of its own run');
    assert.deepEqual(
      (await runs()).map((r) => [r.job, r.status]),
      Array(5).fill(['backup', 'succeeded']),
    );
  });

  it('mirrors attachment files beside the copies and drops a deleted one once no kept generation needs it', async () => {
    const live = path.join(db.dir, 'attachments');
    const put = (sha: string) => {
      fs.mkdirSync(path.join(live, sha.slice(0, 2)), { recursive: true });
      fs.writeFileSync(path.join(live, sha.slice(0, 2), sha), sha);
    };
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    put(a);
    put(b);
    fs.mkdirSync(path.join(live, 'tmp'));
    fs.writeFileSync(path.join(live, 'tmp', 'x.part'), 'half');
    const mirrored = () =>
      fs.existsSync(path.join(dir, 'attachments'))
        ? fs
            .readdirSync(path.join(dir, 'attachments'))
            .flatMap((p) => fs.readdirSync(path.join(dir, 'attachments', p)))
            .sort()
        : [];
    const first = await job().run(clock.now());
    assert.deepEqual(first.status === 'written' && first.attachments, { copied: 2, pruned: 0 });
    assert.deepEqual(mirrored(), [a, b]);
    assert.equal(fs.readFileSync(path.join(dir, 'attachments', 'bb', b), 'utf8'), b);

    fs.rmSync(path.join(live, 'bb', b)); // retention deleted it after the first backup
    const counts: unknown[] = [];
    for (let day = 1; day <= 4; day += 1) {
      clock.advanceMinutes(DAY_MIN);
      const outcome = await job().run(clock.now());
      counts.push(outcome.status === 'written' && outcome.attachments);
    }
    // Marked on day 1; generations of days 2–4 are all younger than the mark on day 4.
    assert.deepEqual(counts, [
      { copied: 0, pruned: 0 },
      { copied: 0, pruned: 0 },
      { copied: 0, pruned: 0 },
      { copied: 0, pruned: 1 },
    ]);
    assert.deepEqual(mirrored(), [a]);
  });

  it('a failing backup deletes nothing, leaves no partial file and is recorded as failed', async () => {
    for (let day = 0; day < 3; day += 1) {
      await job().run(clock.now());
      clock.advanceMinutes(DAY_MIN);
    }
    const broken: DatabaseBackup = {
      unsupportedReason: () => undefined,
      copyTo: async (file) => {
        fs.writeFileSync(file, 'partial');
        throw new KotaeError('DB_LOCKED', 'database locked');
      },
    };
    await assert.rejects(job(broken).run(clock.now()), (e: KotaeError) => e.code === 'DB_LOCKED');
    assert.equal(listBackups(dir).length, 3);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
    const all = await runs();
    assert.deepEqual(
      all.slice(3).map((r) => [r.status, r.attempt]),
      [
        ['failed', 1],
        ['failed', 2],
      ],
    );
    assert.match(all[4].error ?? '', /DB_LOCKED: database locked/);
  });

  it('records a skipped run (neither a failure nor a success) when the database is backed up by the DBA', async () => {
    const dba: DatabaseBackup = {
      unsupportedReason: () => 'backed up by the DBA',
      copyTo: async () => assert.fail('no copy'),
    };
    assert.deepEqual(await job(dba).run(), { status: 'skipped', reason: 'backed up by the DBA' });
    const [run] = await runs();
    assert.equal(run.status, 'skipped');
    assert.equal(run.detail, 'skipped: backed up by the DBA');
    assert.equal(fs.existsSync(dir), false);
  });
});
