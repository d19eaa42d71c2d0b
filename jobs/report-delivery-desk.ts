/**
 * The console's view of the scheduled delivery: each report's channels (sent, pending, failed) and an
 * administrator's 再送, which runs the same ReportDelivery for the channels not sent, under the report's
 * delivery lease (two clicks or two instances send once). The request is audited as `report.redeliver`
 * (who, which channels); each channel that takes the report writes its own `export.report`. A 再送 is a
 * manual attempt: it does not use up the scheduler's automatic rounds (deliveryRoundDue).
 */
import type { AuditTrail, Logger } from '../core';
import { toKotaeError } from '../core';
import {
  channelStatuses,
  deliveryFailure,
  type ChannelDeliveryStatus,
  type DeliveryProgress,
  type RedeliveryOutcome,
  type ReportDelivery,
  type ReportDeliveryDesk,
  type StoredReport,
} from '../reports';
import { DELIVERY_BUSY, type ReportScheduler } from './report-scheduler';

/** ReportDeliveryDesk over the delivery, its progress rows and the scheduler's per-report exclusion. */
export class SchedulerDeliveryDesk implements ReportDeliveryDesk {
  constructor(
    private readonly deps: {
      delivery: Pick<ReportDelivery, 'channels' | 'deliver'>;
      progress: Pick<DeliveryProgress, 'ofReport'>;
      scheduler: Pick<ReportScheduler, 'exclusively'>;
      audit?: Pick<AuditTrail, 'record'>;
      logger?: Logger;
    },
  ) {}

  async status(report: StoredReport): Promise<ChannelDeliveryStatus[]> {
    const rows = await this.deps.progress.ofReport(report);
    return channelStatuses(this.deps.delivery.channels, rows, report.generatedAt);
  }

  async redeliver(report: StoredReport, actor: string): Promise<RedeliveryOutcome> {
    const { scheduler, delivery, audit, logger } = this.deps;
    const due = { kind: report.kind, period: report.period };
    const outcome = await scheduler.exclusively(due, async (): Promise<RedeliveryOutcome> => {
      const open = (await this.status(report)).filter((s) => s.state !== 'sent').map((s) => s.channel);
      if (open.length === 0) return { result: 'nothing' };
      await audit?.record({
        actor,
        action: 'report.redeliver',
        target: `${report.kind}-${report.period}`,
        detail: { report: report.kind, period: report.period, channels: open.join('+') },
      });
      try {
        await delivery.deliver(report, 'manual');
        return { result: 'sent', channels: open };
      } catch (err) {
        logger?.warn('report redelivery failed', { ...due, error: toKotaeError(err).message });
        const failed = (await this.status(report)).find((s) => s.state !== 'sent');
        const channel = failed?.channel ?? open[0]!;
        return {
          result: 'failed',
          channel,
          reason: failed?.state === 'failed' ? failed.reason : deliveryFailure(undefined),
        };
      }
    });
    return outcome === DELIVERY_BUSY ? { result: 'busy' } : outcome;
  }
}
