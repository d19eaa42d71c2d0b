/**
 * The retry policy of a scheduled delivery: the runner's round of 3 attempts on the day of generation,
 * one more round on the next business day, then nothing until an administrator resends (fake clock); an
 * administrator's 再送 is counted apart and never uses up the next business day's round.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import type { AuditEntry } from '../../../core';
import {
  deliveryRoundDue,
  InMemoryJobRunStore,
  JobRunner,
  ReportScheduler,
  SchedulerDeliveryDesk,
} from '../../../jobs';
import {
  InMemoryDeliveryProgress,
  InMemoryReportStore,
  ReportDelivery,
  ReportService,
  type ChannelProgress,
  type DeliverySender,
} from '../../../reports';
import { jst } from '../reports/fixture';
import { memoryData, ORGANIZATION } from '../reports/helpers';

const calendar = new BusinessCalendar();

/** A mail sender that refuses its first `refuse` messages and counts every try. */
function flakySender(refuse: number) {
  const state = { tries: 0, sent: 0 };
  const sender: DeliverySender = {
    channel: 'email',
    send: async () => {
      state.tries += 1;
      if (state.tries <= refuse) throw new Error('Message failed: 554 mailbox unavailable');
      state.sent += 1;
    },
  };
  return { sender, state };
}

function setup(sender: DeliverySender, start: string) {
  const reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-delivery-retry-'));
  const clock = new FakeClock(jst(start));
  const store = new InMemoryReportStore();
  const entries: AuditEntry[] = [];
  const audit = {
    atomically: async <T>(change: () => Promise<T>, entry: (result: T) => AuditEntry | undefined): Promise<T> => {
      const result = await change();
      const e = entry(result);
      if (e) entries.push(e);
      return result;
    },
  };
  const service = new ReportService({
    data: memoryData(),
    store,
    reportsDir,
    calendar,
    slaPolicy: DEFAULT_SLA_POLICY,
    organization: ORGANIZATION,
    clock,
  });
  const progress = new InMemoryDeliveryProgress();
  const delivery = new ReportDelivery({
    senders: [sender],
    settings: { emails: ['johosei@example.lg.jp'], teams: false, formats: ['xlsx'] },
    consoleUrl: 'https://kotae.example.lg.jp/console/reports',
    folderOf: (r) => service.folderOf(r.kind, r.period),
    progress,
    clock,
    audit,
  });
  const scheduler = new ReportScheduler({
    clock,
    calendar,
    store,
    generate: (k, p) => service.generate(k, p),
    runner: new JobRunner({ store: new InMemoryJobRunStore(), clock, maxAttempts: 3, sleep: async () => undefined }),
    deliver: async (k, p) => delivery.deliver(await service.get(k, p)),
    unfinishedDeliveries: (max) => progress.unfinished(max),
    deliveryRows: (report) => progress.ofReport(report),
  });
  /** One scheduler check at `time` (JST), with the deliveries it started finished. */
  const checkAt = async (time: string) => {
    clock.set(jst(time));
    await scheduler.tick();
    await scheduler.deliveriesSettled();
  };
  const exports = () => entries.filter((e) => e.action === 'export.report').length;
  // The console's 再送, as an administrator posts it (same delivery, same per-report exclusion).
  const desk = new SchedulerDeliveryDesk({ delivery, progress, scheduler });
  const resendAt = async (time: string) => {
    clock.set(jst(time));
    return desk.redeliver(await service.get('monthly', '2026-05'), 'admin');
  };
  return { reportsDir, checkAt, exports, progress, resendAt, desk, service };
}

