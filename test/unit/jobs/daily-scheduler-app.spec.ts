import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { FakeClock } from '../../../core/clock';
import { listBackups } from '../../../jobs';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import { startApp } from '../../helpers/start-app';
import { jst } from '../reports/fixture';

describe('daily jobs wired in the app', () => {
  it('takes the backup and runs retention at start when the time has passed', async function () {
    this.timeout(60_000);
    // 2026-11-01 is a Sunday before the first business day: no report is due, only the daily jobs.
    const clock = new FakeClock(jst('2026-11-01 03:00'));
    const running = await startApp({ KOTAE_SCHEDULER: 'true', KOTAE_BACKUP_TIME: '02:00' }, { clock });
    try {
      const runs = new SqlJobRunStore(running.app.dataSource);
      const finished = async () => (await runs.recent('retention', 1))[0]?.finishedAt !== undefined;
      for (let i = 0; i < 200 && !(await finished()); i += 1) await delay(50);
      assert.deepEqual(
        (await runs.recent('backup', 5)).map((r) => r.status),
        ['succeeded'],
      );
      assert.deepEqual(
        (await runs.recent('retention', 5)).map((r) => r.status),
        ['succeeded'],
      );
      assert.deepEqual(
        listBackups(running.config.backup.dir).map((b) => b.stamp),
        ['20261101-030000'],
      );
    } finally {
      await running.stop();
    }
  });

  it('sweeps this instance’s own attachment folder daily when folders are per instance, not when shared', async function () {
    this.timeout(60_000);
    for (const storage of ['instance', 'shared'] as const) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-sweep-'));
      const sha = 'ab'.padEnd(64, '0');
      const orphan = path.join(dir, 'attachments', 'ab', sha);
      fs.mkdirSync(path.dirname(orphan), { recursive: true });
      fs.writeFileSync(orphan, 'no row references this file');
      fs.utimesSync(orphan, jst('2026-10-01 09:00'), jst('2026-10-01 09:00'));
      const clock = new FakeClock(jst('2026-11-01 03:00'));
      const running = await startApp(
        {
          KOTAE_SCHEDULER: 'true',
          KOTAE_BACKUP_TIME: '02:00',
          KOTAE_DATA_DIR: dir,
          KOTAE_ATTACHMENT_STORAGE: storage,
        },
        { clock },
      );
      try {
        const runs = new SqlJobRunStore(running.app.dataSource);
        const done = async () => (await runs.recent('retention', 1))[0]?.finishedAt !== undefined;
        for (let i = 0; i < 200 && !(await done()); i += 1) await delay(50);
        const swept = async () => (await runs.recent('attachment-sweep', 5)).filter((r) => r.finishedAt);
        if (storage === 'instance') for (let i = 0; i < 200 && (await swept()).length === 0; i += 1) await delay(50);
        assert.deepEqual(
          (await swept()).map((r) => [r.status, r.detail]),
          storage === 'instance' ? [['succeeded', `instance ${running.app.leases.holder}`]] : [],
          storage,
        );
        // Retention (this instance holds its lease) removes it too; the sweep is what reaches the other instances.
        assert.equal(fs.existsSync(orphan), false, storage);
      } finally {
        await running.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
