/**
 * Job leases: one instance at a time runs a scheduled job; a lease of a dead instance is taken over
 * once expired. The SQL lease runs on every database; two scheduler stacks on two DataSources of one
 * database (two instances) run a due job and a due report exactly once.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { createDataSource } from '../../../db';
import { SqlJobLease } from '../../../db/repositories/sql-job-lease';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import { SqlReportStore } from '../../../db/repositories/sql-report-store';
import {
  DailyScheduler,
  InMemoryJobLease,
  JobRunner,
  LeaseGuard,
  newInstanceId,
  ReportScheduler,
  type JobLease,
} from '../../../jobs';
import { ReportService } from '../../../reports';
import { describeEachDb } from '../../helpers/databases';
import { jst } from '../reports/fixture';
import { memoryData, ORGANIZATION } from '../reports/helpers';

const T0 = jst('2026-07-01 03:00');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** The contract every JobLease keeps. */
function leaseContract(make: () => JobLease): void {
  it('gives a free lease, refuses it to others until it expires, renews it for its holder', async () => {
    const lease = make();
    assert.equal(await lease.acquire('backup', 'A', at(0), at(5)), true);
    assert.equal(await lease.acquire('backup', 'B', at(1), at(6)), false);
    assert.equal(await lease.acquire('backup', 'A', at(4), at(9)), true);
    assert.equal(await lease.acquire('backup', 'B', at(6), at(11)), false);
    assert.deepEqual(await lease.heldBy('A', at(6)), [{ name: 'backup', expiresAt: at(9) }]);
    assert.deepEqual(await lease.heldBy('B', at(6)), []);
  });

  it('is taken over once the holder stopped renewing it and it expired', async () => {
    const lease = make();
    assert.equal(await lease.acquire('retention', 'A', at(0), at(5)), true);
    assert.equal(await lease.acquire('retention', 'B', at(5), at(10)), false);
    assert.equal(await lease.acquire('retention', 'B', at(6), at(11)), true);
    assert.equal(await lease.acquire('retention', 'A', at(7), at(12)), false);
    assert.deepEqual(await lease.heldBy('A', at(7)), []);
    assert.deepEqual(await lease.heldBy('B', at(7)), [{ name: 'retention', expiresAt: at(11) }]);
  });

  it('is free again once released by its holder, not by another', async () => {
    const lease = make();
    assert.equal(await lease.acquire('report-monthly', 'A', at(0), at(5)), true);
    await lease.release('report-monthly', 'B');
    assert.equal(await lease.acquire('report-monthly', 'B', at(1), at(6)), false);
    await lease.release('report-monthly', 'A');
    assert.equal(await lease.acquire('report-monthly', 'B', at(1), at(6)), true);
    assert.deepEqual(await lease.heldBy('A', at(1)), []);
  });

  it('keeps leases of different names apart', async () => {
    const lease = make();
    assert.equal(await lease.acquire('backup', 'A', at(0), at(5)), true);
    assert.equal(await lease.acquire('retention', 'B', at(0), at(5)), true);
    assert.deepEqual(
      (await lease.heldBy('A', at(1))).map((l) => l.name),
      ['backup'],
    );
  });

  it('lists every live lease with its holder, by name, without the expired ones', async () => {
    const lease = make();
    assert.equal(await lease.acquire('retention', 'B', at(0), at(5)), true);
    assert.equal(await lease.acquire('logo-chat', 'A', at(0), at(2)), true);
    assert.equal(await lease.acquire('backup', 'A', at(0), at(5)), true);
    assert.deepEqual(await lease.live(at(1)), [
      { name: 'backup', holder: 'A', expiresAt: at(5) },
      { name: 'logo-chat', holder: 'A', expiresAt: at(2) },
      { name: 'retention', holder: 'B', expiresAt: at(5) },
    ]);
    assert.deepEqual(
      (await lease.live(at(3))).map((l) => l.name),
      ['backup', 'retention'],
    );
  });
}

describe('InMemoryJobLease', () => {
  leaseContract(() => new InMemoryJobLease());
});

