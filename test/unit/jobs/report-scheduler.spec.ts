import assert from 'node:assert/strict';
import { BusinessCalendar } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import {
  dueReports,
  firstBusinessDay,
  InMemoryJobRunStore,
  JobRunner,
  ReportScheduler,
  type SchedulerTimers,
} from '../../../jobs';
import { InMemoryReportStore, ReportService, type ReportKind } from '../../../reports';
import { memoryData, ORGANIZATION } from '../reports/helpers';
import { jst } from '../reports/fixture';
import { DEFAULT_SLA_POLICY } from '../../../calendar';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const calendar = new BusinessCalendar();

describe('due reports', () => {
  it('finds the first business day of a month (Golden Week, New Year closure)', () => {
    assert.equal(firstBusinessDay(2026, 5, calendar), 1);
    assert.equal(firstBusinessDay(2027, 1, calendar), 4);
    assert.equal(firstBusinessDay(2026, 11, calendar), 2);
    assert.equal(firstBusinessDay(2026, 10, calendar), 1);
    assert.equal(firstBusinessDay(2027, 4, calendar), 1);
  });

  it('is due from the first business day, in JST', () => {
    assert.deepEqual(dueReports(jst('2026-11-01 12:00'), calendar), []);
    assert.deepEqual(dueReports(jst('2026-11-02 00:00'), calendar), [{ kind: 'monthly', period: '2026-10' }]);
    assert.deepEqual(dueReports(new Date('2026-11-01T15:00:00Z'), calendar), [{ kind: 'monthly', period: '2026-10' }]);
    assert.deepEqual(dueReports(jst('2027-01-03 10:00'), calendar), []);
    assert.deepEqual(dueReports(jst('2027-01-04 10:00'), calendar), [{ kind: 'monthly', period: '2026-12' }]);
  });

  it('adds the first-half report in October, the second-half and annual reports in April', () => {
    assert.deepEqual(dueReports(jst('2026-10-01 00:00'), calendar), [
      { kind: 'monthly', period: '2026-09' },
      { kind: 'halfyear', period: 'FY2026' },
    ]);
    // 下半期 FY2026 = 2026-10 … 2027-03: due once it has ended, on 2027-04-01 (a Thursday, a business day).
    assert.deepEqual(dueReports(jst('2027-04-01 00:00'), calendar), [
      { kind: 'monthly', period: '2027-03' },
      { kind: 'halfyear', period: 'FY2026H2' },
      { kind: 'annual', period: 'FY2026' },
    ]);
    // The instant before each boundary (JST): neither half is due, nor in any other month.
    assert.deepEqual(dueReports(jst('2026-09-30 23:59'), calendar), [{ kind: 'monthly', period: '2026-08' }]);
    assert.deepEqual(
      dueReports(jst('2027-03-30 23:59'), calendar).filter((d) => d.kind === 'halfyear'),
      [],
    );
    assert.deepEqual(dueReports(new Date('2027-03-31T14:59:59Z'), calendar), [
      { kind: 'monthly', period: '2027-02' },
      { kind: 'monthly', period: '2027-03' },
      { kind: 'annual', period: 'FY2026' },
    ]);
    assert.deepEqual(dueReports(new Date('2027-03-31T15:00:00Z'), calendar), [
      { kind: 'monthly', period: '2027-03' },
      { kind: 'halfyear', period: 'FY2026H2' },
      { kind: 'annual', period: 'FY2026' },
    ]);
    for (let month = 1; month <= 12; month += 1) {
      const at = jst(`2027-${String(month).padStart(2, '0')}-20 12:00`);
      const halves = dueReports(at, calendar)
        .filter((d) => d.kind === 'halfyear')
        .map((d) => d.period);
      assert.deepEqual(halves, month === 4 ? ['FY2026H2'] : month === 10 ? ['FY2027'] : [], `month ${month}`);
    }
  });

  it('makes the second half due from the first business day of April, the half that has just ended', () => {
    // 2028-04-01 is a Saturday: the first business day is Monday 4/3.
    assert.equal(firstBusinessDay(2028, 4, calendar), 3);
    assert.deepEqual(
      dueReports(jst('2028-04-02 12:00'), calendar).filter((d) => d.kind === 'halfyear'),
      [],
    );
    assert.deepEqual(
      dueReports(jst('2028-04-03 09:00'), calendar).filter((d) => d.kind === 'halfyear'),
      [{ kind: 'halfyear', period: 'FY2027H2' }],
    );
  });
});

