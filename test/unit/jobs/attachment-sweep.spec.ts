import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { MemoryLogger } from '../../../core/logger';
import { ATTACHMENT_SWEEP_JOB, AttachmentSweep, InMemoryJobRunStore, JobRunner } from '../../../jobs';
import { jst } from '../reports/fixture';

describe('AttachmentSweep (each instance sweeps its own attachment folder once a day)', () => {
  function setup(start: string, fail = false) {
    const clock = new FakeClock(jst(start));
    const runs = new InMemoryJobRunStore();
    const runner = new JobRunner({ store: runs, clock, maxAttempts: 1, sleep: async () => undefined });
    const cutoffs: string[] = [];
    const logger = new MemoryLogger();
    const sweep = new AttachmentSweep({
      clock,
      runner,
      instance: 'kotae-b-7',
      time: '02:00',
      logger,
      timers: { setInterval: () => 1, clearInterval: () => undefined },
      files: {
        removeUnreferencedFiles: async (olderThan) => {
          cutoffs.push(olderThan.toISOString());
          if (fail) throw new KotaeError('INTERNAL', 'disk gone');
          return 3;
        },
      },
    });
    return { clock, runs, cutoffs, sweep, logger };
  }

  it('sweeps once per JST day at or after the time, with a day of grace, recorded in job_run with the instance', async () => {
    const { clock, runs, cutoffs, sweep } = setup('2026-05-10 01:59');
    assert.equal(await sweep.tick(), undefined);
    clock.set(jst('2026-05-10 02:00'));
    assert.equal(await sweep.tick(), 3);
    clock.set(jst('2026-05-10 23:59'));
    assert.equal(await sweep.tick(), undefined);
    clock.set(jst('2026-05-11 01:00'));
    assert.equal(await sweep.tick(), undefined);
    clock.set(jst('2026-05-11 02:30'));
    assert.equal(await sweep.tick(), 3);
    assert.deepEqual(cutoffs, ['2026-05-08T17:00:00.000Z', '2026-05-09T17:30:00.000Z']);
    assert.deepEqual(
      runs.runs.map((r) => [r.job, r.status, r.detail]),
      [
        [ATTACHMENT_SWEEP_JOB, 'succeeded', 'instance kotae-b-7'],
        [ATTACHMENT_SWEEP_JOB, 'succeeded', 'instance kotae-b-7'],
      ],
    );
  });

  it('a failed sweep is recorded and logged once, and tried again the next day', async () => {
    const { clock, runs, cutoffs, sweep, logger } = setup('2026-05-10 03:00', true);
    assert.equal(await sweep.tick(), undefined);
    assert.equal(await sweep.tick(), undefined);
    assert.equal(cutoffs.length, 1);
    assert.deepEqual(
      runs.runs.map((r) => [r.job, r.status]),
      [[ATTACHMENT_SWEEP_JOB, 'failed']],
    );
    assert.equal(logger.lines.filter((e) => e.msg === 'attachment sweep failed').length, 1);
    clock.set(jst('2026-05-11 03:00'));
    await sweep.tick();
    assert.equal(cutoffs.length, 2);
  });
});
