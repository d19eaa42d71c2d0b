/** The daily backup on PostgreSQL: a verified pg_dump, or a clear skip (never a success) without pg_dump. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import { PG_DUMP_MISSING_REASON, SqlDatabaseBackup } from '../../../db/backup';
import { SqlTicketStore } from '../../../db';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import { BackupJob, JobRunner, listBackups } from '../../../jobs';
import { newTicket } from '../../contracts/ticket-store.contract';
import { useTestDb } from '../../helpers/databases';
import { tempDir } from '../../helpers/temp-dir';

describe('BackupJob on PostgreSQL', function () {
  this.timeout(60_000);
  const t = useTestDb('postgres');
  let temp: ReturnType<typeof tempDir>;
  const clock = new FakeClock('2026-05-10T17:00:00Z'); // 2026-05-11 02:00 JST
  beforeEach(async () => {
    await t.db.reset();
    temp = tempDir('kotae-pgbackup-');
  });
  afterEach(() => temp.cleanup());

  const job = (backup: SqlDatabaseBackup) =>
    new BackupJob({
      database: backup,
      generations: 3,
      dir: path.join(temp.dir, 'backups'),
      dataDir: temp.dir,
      clock,
      runner: new JobRunner({ store: new SqlJobRunStore(t.db.ds), clock, maxAttempts: 1 }),
    });

  it('writes a pg_dump (custom format) that pg_restore can read, as a generation of its own', async () => {
    await new SqlTicketStore(t.db.ds, () => clock.now()).create(newTicket(), 'bot');
    const backup = new SqlDatabaseBackup(t.db.ds);
    assert.equal(backup.unsupportedReason(), undefined);
    const outcome = await job(backup).run();
    assert.equal(outcome.status, 'written');
    const file = outcome.status === 'written' ? outcome.file : '';
    assert.equal(path.basename(file), 'kotae-20260511-020000.dump');
    assert.deepEqual(
      listBackups(path.join(temp.dir, 'backups')).map((b) => b.file),
      [file],
    );
    const list = spawnSync('pg_restore', ['--list', file], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /TABLE DATA public ticket /);
    assert.match(list.stdout, /TABLE DATA public migrations /);
    const [run] = await new SqlJobRunStore(t.db.ds).recent('backup', 5);
    assert.equal(run.status, 'succeeded');
  });

  it('without pg_dump: skipped with the reason, recorded as skipped (not a success), no file', async () => {
    const backup = new SqlDatabaseBackup(t.db.ds, { pgDump: '/nonexistent/pg_dump' });
    assert.equal(backup.unsupportedReason(), PG_DUMP_MISSING_REASON);
    assert.match(PG_DUMP_MISSING_REASON, /skipped, use the PostgreSQL server's own backup/);
    assert.deepEqual(await job(backup).run(), { status: 'skipped', reason: PG_DUMP_MISSING_REASON });
    const runs = await new SqlJobRunStore(t.db.ds).recent('backup', 5);
    assert.deepEqual(
      runs.map((r) => r.status),
      ['skipped'],
    );
    assert.equal(fs.existsSync(path.join(temp.dir, 'backups')), false);
  });
});
