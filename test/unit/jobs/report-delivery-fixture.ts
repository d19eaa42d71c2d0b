/** The scheduled report delivery as its specs set it up: a report service, a scheduler and a delivery on fakes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { InMemoryJobRunStore, JobRunner, ReportScheduler } from '../../../jobs';
import type { AuditEntry } from '../../../core';
import {
  InMemoryDeliveryProgress,
  InMemoryReportStore,
  ReportDelivery,
  ReportService,
  type DeliverySender,
} from '../../../reports';
import { SmtpEmailSender } from '../../../notify';
import { startLoopbackSmtp } from '../../fakes/loopback-smtp';
import { jst } from '../reports/fixture';
import { memoryData, ORGANIZATION } from '../reports/helpers';

export const calendar = new BusinessCalendar();

/**
 * An audit trail that keeps its entries (`failNext` refuses the next transaction before anything of it is
 * stored, as a database that is down).
 */
export function memoryAudit() {
  const entries: AuditEntry[] = [];
  const trail = {
    entries,
    failNext: 0,
    atomically: async <T>(change: () => Promise<T>, entry: (result: T) => AuditEntry | undefined): Promise<T> => {
      if (trail.failNext > 0) {
        trail.failNext -= 1;
        throw new Error('database is locked');
      }
      const result = await change();
      const e = entry(result);
      if (e) entries.push(e);
      return result;
    },
  };
  return trail;
}

export function setup(senders: readonly DeliverySender[], emails = ['johosei@example.lg.jp', 'kacho@example.lg.jp']) {
  const reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-delivery-'));
  const clock = new FakeClock(jst('2026-06-01 09:00'));
  const store = new InMemoryReportStore();
  const audit = memoryAudit();
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
  const deps: ConstructorParameters<typeof ReportDelivery>[0] = {
    senders,
    settings: { emails, teams: true, formats: ['xlsx', 'pdf'] },
    consoleUrl: 'https://kotae.example.lg.jp/console/reports',
    folderOf: (r) => service.folderOf(r.kind, r.period),
    progress,
    clock,
    audit,
  };
  const delivery = new ReportDelivery(deps);
  const jobs = new InMemoryJobRunStore();
  const scheduler = new ReportScheduler({
    clock,
    calendar,
    store,
    generate: (k, p) => service.generate(k, p),
    runner: new JobRunner({ store: jobs, clock, maxAttempts: 3, sleep: async () => undefined }),
    deliver: async (k, p) => delivery.deliver(await service.get(k, p)),
    unfinishedDeliveries: (max) => progress.unfinished(max),
  });
  // Another instance's delivery on the same stores (its own memory of mails sent but not yet marked).
  const another = () => new ReportDelivery(deps);
  return { reportsDir, store, jobs, scheduler, audit, progress, clock, service, delivery, another };
}

/** The audit entry of one channel's delivery. */
export const delivered = (report: string, period: string, facts: Record<string, unknown>): AuditEntry => ({
  actor: 'system',
  action: 'export.report',
  target: `${report}-${period}`,
  detail: { report, period, ...facts },
});

/** A sender that records what it sent and refuses its first `refuse` messages. */
export function recordingSender(channel: 'email' | 'teams', refuse = 0) {
  const sent: string[] = [];
  let refused = 0;
  const sender: DeliverySender = {
    channel,
    send: async (m) => {
      if (refused < refuse) {
        refused += 1;
        throw new Error(`${channel} refused`);
      }
      sent.push(`${m.recipient}|${m.subject}|${(m.attachments ?? []).map((a) => a.filename).join(',')}`);
    },
  };
  return { sender, sent };
}

/** A loopback SMTP server (`refuse`: one that refuses every mail) and the real SMTP sender pointed at it. */
export async function loopbackMail(options: { refuse?: boolean } = {}) {
  const smtp = await startLoopbackSmtp(options);
  const sender = new SmtpEmailSender({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    requireTls: false,
    from: 'kotae@example.lg.jp',
  });
  return {
    smtp,
    sender,
    close: async () => {
      sender.close();
      await smtp.close();
    },
  };
}