describe('LeaseGuard', () => {
  it('runs work only when it takes the lease, and releases it after', async () => {
    const clock = new FakeClock(T0);
    const lease = new InMemoryJobLease();
    const a = new LeaseGuard({ lease, holder: 'A', clock, ttlMs: 60_000 });
    const b = new LeaseGuard({ lease, holder: 'B', clock, ttlMs: 60_000 });
    const order: string[] = [];
    const first = a.run(
      'backup',
      async () => {
        order.push('A starts');
        assert.deepEqual(
          (await a.held()).map((l) => l.name),
          ['backup'],
        );
        assert.equal(await b.run('backup', async () => 'B ran', 'B skipped'), 'B skipped');
        order.push('A ends');
        return 'A ran';
      },
      'A skipped',
    );
    assert.equal(await first, 'A ran');
    assert.deepEqual(order, ['A starts', 'A ends']);
    assert.deepEqual(await a.held(), []);
    assert.equal(await b.run('backup', async () => 'B ran', 'B skipped'), 'B ran');
  });

  it('skips (never throws) when the lease store fails', async () => {
    const clock = new FakeClock(T0);
    const broken: JobLease = {
      acquire: () => Promise.reject(new Error('database unreachable')),
      release: async () => {},
      heldBy: async () => [],
      live: async () => [],
    };
    const guard = new LeaseGuard({ lease: broken, holder: 'A', clock });
    assert.equal(await guard.run('backup', async () => 'ran', 'skipped'), 'skipped');
  });

  it('names an instance by host, pid and a random part', () => {
    const id = newInstanceId();
    assert.match(
      id,
      new RegExp(`^${os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-${process.pid}-[0-9a-f]{8}$`),
    );
    assert.notEqual(newInstanceId(), id);
  });
});

