import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { DailyScheduler, InMemoryJobRunStore, JobRunner, type DailyJob, type SchedulerTimers } from '../../../jobs';
import { jst } from '../reports/fixture';

describe('DailyScheduler', () => {
  function setup(start: string, failing: Set<string> = new Set()) {
    const clock = new FakeClock(jst(start));
    const runs = new InMemoryJobRunStore();
    const runner = new JobRunner({ store: runs, clock, maxAttempts: 2, sleep: async () => undefined });
    const calls: string[] = [];
    const job = (name: string): DailyJob => ({
      name,
      run: (now) =>
        runner.run(name, async () => {
          calls.push(`${name}@${now.toISOString()}`);
          if (failing.has(name)) throw new KotaeError('DB_LOCKED', 'locked');
        }),
    });
    let fire: (() => void) | undefined;
    const timers: SchedulerTimers = {
      setInterval: (fn) => {
        fire = fn;
        return 1;
      },
      clearInterval: () => {
        fire = undefined;
      },
    };
    const scheduler = new DailyScheduler({
      clock,
      runs,
      jobs: [job('backup'), job('retention')],
      time: '02:00',
      timers,
    });
    return { clock, runs, runner, calls, scheduler, fire: () => fire?.(), armed: () => fire !== undefined };
  }

  it('runs backup then retention once per JST day at or after the time, across midnight JST', async () => {
    const { clock, scheduler, calls } = setup('2026-05-10 01:59');
    assert.deepEqual(await scheduler.tick(), []);
    clock.set(jst('2026-05-10 02:00'));
    assert.deepEqual(await scheduler.tick(), ['backup', 'retention']);
    clock.set(jst('2026-05-10 02:15'));
    assert.deepEqual(await scheduler.tick(), []);
    clock.set(jst('2026-05-10 23:59'));
    assert.deepEqual(await scheduler.tick(), []);
    clock.set(new Date('2026-05-10T15:05:00Z')); // 00:05 JST on the 11th, still the 10th in UTC
    assert.deepEqual(await scheduler.tick(), []);
    clock.set(jst('2026-05-11 02:00'));
    assert.deepEqual(await scheduler.tick(), ['backup', 'retention']);
    assert.deepEqual(calls, [
      'backup@2026-05-09T17:00:00.000Z',
      'retention@2026-05-09T17:00:00.000Z',
      'backup@2026-05-10T17:00:00.000Z',
      'retention@2026-05-10T17:00:00.000Z',
    ]);
  });

  it('catches up a missed time and skips a job already done today (manual backup)', async () => {
    const { clock, scheduler, runner } = setup('2026-05-10 00:30');
    await runner.run('backup', async () => undefined);
    clock.set(jst('2026-05-10 09:40'));
    assert.deepEqual(await scheduler.tick(), ['retention']);
  });

  it('after a failed backup, retention still runs and the backup waits for the next day', async () => {
    const failing = new Set(['backup']);
    const { clock, scheduler, runs } = setup('2026-05-10 02:00', failing);
    assert.deepEqual(await scheduler.tick(), ['retention']);
    assert.deepEqual(
      runs.runs.map((r) => [r.job, r.status]),
      [
        ['backup', 'failed'],
        ['backup', 'failed'],
        ['retention', 'succeeded'],
      ],
    );
    clock.advanceMinutes(15);
    assert.deepEqual(await scheduler.tick(), []);
    failing.clear();
    clock.set(jst('2026-05-11 02:10'));
    assert.deepEqual(await scheduler.tick(), ['backup', 'retention']);
  });

  it('start() checks at once and on every interval; stop() clears the timer', async () => {
    const { clock, scheduler, calls, fire, armed } = setup('2026-05-10 03:00');
    scheduler.start();
    await scheduler.tick();
    assert.equal(calls.length, 2);
    clock.set(jst('2026-05-11 03:00'));
    fire();
    await scheduler.tick();
    assert.equal(calls.length, 4);
    await scheduler.stop();
    assert.equal(armed(), false);
  });

  it('rejects a malformed time', () => {
    assert.throws(
      () =>
        new DailyScheduler({
          clock: new FakeClock(new Date()),
          runs: new InMemoryJobRunStore(),
          jobs: [],
          time: '2:00',
        }),
      (e: KotaeError) => e.code === 'CONFIG_INVALID',
    );
  });
});
