/**
 * A scheduled delivery survives the instance that started it (two scheduler stacks on two DataSources of
 * one database, SQLite and PostgreSQL): an instance that stops after the mail left and before its audit row
 * leaves the delivery in report_delivery, and the other instance's scheduler finishes it — the audit row
 * written, the channels not sent yet sent — with exactly one mail and one export.report row per channel.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import type { AuditTrail } from '../../../core';
import { FakeClock } from '../../../core/clock';
import { createDataSource, SqlJobLease, SqlJobRunStore, SqlReportDeliveries, SqlReportStore } from '../../../db';
import { JobRunner, LeaseGuard, ReportScheduler } from '../../../jobs';
import { modelRows, ReportDelivery, ReportService, type DeliverySender, type ReportKind } from '../../../reports';
import { testAuditLog } from '../../helpers/audit';
import { describeEachDb } from '../../helpers/databases';
import { jst } from '../reports/fixture';
import { memoryData, ORGANIZATION } from '../reports/helpers';

const SUBJECT = '【Kotae】ヘルプデスク運用月次報告書 令和8年5月（2026年5月）';

/** Lease renewal that never fires: an instance that stopped renews nothing. */
const NO_RENEWAL = { setInterval: () => 0, clearInterval: () => undefined };

/** What the channels took, across both instances (one mailbox, one Teams channel). */
function outside() {
  const mails: string[] = [];
  const posts: string[] = [];
  const senders: DeliverySender[] = [
    { channel: 'email', send: async (m) => void mails.push(`${m.recipient}|${m.subject}`) },
    { channel: 'teams', send: async (m) => void posts.push(`${m.recipient}|${m.subject}`) },
  ];
  return { mails, posts, senders };
}