describe('ReportScheduler', () => {
  const manualTimers = (): SchedulerTimers & { fire(): void; active: boolean } => {
    let fn: (() => void) | undefined;
    return {
      active: false,
      setInterval(f) {
        fn = f;
        this.active = true;
        return 1;
      },
      clearInterval() {
        fn = undefined;
        this.active = false;
      },
      fire() {
        fn?.();
      },
    };
  };

  function setup(generate: (kind: ReportKind, period: string) => Promise<unknown>, now: string) {
    const clock = new FakeClock(jst(now));
    const jobs = new InMemoryJobRunStore();
    const store = new InMemoryReportStore();
    const runner = new JobRunner({ store: jobs, clock, maxAttempts: 3, sleep: async () => undefined });
    const timers = manualTimers();
    const scheduler = new ReportScheduler({ clock, calendar, store, generate, runner, timers, intervalMinutes: 15 });
    return { clock, jobs, store, scheduler, timers };
  }

  it('generates the previous month once it is due (catching up a missed one), then skips it', async () => {
    const reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-sched-'));
    const clock = new FakeClock(jst('2026-06-01 07:00'));
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
    clock.set(jst('2026-05-31 23:00'));
    assert.deepEqual(await scheduler.tick(), [{ kind: 'monthly', period: '2026-04' }]);
    clock.set(jst('2026-06-01 07:00'));
    assert.deepEqual(await scheduler.tick(), [{ kind: 'monthly', period: '2026-05' }]);
    const stored = await store.get('monthly', '2026-05');
    assert.equal(stored?.model.inquiries.asked, 8);
    assert.ok(fs.existsSync(path.join(reportsDir, 'monthly-2026-05', 'monthly-2026-05.pdf')));
    clock.advanceMinutes(15);
    assert.deepEqual(await scheduler.tick(), []);
    assert.deepEqual(
      jobs.runs.map((r) => [r.job, r.status, r.attempt]),
      [
        ['report-monthly', 'succeeded', 1],
        ['report-monthly', 'succeeded', 1],
      ],
    );
    fs.rmSync(reportsDir, { recursive: true, force: true });
  });

  it('retries a failing generation with backoff and records every attempt in job_run', async () => {
    let calls = 0;
    const { jobs, scheduler, store } = setup(async () => {
      calls += 1;
      if (calls < 3) throw new KotaeError('DB_LOCKED', 'database is locked');
      return undefined;
    }, '2026-11-02 09:00');
    assert.deepEqual(await scheduler.tick(), [{ kind: 'monthly', period: '2026-10' }]);
    assert.deepEqual(
      jobs.runs.map((r) => [r.job, r.status, r.attempt]),
      [
        ['report-monthly', 'failed', 1],
        ['report-monthly', 'failed', 2],
        ['report-monthly', 'succeeded', 3],
      ],
    );
    assert.match(jobs.runs[0].error ?? '', /DB_LOCKED/);
    assert.equal(await store.get('monthly', '2026-10'), undefined);
  });

  it('gives up after the bounded attempts and waits for the next day', async () => {
    let calls = 0;
    const { jobs, scheduler, clock } = setup(async () => {
      calls += 1;
      throw new Error('disk full');
    }, '2026-11-02 09:00');
    assert.deepEqual(await scheduler.tick(), []);
    assert.equal(calls, 3);
    clock.advanceMinutes(15);
    await scheduler.tick();
    assert.equal(calls, 3);
    clock.set(jst('2026-11-03 09:00'));
    await scheduler.tick();
    assert.equal(calls, 6);
    assert.equal(jobs.runs.filter((r) => r.status === 'failed').length, 6);
  });

  it('does not retry errors a retry cannot fix', async () => {
    let calls = 0;
    const { jobs, scheduler } = setup(async () => {
      calls += 1;
      throw new KotaeError('CONFLICT', 'final');
    }, '2026-11-02 09:00');
    await scheduler.tick();
    assert.equal(calls, 1);
    assert.equal(jobs.runs.length, 1);
  });

  it('waits between attempts with an exponential backoff', async () => {
    const waits: number[] = [];
    const clock = new FakeClock(jst('2026-11-02 09:00'));
    const runner = new JobRunner({
      store: new InMemoryJobRunStore(),
      clock,
      maxAttempts: 4,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await assert.rejects(
      runner.run('x', async () => {
        throw new Error('boom');
      }),
      (e: unknown) => e instanceof KotaeError && e.code === 'INTERNAL',
    );
    assert.deepEqual(waits, [60_000, 120_000, 240_000]);
  });

  it('runs on its timer from start() until stop(), never overlapping checks', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const { scheduler, timers } = setup(() => {
      calls += 1;
      return new Promise<void>((r) => {
        release = r;
      });
    }, '2026-11-02 09:00');
    scheduler.start();
    assert.equal(timers.active, true);
    await new Promise((r) => setImmediate(r));
    timers.fire();
    await new Promise((r) => setImmediate(r));
    assert.equal(calls, 1);
    release();
    await scheduler.stop();
    assert.equal(timers.active, false);
  });
});