describeEachDb('SqlJobLease', (each) => {
  let second: DataSource;
  before(async () => {
    second = await createDataSource(each.db.config).initialize();
  });
  after(async () => {
    if (second?.isInitialized) await second.destroy();
  });
  beforeEach(() => each.db.reset());

  leaseContract(() => new SqlJobLease(each.db.ds));

  it('gives a contested lease to exactly one of two instances', async () => {
    const one = new SqlJobLease(each.db.ds);
    const two = new SqlJobLease(second);
    for (let round = 0; round < 5; round += 1) {
      const name = `contested-${round}`;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? one : two).acquire(name, `instance-${i}`, at(round * 10), at(round * 10 + 5)),
        ),
      );
      assert.equal(results.filter(Boolean).length, 1, `round ${round}: ${results.join(',')}`);
      // Expired: again exactly one of the contenders takes it over.
      const takeover = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? one : two).acquire(name, `late-${i}`, at(round * 10 + 6), at(round * 10 + 11)),
        ),
      );
      assert.equal(takeover.filter(Boolean).length, 1, `takeover ${round}: ${takeover.join(',')}`);
    }
  });

  it('runs a due daily job once across two instances, and takes over from a dead holder after expiry', async () => {
    const clock = new FakeClock(jst('2026-07-01 02:30'));
    const ran: string[] = [];
    const stack = (ds: DataSource, holder: string, run: () => Promise<void>) =>
      new DailyScheduler({
        clock,
        runs: new SqlJobRunStore(ds),
        time: '02:00',
        leases: new LeaseGuard({ lease: new SqlJobLease(ds), holder, clock, ttlMs: 10 * 60_000 }),
        jobs: [
          {
            name: 'backup',
            run: async (now) => {
              await new SqlJobRunStore(ds)
                .start('backup', 1, now)
                .then((id) => new SqlJobRunStore(ds).finish(id, { status: 'succeeded', at: now }));
              await run();
            },
          },
        ],
      });
    const slow = async (who: string) => {
      ran.push(who);
      await new Promise((r) => setTimeout(r, 50));
    };
    const a = stack(each.db.ds, 'A', () => slow('A'));
    const b = stack(second, 'B', () => slow('B'));
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    assert.equal(ran.length, 1, `ran on ${ran.join(',')}`);
    assert.deepEqual([...ra, ...rb], ['backup']);
    assert.deepEqual(await Promise.all([a.tick(), b.tick()]), [[], []]);

    // Next day: A takes the lease and dies in the middle of the backup (no release, no job_run row).
    clock.set(jst('2026-07-02 02:30'));
    const lease = new SqlJobLease(each.db.ds);
    assert.equal(
      await lease.acquire('backup', 'A-dead', clock.now(), new Date(clock.now().getTime() + 10 * 60_000)),
      true,
    );
    ran.length = 0;
    assert.deepEqual(await b.tick(), []);
    clock.advanceMinutes(9);
    assert.deepEqual(await b.tick(), []);
    clock.advanceMinutes(2);
    assert.deepEqual(await b.tick(), ['backup']);
    assert.deepEqual(ran, ['B']);
  });

  it('generates a due report once across two instances', async () => {
    const clock = new FakeClock(jst('2026-06-01 07:00'));
    const calendar = new BusinessCalendar();
    const reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-lease-'));
    let generated = 0;
    const stack = (ds: DataSource, holder: string) => {
      const store = new SqlReportStore(ds);
      const service = new ReportService({
        data: memoryData(),
        store,
        reportsDir,
        calendar,
        slaPolicy: DEFAULT_SLA_POLICY,
        organization: ORGANIZATION,
        clock,
      });
      return new ReportScheduler({
        clock,
        calendar,
        store,
        generate: async (kind, period) => {
          generated += 1;
          return service.generate(kind, period);
        },
        runner: new JobRunner({ store: new SqlJobRunStore(ds), clock }),
        leases: new LeaseGuard({ lease: new SqlJobLease(ds), holder, clock }),
      });
    };
    try {
      const a = stack(each.db.ds, 'A');
      const b = stack(second, 'B');
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      assert.deepEqual([...ra, ...rb], [{ kind: 'monthly', period: '2026-05' }]);
      assert.deepEqual(await Promise.all([b.tick(), a.tick()]), [[], []]);
      assert.equal(generated, 1);
      assert.equal((await new SqlReportStore(second).list()).length, 1);
    } finally {
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('generates the 下半期 report once across two instances after the half ends, never again once 確定', async () => {
    const clock = new FakeClock(jst('2027-04-01 06:00'));
    const calendar = new BusinessCalendar();
    const reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-lease-h2-'));
    const generated: string[] = [];
    const stack = (ds: DataSource, holder: string) => {
      const service = new ReportService({
        data: memoryData(),
        store: new SqlReportStore(ds),
        reportsDir,
        calendar,
        slaPolicy: DEFAULT_SLA_POLICY,
        organization: ORGANIZATION,
        clock,
      });
      const scheduler = new ReportScheduler({
        clock,
        calendar,
        store: new SqlReportStore(ds),
        generate: async (kind, period) => {
          generated.push(`${kind} ${period}`);
          return service.generate(kind, period);
        },
        runner: new JobRunner({ store: new SqlJobRunStore(ds), clock }),
        leases: new LeaseGuard({ lease: new SqlJobLease(ds), holder, clock }),
      });
      return { service, scheduler };
    };
    try {
      const a = stack(each.db.ds, 'A');
      const b = stack(second, 'B');
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      assert.deepEqual(generated.sort(), ['annual FY2026', 'halfyear FY2026H2', 'monthly 2027-03']);
      const h2 = await b.service.get('halfyear', 'FY2026H2');
      assert.deepEqual(
        [h2.model.period.from, h2.model.period.to],
        [jst('2026-10-01 00:00').toISOString(), jst('2027-04-01 00:00').toISOString()],
      );
      assert.deepEqual(await Promise.all([b.scheduler.tick(), a.scheduler.tick()]), [[], []]);

      // Finalised, it is never generated again while the April check still finds it due.
      await a.service.markFinal('halfyear', 'FY2026H2', h2.version);
      clock.set(jst('2027-04-20 09:00'));
      assert.deepEqual(await Promise.all([a.scheduler.tick(), b.scheduler.tick()]), [[], []]);
      assert.equal(generated.length, 3);
      assert.equal((await b.service.get('halfyear', 'FY2026H2')).status, 'final');
    } finally {
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });
});