describe('scheduled delivery retry: one more round on the next business day', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('retries a delivery that failed all its attempts once more on the next business day, and sends it once', async () => {
    const { sender, state } = flakySender(3);
    const s = setup(sender, '2026-06-01 09:00');
    dirs.push(s.reportsDir);
    await s.checkAt('2026-06-01 09:00');
    assert.deepEqual([state.tries, state.sent, s.exports()], [3, 0, 0]);
    // The same evening: failed for good today, not tried again.
    await s.checkAt('2026-06-01 18:00');
    await s.checkAt('2026-06-01 23:45');
    assert.deepEqual([state.tries, state.sent, s.exports()], [3, 0, 0]);
    // The next business day's first check sends it, once.
    await s.checkAt('2026-06-02 09:00');
    assert.deepEqual([state.tries, state.sent, s.exports()], [4, 1, 1]);
    await s.checkAt('2026-06-02 09:15');
    assert.deepEqual([state.tries, state.sent, s.exports()], [4, 1, 1]);
  });

  it('still gives the next business day’s round to a delivery resent (failing) three times on its day', async () => {
    const { sender, state } = flakySender(6);
    const s = setup(sender, '2026-06-01 09:00');
    dirs.push(s.reportsDir);
    await s.checkAt('2026-06-01 09:00');
    for (const time of ['2026-06-01 10:00', '2026-06-01 11:00', '2026-06-01 12:00']) {
      assert.deepEqual(await s.resendAt(time), { result: 'failed', channel: 'email', reason: 'refused' });
    }
    assert.deepEqual([state.tries, state.sent, s.exports()], [6, 0, 0]);
    const rows = async () =>
      (await s.progress.ofReport({ kind: 'monthly', period: '2026-05' })).map((r) => [
        r.channel,
        r.attempts,
        r.manualAttempts,
        Boolean(r.sentAt),
      ]);
    assert.deepEqual(await rows(), [['email', 3, 3, false]]);
    // The list counts every attempt: 3 scheduled and 3 resends.
    const report = await s.service.get('monthly', '2026-05');
    assert.deepEqual(await s.desk.status(report), [
      { channel: 'email', state: 'failed', attempts: 6, reason: 'refused' },
    ]);
    await s.checkAt('2026-06-01 23:45');
    assert.equal(state.tries, 6);
    // The next business day's round is still due, and sends it once.
    await s.checkAt('2026-06-02 09:00');
    assert.deepEqual([state.tries, state.sent, s.exports()], [7, 1, 1]);
    assert.deepEqual(await rows(), [['email', 4, 3, true]]);
    await s.checkAt('2026-06-02 09:15');
    assert.deepEqual([state.tries, state.sent, s.exports()], [7, 1, 1]);
  });

  it('gives up after the next business day’s round failed too', async () => {
    const { sender, state } = flakySender(100);
    const s = setup(sender, '2026-06-01 09:00');
    dirs.push(s.reportsDir);
    await s.checkAt('2026-06-01 09:00');
    await s.checkAt('2026-06-02 09:00');
    assert.equal(state.tries, 6);
    await s.checkAt('2026-06-02 09:15');
    await s.checkAt('2026-06-03 09:00');
    await s.checkAt('2026-06-04 09:00');
    assert.deepEqual([state.tries, state.sent, s.exports()], [6, 0, 0]);
    assert.deepEqual(
      (await s.progress.ofReport({ kind: 'monthly', period: '2026-05' })).map((r) => [r.channel, r.attempts, r.sentAt]),
      [['email', 6, undefined]],
    );
  });
});

describe('deliveryRoundDue', () => {
  const row = (attempts: number, generated: string, more: Partial<ChannelProgress> = {}): ChannelProgress => ({
    kind: 'monthly',
    period: '2026-05',
    generatedAt: jst(generated),
    channel: 'email',
    attempts,
    manualAttempts: 0,
    ...more,
  });
  // 2026-06-05 is a Friday; 06-06/07 the weekend; 06-08 a Monday.
  const due = (rows: ChannelProgress[], now: string) => deliveryRoundDue(rows, jst(now), calendar, 3);

  it('is due while the first round has attempts left, whatever the day', () => {
    assert.equal(due([row(0, '2026-06-05 09:00')], '2026-06-05 09:15'), true);
    assert.equal(due([row(2, '2026-06-05 09:00')], '2026-06-06 10:00'), true);
  });

  it('waits for the next business day after the generation once the first round failed', () => {
    const failed = [row(3, '2026-06-05 09:00')];
    assert.equal(due(failed, '2026-06-05 23:59'), false);
    assert.equal(due(failed, '2026-06-06 09:00'), false);
    assert.equal(due(failed, '2026-06-07 09:00'), false);
    assert.equal(due(failed, '2026-06-08 00:00'), true);
    assert.equal(due([row(5, '2026-06-05 09:00')], '2026-06-08 09:00'), true);
  });

  it('counts scheduled attempts only: resends neither use up a round nor make one due', () => {
    assert.equal(due([row(3, '2026-06-05 09:00', { manualAttempts: 3 })], '2026-06-08 09:00'), true);
    assert.equal(due([row(3, '2026-06-05 09:00', { manualAttempts: 9 })], '2026-06-05 18:00'), false);
    assert.equal(due([row(6, '2026-06-05 09:00', { manualAttempts: 1 })], '2026-06-08 09:00'), false);
  });

  it('is never due after the second round, or when every channel is audited', () => {
    assert.equal(due([row(6, '2026-06-05 09:00')], '2026-06-08 09:00'), false);
    assert.equal(due([row(9, '2026-06-05 09:00')], '2026-06-09 09:00'), false);
    assert.equal(due([row(3, '2026-06-05 09:00', { auditedAt: jst('2026-06-05 09:01') })], '2026-06-08 09:00'), false);
    assert.equal(due([], '2026-06-08 09:00'), false);
  });
});