describeEachDb('scheduled delivery across instances', (each) => {
  let second: DataSource;
  let reportsDir: string;
  before(async () => {
    second = await createDataSource(each.db.config).initialize();
  });
  after(async () => {
    if (second?.isInitialized) await second.destroy();
  });
  beforeEach(async () => {
    await each.db.reset();
    reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-delivery-instances-'));
  });
  afterEach(() => fs.rmSync(reportsDir, { recursive: true, force: true }));

  /** One instance's scheduler stack; `audit` replaces its audit trail (a stop or a failure). */
  function instance(
    ds: DataSource,
    holder: string,
    clock: FakeClock,
    senders: readonly DeliverySender[],
    audit: Pick<AuditTrail, 'atomically'> = testAuditLog(ds, () => clock.now()),
    maxAttempts = 3,
    deliverWith?: (kind: ReportKind, period: string) => Promise<unknown>,
  ) {
    const store = new SqlReportStore(ds);
    const service = new ReportService({
      data: memoryData(),
      store,
      reportsDir,
      calendar: new BusinessCalendar(),
      slaPolicy: DEFAULT_SLA_POLICY,
      organization: ORGANIZATION,
      clock,
    });
    const progress = new SqlReportDeliveries(ds);
    const delivery = new ReportDelivery({
      senders,
      settings: { emails: ['johosei@example.lg.jp'], teams: true, formats: ['xlsx', 'pdf'] },
      consoleUrl: 'https://kotae.example.lg.jp/console/reports',
      folderOf: (r) => service.folderOf(r.kind, r.period),
      progress,
      clock,
      audit,
    });
    const jobs = new SqlJobRunStore(ds);
    const scheduler = new ReportScheduler({
      clock,
      calendar: new BusinessCalendar(),
      store,
      // As app/wire-reports.ts: the delivery to come is recorded with the generation.
      generate: (k, p) => service.generate(k, p, 'system', (saved) => progress.plan(saved, delivery.channels)),
      runner: new JobRunner({ store: jobs, clock, maxAttempts, sleep: async () => undefined }),
      leases: new LeaseGuard({ lease: new SqlJobLease(ds), holder, clock, timers: NO_RENEWAL }),
      deliver: deliverWith ?? (async (k, p) => delivery.deliver(await service.get(k, p))),
      unfinishedDeliveries: (max) => progress.unfinished(max),
    });
    return { scheduler, service };
  }

  /** The export.report rows of the audit log, in order, with their detail. */
  async function exports(): Promise<Record<string, unknown>[]> {
    const rows = (await each.db.ds.query(
      `SELECT "actor", "target", "detail" FROM "audit_log" WHERE "action" = 'export.report' ORDER BY "seq"`,
    )) as { actor: string; target: string; detail: string }[];
    return rows.map((r) => ({ actor: r.actor, target: r.target, ...(JSON.parse(r.detail) as object) }));
  }

  /** The delivery jobs recorded in job_run: status and attempt. */
  async function deliveryRuns(): Promise<[string, number][]> {
    const rows = (await each.db.ds.query(
      `SELECT "status", "attempt" FROM "job_run" WHERE "job" = 'report-delivery' ORDER BY "startedAt", "attempt"`,
    )) as { status: string; attempt: number }[];
    return rows.map((r) => [r.status, Number(r.attempt)]);
  }

  it('finishes a delivery whose instance stopped after the mail and before its audit row, once', async () => {
    const clock = new FakeClock(jst('2026-06-01 09:00'));
    const { mails, posts, senders } = outside();
    // Instance A stops dead in the audit step after the mail left: nothing of it runs again, its lease lapses.
    let stopped!: () => void;
    const stop = new Promise<void>((resolve) => (stopped = resolve));
    const dead = {
      atomically: <T>(): Promise<T> => {
        stopped();
        return new Promise<T>(() => undefined);
      },
    };
    const a = instance(each.db.ds, 'A', clock, senders, dead);
    const b = instance(second, 'B', clock, senders);

    assert.deepEqual(await a.scheduler.tick(), [{ kind: 'monthly', period: '2026-05' }]);
    await stop;
    assert.deepEqual([mails.length, posts.length, (await exports()).length], [1, 0, 0]);

    // B's check finds the delivery unfinished, but A's lease has not expired: B leaves it.
    assert.deepEqual(await b.scheduler.tick(), []);
    await b.scheduler.deliveriesSettled();
    assert.deepEqual(await deliveryRuns(), [['running', 1]]);

    // Past the lease: B writes the e-mail's audit row without mailing again, then posts in Teams.
    clock.advanceMinutes(6);
    assert.deepEqual(await b.scheduler.tick(), []);
    await b.scheduler.deliveriesSettled();
    assert.deepEqual(mails, [`johosei@example.lg.jp|${SUBJECT}`]);
    assert.deepEqual(posts, [`operators-channel|${SUBJECT}`]);
    const rows = modelRows((await b.service.get('monthly', '2026-05')).model);
    const target = { actor: 'system', target: 'monthly-2026-05', report: 'monthly', period: '2026-05' };
    assert.deepEqual(await exports(), [
      { ...target, format: 'xlsx+pdf', rows, channel: 'email', recipients: 1 },
      { ...target, format: 'link', rows: 0, channel: 'teams', recipients: 1 },
    ]);
    assert.deepEqual(await deliveryRuns(), [
      ['running', 1],
      ['succeeded', 1],
    ]);
    const verified = await testAuditLog(second).verify();
    assert.deepEqual([verified.ok, verified.count], [true, 2]);

    // Nothing is left to deliver: later checks on either instance send nothing.
    clock.advanceMinutes(15);
    await b.scheduler.tick();
    await b.scheduler.deliveriesSettled();
    assert.deepEqual([mails.length, posts.length, (await exports()).length], [1, 1, 2]);
  });

  it('delivers a report whose instance stopped after generating it and before its delivery began, once', async () => {
    const clock = new FakeClock(jst('2026-06-01 09:00'));
    const { mails, posts, senders } = outside();
    // Instance A stops dead as its delivery job starts: no row of its own, no mail, its lease lapses.
    let stopped!: () => void;
    const stop = new Promise<void>((resolve) => (stopped = resolve));
    const dead = (): Promise<unknown> => {
      stopped();
      return new Promise(() => undefined);
    };
    const a = instance(each.db.ds, 'A', clock, senders, undefined, 3, dead);
    const b = instance(second, 'B', clock, senders);

    assert.deepEqual(await a.scheduler.tick(), [{ kind: 'monthly', period: '2026-05' }]);
    await stop;
    // The generation recorded the delivery to come: both channels, no attempt yet.
    const planned = (await each.db.ds.query(
      `SELECT "channel", "attempts", "sentAt" FROM "report_delivery" ORDER BY "channel"`,
    )) as { channel: string; attempts: number; sentAt: unknown }[];
    assert.deepEqual(
      planned.map((r) => [r.channel, Number(r.attempts), r.sentAt]),
      [
        ['email', 0, null],
        ['teams', 0, null],
      ],
    );

    // Past A's delivery lease, B's check delivers it: one mail, one post, one export.report each.
    clock.advanceMinutes(6);
    assert.deepEqual(await b.scheduler.tick(), []);
    await b.scheduler.deliveriesSettled();
    assert.deepEqual(mails, [`johosei@example.lg.jp|${SUBJECT}`]);
    assert.deepEqual(posts, [`operators-channel|${SUBJECT}`]);
    assert.deepEqual(
      (await exports()).map((e) => [e.channel, e.format]),
      [
        ['email', 'xlsx+pdf'],
        ['teams', 'link'],
      ],
    );
    clock.advanceMinutes(15);
    await b.scheduler.tick();
    await b.scheduler.deliveriesSettled();
    assert.deepEqual([mails.length, posts.length, (await exports()).length], [1, 1, 2]);
  });

  it('finishes on the other instance a delivery whose audit step failed before its instance stopped', async () => {
    const clock = new FakeClock(jst('2026-06-01 09:00'));
    const { mails, posts, senders } = outside();
    const failing = {
      atomically: async <T>(): Promise<T> => {
        throw new Error('database is locked');
      },
    };
    const a = instance(each.db.ds, 'A', clock, senders, failing, 1);
    const b = instance(second, 'B', clock, senders);

    await a.scheduler.tick();
    await a.scheduler.stop();
    assert.deepEqual([mails.length, posts.length, (await exports()).length], [1, 0, 0]);
    assert.deepEqual(await deliveryRuns(), [['failed', 1]]);

    // A released its lease when it stopped: B's next check finishes the delivery at once.
    assert.deepEqual(await b.scheduler.tick(), []);
    await b.scheduler.deliveriesSettled();
    assert.deepEqual([mails.length, posts.length], [1, 1]);
    assert.deepEqual(
      (await exports()).map((e) => [e.channel, e.format, e.recipients]),
      [
        ['email', 'xlsx+pdf', 1],
        ['teams', 'link', 1],
      ],
    );
    assert.deepEqual(await deliveryRuns(), [
      ['failed', 1],
      ['succeeded', 1],
    ]);
  });
});
