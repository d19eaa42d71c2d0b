/** Wiring of reports: the service, the scheduler and its job runner. */
import type { AuditTrail } from '../core';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { QuestionGrouper } from '../reports';
import type { BusinessCalendar, SlaPolicy } from '../calendar';
import type { SlaTargets } from '../tickets';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { SqlReportData } from '../db';
import { SqlReportStore } from '../db';
import { SqlJobRunStore } from '../db';
import { SqlReportDeliveries } from '../db';
import {
  ReportDelivery,
  ReportService,
  type DeliverySender,
  type MaskText,
  type ReportKind,
  type ReportDeliveryDesk,
  type ReportDeliverySettings,
  type ReportSectionSource,
} from '../reports';
import { JobRunner, ReportScheduler, SchedulerDeliveryDesk, type LeaseGuard } from '../jobs';

/** Builds the report service and (not started) scheduler. */
export function wireReports(d: {
  ds: DataSource;
  dataDir: string;
  organization: string;
  calendar: BusinessCalendar;
  slaPolicy: SlaPolicy;
  /** SLA targets per ticket type (issue 16). */
  slaTargets?: SlaTargets;
  clock: Clock;
  logger: Logger;
  leases?: LeaseGuard;
  /** Told when a scheduled job failed for good (operator notification). */
  onJobFailed?: (job: string, error: string) => void;
  /** Groups variants of one question in the top lists (issue 15). */
  groupQuestions?: QuestionGrouper;
  /** Modules that add tables to every report (issue 16: registers, planned work, roster). */
  sections?: readonly ReportSectionSource[];
  /** Masks personal data in the conversation-log export (the app's masker). */
  maskText?: MaskText;
  /** Scheduled delivery: the notifier's senders, the recipients, the console's reports URL. */
  delivery?: { senders: readonly DeliverySender[]; settings: ReportDeliverySettings; consoleUrl: string };
  /** Issue 11: report generation, edits, finalisation and downloads audited. */
  audit?: AuditTrail;
}) {
  const store = new SqlReportStore(d.ds);
  const runner = new JobRunner({
    store: new SqlJobRunStore(d.ds),
    clock: d.clock,
    logger: d.logger,
    onFailed: (job, error) => d.onJobFailed?.(job, `${error.code}: ${error.message}`),
  });
  const progress = new SqlReportDeliveries(d.ds);
  // The delivery, the scheduler and the console's delivery desk reach the service through closures only
  // (called after it is built below): the service shows the desk's status and runs its 再送.
  const delivery: ReportDelivery | undefined = d.delivery
    ? new ReportDelivery({
        ...d.delivery,
        folderOf: (r): string => service.folderOf(r.kind, r.period),
        progress,
        clock: d.clock,
        audit: d.audit,
      })
    : undefined;
  const deliver = delivery?.enabled
    ? async (kind: ReportKind, period: string) => delivery.deliver(await service.get(kind, period))
    : undefined;
  const scheduler = new ReportScheduler({
    clock: d.clock,
    calendar: d.calendar,
    store,
    // The delivery to come is recorded with the generation, so a stop before it begins loses nothing.
    generate: (kind, period) =>
      service.generate(
        kind,
        period,
        'system',
        deliver && delivery ? (saved) => progress.plan(saved, delivery.channels) : undefined,
      ),
    runner,
    logger: d.logger,
    leases: d.leases,
    deliver,
    unfinishedDeliveries: (maxAttempts) => progress.unfinished(maxAttempts),
    deliveryRows: (report) => progress.ofReport(report),
  });
  const deliveries: ReportDeliveryDesk | undefined =
    delivery?.enabled === true
      ? new SchedulerDeliveryDesk({ delivery, progress, scheduler, audit: d.audit, logger: d.logger })
      : undefined;
  const service: ReportService = new ReportService({
    data: new SqlReportData(d.ds),
    store,
    reportsDir: path.join(d.dataDir, 'reports'),
    calendar: d.calendar,
    slaPolicy: d.slaPolicy,
    slaTargets: d.slaTargets,
    organization: d.organization,
    clock: d.clock,
    logger: d.logger,
    groupQuestions: d.groupQuestions,
    sections: d.sections,
    maskText: d.maskText,
    audit: d.audit,
    deliveries,
  });
  return { service, store, scheduler, runner, delivery };
}
