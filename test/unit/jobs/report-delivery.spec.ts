import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import {
  InMemoryDeliveryProgress,
  modelRows,
  ReportDelivery,
  ReportService,
  type DeliverySender,
} from '../../../reports';
import { decodeMail } from '../../fakes/loopback-smtp';
import { jst } from '../reports/fixture';
import { memoryData, ORGANIZATION } from '../reports/helpers';
import { calendar, delivered, loopbackMail, recordingSender, setup } from './report-delivery-fixture';

describe('scheduled delivery of generated reports', () => {
  it('e-mails the xlsx and pdf to the configured recipients over SMTP with the exact subject', async function () {
    this.timeout(60_000);
    const mail = await loopbackMail();
    const { smtp, sender } = mail;
    const posted: string[] = [];
    const teams: DeliverySender = {
      channel: 'teams',
      send: async (m) => void posted.push(`${m.recipient}|${m.subject}`),
    };
    const { reportsDir, scheduler, jobs, audit, store } = setup([sender, teams]);
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
      // One export per channel: the files by e-mail (how many addresses, never which), the link in Teams.
      const rows = modelRows((await store.get('monthly', '2026-05'))!.model);
      assert.ok(rows > 0);
      assert.deepEqual(audit.entries, [
        delivered('monthly', '2026-05', { format: 'xlsx+pdf', rows, channel: 'email', recipients: 2 }),
        delivered('monthly', '2026-05', { format: 'link', rows: 0, channel: 'teams', recipients: 1 }),
      ]);
    } finally {
      await mail.close();
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('retries a refused delivery, lists every failed attempt, and keeps the generated report', async function () {
    this.timeout(60_000);
    const mail = await loopbackMail({ refuse: true });
    const { sender } = mail;
    const { reportsDir, scheduler, jobs, store, audit } = setup([sender]);
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
      assert.deepEqual(audit.entries, [], 'nothing left the system');
      // Failed all its attempts: the next check does not deliver it again.
      assert.deepEqual(await scheduler.tick(), []);
      await scheduler.deliveriesSettled();
      assert.equal(jobs.runs.length, 4);
    } finally {
      await mail.close();
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('sends and audits each channel once when a retry follows a refused Teams post', async () => {
    const email = recordingSender('email');
    const teams = recordingSender('teams', 1);
    const { reportsDir, scheduler, jobs, audit, store } = setup(
      [email.sender, teams.sender],
      ['johosei@example.lg.jp'],
    );
    try {
      assert.deepEqual(await scheduler.tick(), [{ kind: 'monthly', period: '2026-05' }]);
      await scheduler.deliveriesSettled();
      const subject = '【Kotae】ヘルプデスク運用月次報告書 令和8年5月（2026年5月）';
      assert.deepEqual(email.sent, [`johosei@example.lg.jp|${subject}|monthly-2026-05.xlsx,monthly-2026-05.pdf`]);
      assert.deepEqual(teams.sent, [`operators-channel|${subject}|`]);
      assert.deepEqual(
        jobs.runs.map((r) => [r.job, r.status, r.attempt]),
        [
          ['report-monthly', 'succeeded', 1],
          ['report-delivery', 'failed', 1],
          ['report-delivery', 'succeeded', 2],
        ],
      );
      const rows = modelRows((await store.get('monthly', '2026-05'))!.model);
      assert.deepEqual(audit.entries, [
        delivered('monthly', '2026-05', { format: 'xlsx+pdf', rows, channel: 'email', recipients: 1 }),
        delivered('monthly', '2026-05', { format: 'link', rows: 0, channel: 'teams', recipients: 1 }),
      ]);
    } finally {
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('writes a delivery’s audit row on the retry without sending the e-mail again', async () => {
    const email = recordingSender('email');
    const { reportsDir, scheduler, jobs, audit, progress } = setup([email.sender]);
    audit.failNext = 1;
    try {
      await scheduler.tick();
      await scheduler.deliveriesSettled();
      assert.equal(email.sent.length, 1);
      assert.deepEqual(
        jobs.runs.filter((r) => r.job === 'report-delivery').map((r) => [r.status, r.attempt]),
        [
          ['failed', 1],
          ['succeeded', 2],
        ],
      );
      assert.deepEqual(
        audit.entries.map((e) => [e.action, e.detail?.channel, e.detail?.recipients]),
        [['export.report', 'email', 2]],
      );
      assert.deepEqual(
        progress.all().map((r) => [r.channel, r.attempts, Boolean(r.sentAt), Boolean(r.auditedAt), r.lastError]),
        [['email', 2, true, true, 'database is locked']],
      );
    } finally {
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('stores on the retry the mark of a mail whose mark could not be stored, without mailing again', async () => {
    const email = recordingSender('email');
    const { reportsDir, scheduler, jobs, audit, progress } = setup([email.sender]);
    const markSent = progress.markSent.bind(progress);
    let failMarks = 1;
    progress.markSent = async (...args) => {
      if (failMarks-- > 0) throw new Error('database is locked');
      return markSent(...args);
    };
    try {
      await scheduler.tick();
      await scheduler.deliveriesSettled();
      assert.equal(email.sent.length, 1);
      assert.deepEqual(
        jobs.runs.filter((r) => r.job === 'report-delivery').map((r) => [r.status, r.attempt]),
        [
          ['failed', 1],
          ['succeeded', 2],
        ],
      );
      assert.deepEqual(
        audit.entries.map((e) => [e.detail?.channel, e.detail?.format, e.detail?.recipients]),
        [['email', 'xlsx+pdf', 2]],
      );
    } finally {
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('delivers a report generated again on every channel, after an earlier generation’s delivery failed', async () => {
    const email = recordingSender('email');
    const teams = recordingSender('teams', 1);
    const { reportsDir, audit, store } = setup([]);
    const progress = new InMemoryDeliveryProgress();
    const service = new ReportService({
      data: memoryData(),
      store,
      reportsDir,
      calendar,
      slaPolicy: DEFAULT_SLA_POLICY,
      organization: ORGANIZATION,
      clock: new FakeClock(jst('2026-06-01 09:00')),
    });
    const delivery = new ReportDelivery({
      senders: [email.sender, teams.sender],
      settings: { emails: ['johosei@example.lg.jp'], teams: true, formats: ['pdf'] },
      consoleUrl: 'https://kotae.example.lg.jp/console/reports',
      folderOf: (r) => service.folderOf(r.kind, r.period),
      progress,
      clock: new FakeClock(jst('2026-06-01 09:00')),
      audit,
    });
    try {
      const first = await service.generate('monthly', '2026-05');
      await assert.rejects(delivery.deliver(first), /teams refused/);
      const again = { ...first, generatedAt: new Date(first.generatedAt.getTime() + 60_000) };
      await delivery.deliver(again);
      assert.deepEqual([email.sent.length, teams.sent.length], [2, 1]);
      // The first generation's rows are gone: its e-mail sent and audited (pruned), its Teams post never sent.
      assert.deepEqual(
        progress.all().map((r) => [r.generatedAt.getTime() - first.generatedAt.getTime(), r.channel]),
        [
          [60_000, 'email'],
          [60_000, 'teams'],
        ],
      );
      assert.deepEqual(
        audit.entries.map((e) => [e.detail?.channel, e.detail?.format]),
        [
          ['email', 'pdf'],
          ['email', 'pdf'],
          ['teams', 'link'],
        ],
      );
    } finally {
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('audits an earlier generation’s mail sent but not audited when generated again, then prunes its row', async () => {
    const email = recordingSender('email');
    const { reportsDir, audit, progress, service, delivery } = setup([email.sender], ['johosei@example.lg.jp']);
    try {
      const first = await service.generate('monthly', '2026-05');
      audit.failNext = 2;
      await assert.rejects(delivery.deliver(first), /database is locked/);
      const again = { ...first, generatedAt: new Date(first.generatedAt.getTime() + 60_000) };
      assert.deepEqual(
        progress.all().map((r) => [r.channel, Boolean(r.sentAt), Boolean(r.auditedAt)]),
        [['email', true, false]],
      );
      await assert.rejects(delivery.deliver(again), /database is locked/);
      // Still to audit: kept, with the new generation's row beside it.
      assert.deepEqual(
        progress.all().map((r) => [r.generatedAt.getTime() - first.generatedAt.getTime(), Boolean(r.auditedAt)]),
        [
          [0, false],
          [60_000, false],
        ],
      );
      assert.equal(audit.failNext, 0);
      await delivery.deliver(again);
      assert.equal(email.sent.length, 2);
      assert.deepEqual(
        audit.entries.map((e) => e.action),
        ['export.report', 'export.report'],
      );
      assert.deepEqual(
        progress.all().map((r) => [r.generatedAt.getTime() - first.generatedAt.getTime(), r.channel, !!r.auditedAt]),
        [[60_000, 'email', true]],
      );
    } finally {
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });
});
