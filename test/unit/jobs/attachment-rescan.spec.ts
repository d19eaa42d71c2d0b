/**
 * ScheduledRescan (job attachment-rescan): the rescan runs when the scanner's signature version differs from the
 * last successful run's of this folder, at most once per interval, under a lease (one instance at a time with
 * shared storage; a lease per host with each instance's own folder); an unreachable scanner skips the check; a
 * failed or stopped run is continued at the next check.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { MemoryLogger } from '../../../core/logger';
import { InMemoryJobLease, InMemoryJobRunStore, JobRunner, LeaseGuard, ScheduledRescan } from '../../../jobs';

const T0 = new Date('2026-06-01T00:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

describe('ScheduledRescan (job attachment-rescan)', () => {
  function setup(o: { folder?: string; lease?: InMemoryJobLease; runs?: InMemoryJobRunStore; holder?: string } = {}) {
    const clock = new FakeClock(T0);
    const runs = o.runs ?? new InMemoryJobRunStore();
    const lease = o.lease ?? new InMemoryJobLease();
    const state = { version: 'ClamAV 1.4.6/27487' as string | undefined, fail: false, asked: 0 };
    const rescans: { signal: AbortSignal }[] = [];
    const job = new ScheduledRescan({
      clock,
      runs,
      runner: new JobRunner({ store: runs, clock, maxAttempts: 1, sleep: async () => undefined }),
      leases: new LeaseGuard({ lease, holder: o.holder ?? 'A', clock }),
      scannerVersion: async () => {
        state.asked += 1;
        return state.version;
      },
      rescan: async (signal) => {
        rescans.push({ signal });
        if (state.fail) throw new KotaeError('CLOUD_UNAVAILABLE', 'rescan stopped (scanner_unavailable)');
      },
      intervalHours: 24,
      folder: o.folder ?? 'shared',
      timers: { setInterval: () => 1, clearInterval: () => undefined },
      logger: new MemoryLogger(),
    });
    return { clock, runs, lease, state, rescans, job };
  }
  const rows = (runs: InMemoryJobRunStore) => runs.runs.map((r) => `${r.job} ${r.status} ${r.detail}`);

  it('runs at first, then only when the version changed and the interval passed', async () => {
    const { clock, runs, state, rescans, job } = setup();
    assert.equal(await job.tick(), 'ran');
    assert.deepEqual(rows(runs), ['attachment-rescan succeeded folder shared version ClamAV 1.4.6/27487']);
    clock.set(hours(23));
    state.version = 'ClamAV 1.4.6/27488';
    assert.equal(await job.tick(), 'recent', 'within 24 hours of the last run');
    assert.equal(state.asked, 1, 'the scanner is not even asked');
    clock.set(hours(24));
    assert.equal(await job.tick(), 'ran');
    clock.set(hours(49));
    assert.equal(await job.tick(), 'current', 'same version: nothing to scan');
    assert.equal(await job.tick(), 'current');
    assert.equal(rescans.length, 2);
    assert.deepEqual(rows(runs), [
      'attachment-rescan succeeded folder shared version ClamAV 1.4.6/27487',
      'attachment-rescan succeeded folder shared version ClamAV 1.4.6/27488',
    ]);
  });

  it('skips while the scanner cannot be reached, and continues a failed run at the next check', async () => {
    const { clock, runs, state, rescans, job } = setup();
    state.version = undefined;
    assert.equal(await job.tick(), 'unreachable');
    assert.deepEqual(rows(runs), []);
    state.version = 'v1';
    state.fail = true;
    assert.equal(await job.tick(), 'failed');
    clock.set(hours(0.25));
    state.fail = false;
    assert.equal(await job.tick(), 'ran', 'a failed run does not count for the interval or the version');
    assert.equal(rescans.length, 2);
    assert.deepEqual(rows(runs), [
      'attachment-rescan failed folder shared version v1',
      'attachment-rescan succeeded folder shared version v1',
    ]);
  });

  it('runs on one instance at a time with shared storage; each host runs its own folder', async () => {
    const lease = new InMemoryJobLease();
    const runs = new InMemoryJobRunStore();
    await lease.acquire('attachment-rescan', 'B', T0, hours(1));
    const shared = setup({ lease, runs });
    assert.equal(await shared.job.tick(), 'busy', 'B holds the lease');
    const own = setup({ lease, runs, folder: 'kotae-2' });
    assert.equal(await own.job.tick(), 'ran');
    const other = setup({ lease, runs, folder: 'kotae-3' });
    assert.equal(await other.job.tick(), 'ran', "kotae-2's run does not count for kotae-3");
    assert.deepEqual(rows(runs), [
      'attachment-rescan succeeded folder kotae-2 version ClamAV 1.4.6/27487',
      'attachment-rescan succeeded folder kotae-3 version ClamAV 1.4.6/27487',
    ]);
  });

  it('stop() aborts the run in progress', async () => {
    const { rescans, job } = setup();
    assert.equal(await job.tick(), 'ran');
    await job.stop();
    assert.equal(rescans[0]!.signal.aborted, true);
  });
});
