import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import { SqlReportData } from '../../../db/repositories/sql-report-data';
import { JobRunner } from '../../../jobs';
import { buildReport } from '../../../reports';
import { jst } from '../reports/fixture';
import { options } from '../reports/helpers';
import { describeEachDb, type TestDb } from '../../helpers/databases';

describeEachDb('SqlJobRunStore with JobRunner', (each) => {
  let db: TestDb;
  before(async () => {
    db = each.db;
  });
  after(async () => db.close());

  it('records running → failed/succeeded attempts that the report then counts', async () => {
    const clock = new FakeClock(jst('2026-07-01 08:00'));
    const store = new SqlJobRunStore(db.ds);
    const runner = new JobRunner({ store, clock, sleep: async () => clock.advanceMinutes(1) });
    let calls = 0;
    const value = await runner.run(
      'report-monthly',
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('temporary failure');
        return 'ok';
      },
      '{"period":"2026-06"}',
    );
    assert.equal(value, 'ok');
    const recent = await store.recent('report-monthly', 10);
    assert.deepEqual(
      recent.map((r) => [r.status, r.attempt]),
      [
        ['succeeded', 2],
        ['failed', 1],
      ],
    );
    assert.match(recent[1].error ?? '', /temporary failure/);
    assert.ok(recent[0].finishedAt);
    const m = await buildReport('monthly', '2026-07', new SqlReportData(db.ds), options(jst('2026-07-02 09:00')));
    assert.deepEqual(m.jobs, [{ job: 'report-monthly', runs: 2, failures: 1, lastSuccessAt: '2026/07/01 08:01' }]);
  });
});
