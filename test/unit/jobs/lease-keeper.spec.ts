/**
 * LeaseKeeper: one of several instances holds a lease and runs the work; a standby takes over after
 * the holder stops (release) or dies (expiry); a holder that cannot renew stops before the lease can
 * expire. Driven tick by tick with a fake clock (no timers).
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { InMemoryJobLease, LeaseKeeper, type JobLease } from '../../../jobs';

const T0 = new Date('2026-12-03T01:00:00Z');
const TTL = 30_000;

function keeper(lease: JobLease, holder: string, clock: FakeClock, log: string[]) {
  return new LeaseKeeper({
    lease,
    name: 'logo-chat',
    holder,
    clock,
    logger: new MemoryLogger(),
    ttlMs: TTL,
    onGained: () => log.push(`${holder} start`),
    onLost: async () => {
      log.push(`${holder} stop`);
    },
  });
}

describe('LeaseKeeper', () => {
  const later = (clock: FakeClock, ms: number) => clock.set(new Date(clock.now().getTime() + ms));

  it('lets one instance hold the lease; the other takes over after a stop (release) at its next try', async () => {
    const clock = new FakeClock(T0);
    const lease = new InMemoryJobLease();
    const log: string[] = [];
    const a = keeper(lease, 'A', clock, log);
    const b = keeper(lease, 'B', clock, log);
    await a.tick();
    await b.tick();
    later(clock, 10_000);
    await a.tick();
    await b.tick();
    assert.deepEqual(log, ['A start']);
    assert.deepEqual([a.held, b.held], [true, false]);
    await a.stop();
    assert.deepEqual(log, ['A start', 'A stop']);
    later(clock, 10_000);
    await b.tick();
    assert.deepEqual(log, ['A start', 'A stop', 'B start']);
    assert.deepEqual(
      (await lease.live(clock.now())).map((l) => l.holder),
      ['B'],
    );
  });

  it('takes over once the lease of a holder that died (no renewal, no release) has expired', async () => {
    const clock = new FakeClock(T0);
    const lease = new InMemoryJobLease();
    const log: string[] = [];
    const a = keeper(lease, 'A', clock, log);
    const b = keeper(lease, 'B', clock, log);
    await a.tick();
    // A dies: it never ticks again. B tries every TTL/3.
    for (let t = 10_000; t <= 30_000; t += 10_000) {
      clock.set(new Date(T0.getTime() + t));
      await b.tick();
      assert.equal(b.held, false, `at ${t} ms the lease was not expired yet`);
    }
    clock.set(new Date(T0.getTime() + 40_000));
    await b.tick();
    assert.deepEqual(log, ['A start', 'B start']);
  });

  it('stops the work when renewals fail, before the lease can expire, and starts it again when they succeed', async () => {
    const clock = new FakeClock(T0);
    const inner = new InMemoryJobLease();
    let down = false;
    const flaky: JobLease = {
      acquire: (...args) => (down ? Promise.reject(new Error('database unreachable')) : inner.acquire(...args)),
      release: (...args) => inner.release(...args),
      heldBy: (...args) => inner.heldBy(...args),
      live: (...args) => inner.live(...args),
    };
    const log: string[] = [];
    const a = keeper(flaky, 'A', clock, log);
    await a.tick();
    down = true;
    later(clock, 10_000);
    await a.tick();
    assert.deepEqual(log, ['A start'], 'one failed renewal: the lease still has 20 s');
    later(clock, 10_000);
    await a.tick();
    assert.deepEqual(log, ['A start', 'A stop'], 'stopped 10 s before the lease expires');
    down = false;
    later(clock, 10_000);
    await a.tick();
    assert.deepEqual(log, ['A start', 'A stop', 'A start']);
  });

  it('stops the work when another instance holds the lease after all (e.g. it expired during a pause)', async () => {
    const clock = new FakeClock(T0);
    const lease = new InMemoryJobLease();
    const log: string[] = [];
    const a = keeper(lease, 'A', clock, log);
    const b = keeper(lease, 'B', clock, log);
    await a.tick();
    later(clock, 31_000);
    await b.tick();
    later(clock, 1_000);
    await a.tick();
    assert.deepEqual(log, ['A start', 'B start', 'A stop']);
    assert.deepEqual([a.held, b.held], [false, true]);
  });
});
