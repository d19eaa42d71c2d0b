/**
 * What the console shows of a generated report's delivery, per configured channel: sent (when),
 * not sent yet, or failed (attempts and a kind of reason — never the internal error text), and the
 * port through which the console asks for it and for a manual resend (再送).
 */
import type { ChannelProgress, DeliveryChannel } from './delivery-progress';
import type { StoredReport } from './report-store';

/** Why a channel's last attempt failed, as the console names it. */
export type DeliveryFailure = 'unreachable' | 'refused' | 'database' | 'other';

/** One configured channel of the report's current generation. */
export type ChannelDeliveryStatus =
  | { channel: DeliveryChannel; state: 'sent'; sentAt: Date }
  | { channel: DeliveryChannel; state: 'pending' }
  | {
      channel: DeliveryChannel;
      state: 'failed';
      /** Every attempt: scheduled and manual (再送) together. */
      attempts: number;
      reason: DeliveryFailure;
    };

/** What a manual resend did. */
export type RedeliveryOutcome =
  | { result: 'sent'; channels: DeliveryChannel[] }
  | { result: 'failed'; channel: DeliveryChannel; reason: DeliveryFailure }
  | { result: 'busy' }
  | { result: 'nothing' };

/** The console's port to the delivery (absent: delivery is not configured). */
export interface ReportDeliveryDesk {
  /** The delivery of the report's current generation, per configured channel. */
  status(report: StoredReport): Promise<ChannelDeliveryStatus[]>;
  /** Delivers the report now on the channels not sent yet (an administrator's 再送), audited as `actor`. */
  redeliver(report: StoredReport, actor: string): Promise<RedeliveryOutcome>;
}

/** Classifies a stored internal error message (SMTP, HTTP, database) into a reason the console can name. */
export function deliveryFailure(lastError: string | undefined): DeliveryFailure {
  const text = lastError ?? '';
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN|timeout|Greeting never received/i.test(text))
    return 'unreachable';
  if (/SQLITE|database|locked|deadlock|DB_/i.test(text)) return 'database';
  if (/\b[45]\d\d\b|refused|rejected|denied/i.test(text)) return 'refused';
  return 'other';
}

/**
 * The status of each configured channel for the report's current generation: a row sent is sent; a row
 * with attempts and no send failed (its attempts: scheduled and manual together); no row, or one never
 * attempted, is pending.
 */
export function channelStatuses(
  channels: readonly DeliveryChannel[],
  rows: readonly ChannelProgress[],
  generatedAt: Date,
): ChannelDeliveryStatus[] {
  return channels.map((channel): ChannelDeliveryStatus => {
    const row = rows.find((r) => r.channel === channel && r.generatedAt.getTime() === generatedAt.getTime());
    if (row?.sentAt) return { channel, state: 'sent', sentAt: row.sentAt };
    const attempts = row ? row.attempts + row.manualAttempts : 0;
    if (!row || attempts === 0 || !row.lastError) return { channel, state: 'pending' };
    return { channel, state: 'failed', attempts, reason: deliveryFailure(row.lastError) };
  });
}
