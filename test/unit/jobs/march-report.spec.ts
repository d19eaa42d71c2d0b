import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { dueReports, InMemoryJobRunStore, JobRunner, lastBusinessDay, ReportScheduler } from '../../../jobs';
import { InMemoryReportStore, ReportService } from '../../../reports';
import { jst } from '../reports/fixture';
import { memoryData, ORGANIZATION } from '../reports/helpers';

/** The real Japanese calendar: weekends, 春分の日, no test-made holidays. */
const calendar = new BusinessCalendar();

describe('the March report on the last business day of March (fiscal year ends 3/31)', () => {
  it('finds the last business day of March over weekends', () => {
    assert.equal(lastBusinessDay(2027, 3, calendar), 31); // Wednesday
    assert.equal(lastBusinessDay(2029, 3, calendar), 30); // 3/31 is a Saturday
    assert.equal(lastBusinessDay(2024, 3, calendar), 29); // 3/30–31 weekend
  });

  it('is due from the last business day of March, not the day before, and still due in April', () => {
    assert.deepEqual(dueReports(jst('2029-03-29 23:59'), calendar), [{ kind: 'monthly', period: '2029-02' }]);
    assert.deepEqual(dueReports(jst('2029-03-30 00:00'), calendar), [
      { kind: 'monthly', period: '2029-02' },
      { kind: 'monthly', period: '2029-03' },
      { kind: 'annual', period: 'FY2028' },
    ]);
    assert.deepEqual(dueReports(jst('2029-04-02 09:00'), calendar), [
      { kind: 'monthly', period: '2029-03' },
      { kind: 'halfyear', period: 'FY2028H2' },
      { kind: 'annual', period: 'FY2028' },
    ]);
  });

  it('generates the March and annual drafts on that day, refuses 確定 until 3/31 ends, regenerates them in April', async () => {
    const reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-march-'));
    const clock = new FakeClock(jst('2029-03-29 09:00'));
    const store = new InMemoryReportStore();
    const service = new ReportService({
      data: memoryData(),
      store,
      reportsDir,
      calendar,
      slaPolicy: DEFAULT_SLA_POLICY,
      organization: ORGANIZATION,
      clock,
    });
    const jobs = new InMemoryJobRunStore();
    const scheduler = new ReportScheduler({
      clock,
      calendar,
      store,
      generate: (k, p) => service.generate(k, p),
      runner: new JobRunner({ store: jobs, clock, sleep: async () => undefined }),
    });
    try {
      assert.deepEqual(await scheduler.tick(), [{ kind: 'monthly', period: '2029-02' }]);
      clock.set(jst('2029-03-30 00:15'));
      assert.deepEqual(await scheduler.tick(), [
        { kind: 'monthly', period: '2029-03' },
        { kind: 'annual', period: 'FY2028' },
      ]);
      const march = await store.get('monthly', '2029-03');
      assert.equal(march?.generatedAt.toISOString(), jst('2029-03-30 00:15').toISOString());
      assert.ok(fs.existsSync(path.join(reportsDir, 'monthly-2029-03', 'monthly-2029-03.xlsx')));
      clock.advanceMinutes(15);
      assert.deepEqual(await scheduler.tick(), [], 'not regenerated while March runs');
      await assert.rejects(
        service.markFinal('monthly', '2029-03', march.version),
        (e: unknown) => e instanceof KotaeError && e.code === 'CONFLICT' && /終了していないため/.test(e.userMessage),
      );
      clock.set(jst('2029-04-02 09:00'));
      // The 下半期 (October–March) is due only now that it has ended: generated once, with the full figures.
      assert.deepEqual(await scheduler.tick(), [
        { kind: 'monthly', period: '2029-03' },
        { kind: 'halfyear', period: 'FY2028H2' },
        { kind: 'annual', period: 'FY2028' },
      ]);
      const h2 = await store.get('halfyear', 'FY2028H2');
      assert.equal(h2?.generatedAt.toISOString(), jst('2029-04-02 09:00').toISOString());
      const regenerated = await store.get('monthly', '2029-03');
      assert.equal(regenerated?.generatedAt.toISOString(), jst('2029-04-02 09:00').toISOString());
      clock.advanceMinutes(15);
      assert.deepEqual(await scheduler.tick(), []);
      assert.equal((await service.markFinal('monthly', '2029-03', regenerated.version)).status, 'final');
    } finally {
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });
});
