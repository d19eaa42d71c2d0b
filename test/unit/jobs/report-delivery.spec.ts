import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { InMemoryJobRunStore, JobRunner, ReportScheduler } from '../../../jobs';
import { SmtpEmailSender } from '../../../notify';
import { InMemoryReportStore, ReportDelivery, ReportService, type DeliverySender } from '../../../reports';
import { decodeMail, startLoopbackSmtp } from '../../fakes/loopback-smtp';
import { jst } from '../reports/fixture';
import { memoryData, ORGANIZATION } from '../reports/helpers';

const calendar = new BusinessCalendar();

function setup(senders: readonly DeliverySender[], emails = ['johosei@example.lg.jp', 'kacho@example.lg.jp']) {
  const reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-delivery-'));
  const clock = new FakeClock(jst('2026-06-01 09:00'));
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
  const delivery = new ReportDelivery({
    senders,
    settings: { emails, teams: true, formats: ['xlsx', 'pdf'] },
    consoleUrl: 'https://kotae.example.lg.jp/console/reports',
    folderOf: (r) => service.folderOf(r.kind, r.period),
  });
  const jobs = new InMemoryJobRunStore();
  const scheduler = new ReportScheduler({
    clock,
    calendar,
    store,
    generate: (k, p) => service.generate(k, p),
    runner: new JobRunner({ store: jobs, clock, maxAttempts: 3, sleep: async () => undefined }),
    deliver: async (k, p) => delivery.deliver(await service.get(k, p)),
  });
  return { reportsDir, store, jobs, scheduler };
}

describe('scheduled delivery of generated reports', () => {
  it('e-mails the xlsx and pdf to the configured recipients over SMTP with the exact subject', async function () {
    this.timeout(60_000);
    const smtp = await startLoopbackSmtp();
    const sender = new SmtpEmailSender({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      requireTls: false,
      from: 'kotae@example.lg.jp',
    });
    const posted: string[] = [];
    const teams: DeliverySender = {
      channel: 'teams',
      send: async (m) => void posted.push(`${m.recipient}|${m.subject}`),
    };
    const { reportsDir, scheduler, jobs } = setup([sender, teams]);
    try {
      assert.deepEqual(await scheduler.tick(), [{ kind: 'monthly', period: '2026-05' }]);
      await scheduler.deliveriesSettled();
      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0].to, ['johosei@example.lg.jp', 'kacho@example.lg.jp']);
      const mail = decodeMail(smtp.received[0].raw);
      assert.equal(mail.subject, '【Kotae】ヘルプデスク運用月次報告書 令和8年5月（2026年5月）');
      assert.match(smtp.received[0].raw, /filename\*?=?.*monthly-2026-05\.xlsx/);
      assert.match(smtp.received[0].raw, /filename\*?=?.*monthly-2026-05\.pdf/);
      assert.doesNotMatch(smtp.received[0].raw, /monthly-2026-05-summary\.csv"/);
      const xlsx = fs.readFileSync(path.join(reportsDir, 'monthly-2026-05', 'monthly-2026-05.xlsx'));
      assert.ok(
        smtp.received[0].raw.replace(/\r?\n/g, '').includes(xlsx.toString('base64').slice(0, 200)),
        'the xlsx bytes arrive',
      );
      assert.deepEqual(posted, ['operators-channel|【Kotae】ヘルプデスク運用月次報告書 令和8年5月（2026年5月）']);
      assert.deepEqual(
        jobs.runs.map((r) => [r.job, r.status]),
        [
          ['report-monthly', 'succeeded'],
          ['report-delivery', 'succeeded'],
        ],
      );
    } finally {
      sender.close();
      await smtp.close();
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('retries a refused delivery, lists every failed attempt, and keeps the generated report', async function () {
    this.timeout(60_000);
    const smtp = await startLoopbackSmtp({ refuse: true });
    const sender = new SmtpEmailSender({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      requireTls: false,
      from: 'kotae@example.lg.jp',
    });
    const { reportsDir, scheduler, jobs, store } = setup([sender]);
    try {
      assert.deepEqual(await scheduler.tick(), [{ kind: 'monthly', period: '2026-05' }]);
      assert.ok(await store.get('monthly', '2026-05'), 'generation is not held up by the delivery');
      await scheduler.deliveriesSettled();
      assert.deepEqual(
        jobs.runs.map((r) => [r.job, r.status, r.attempt]),
        [
          ['report-monthly', 'succeeded', 1],
          ['report-delivery', 'failed', 1],
          ['report-delivery', 'failed', 2],
          ['report-delivery', 'failed', 3],
        ],
      );
      assert.match(jobs.runs[3].error ?? '', /mailbox unavailable|554/);
    } finally {
      sender.close();
      await smtp.close();
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });
});
