/**
 * The SLA watch runs on one instance: of two instances sharing the job lease only the holder checks the
 * SLA clocks; after it stops (release) the other takes over at its next try, and the stopped one checks
 * no more.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { InMemoryJobLease } from '../../../jobs';
import { leasedSlaWatch, SLA_WATCH_LEASE } from '../../../app/leased-sla-watch';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SLA watch under the job lease', () => {
  it('checks on the lease holder only, and moves to the other instance when the holder stops', async () => {
    const clock = new FakeClock('2026-12-03T01:00:00Z');
    const lease = new InMemoryJobLease();
    const checks = { A: 0, B: 0 };
    const instance = (holder: 'A' | 'B') =>
      leasedSlaWatch({
        lease,
        holder,
        clock,
        logger: new MemoryLogger(),
        everyMs: 10,
        ttlMs: 60_000,
        check: async () => {
          checks[holder] += 1;
        },
      });
    const a = instance('A');
    const b = instance('B');
    try {
      await a.keeper.tick();
      await b.keeper.tick();
      await pause(80);
      assert.ok(checks.A >= 2, JSON.stringify(checks));
      assert.equal(checks.B, 0);
      assert.deepEqual(
        (await lease.live(clock.now())).map((l) => [l.name, l.holder]),
        [[SLA_WATCH_LEASE, 'A']],
      );

      await a.stop();
      const stoppedAt = checks.A;
      await b.keeper.tick();
      await pause(80);
      assert.ok(checks.B >= 2, JSON.stringify(checks));
      assert.equal(checks.A, stoppedAt, 'the stopped instance checks no more');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
