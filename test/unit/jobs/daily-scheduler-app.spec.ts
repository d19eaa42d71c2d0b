import assert from 'node:assert/strict';
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
});
