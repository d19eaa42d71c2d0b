/**
 * Port: how far the scheduled delivery of each generated report got, per channel, kept where every
 * instance sees it (table `report_delivery`), so a retry on any instance sends only the channels not
 * sent yet, writes a missing audit row without sending again, and a delivery left unfinished by a
 * stopped instance is found and finished by another.
 */
import type { ReportKind } from './labels';

/** The channels a report is delivered on. */
export type DeliveryChannel = 'email' | 'teams';

/** One generation of a report: a report generated again is delivered again. */
export interface DeliveryGeneration {
  kind: ReportKind;
  period: string;
  generatedAt: Date;
}

/** What one channel took: the facts its `export.report` audit entry carries. */
export interface SentFacts {
  /** The attached formats (`xlsx+pdf`), or `link`. */
  format: string;
  rows: number;
  recipients: number;
}

/**
 * Who began an attempt: the scheduler (the runner's round, the next business day's round) or an
 * administrator's 再送. Only scheduled attempts use up the automatic rounds.
 */
export type DeliveryAttempt = 'scheduled' | 'manual';

/** One channel of one generation's delivery. */
export interface ChannelProgress extends DeliveryGeneration {
  channel: DeliveryChannel;
  /** Scheduled attempts that found this channel unfinished (counted when an attempt begins). */
  attempts: number;
  /** Manual resends (再送) that found this channel unfinished; not counted in `attempts`. */
  manualAttempts: number;
  /** When the channel took the report (set once). */
  sentAt?: Date;
  /** What it took (set with sentAt). */
  facts?: SentFacts;
  /** When its audit row was written (set once, in the audit row's transaction). */
  auditedAt?: Date;
  lastError?: string;
}

/** A report whose delivery is unfinished. */
export interface UnfinishedDelivery {
  kind: ReportKind;
  period: string;
}

/** The delivery progress shared by every instance of one database. */
export interface DeliveryProgress {
  /**
   * Begins an attempt at delivering `generation` on `channels`: adds the channels' missing rows, drops
   * the report's rows never sent that this attempt will not send (an earlier generation's, or a channel
   * no longer configured) and earlier generations' rows sent and audited (as `prune`), counts one attempt of
   * kind `by` (default scheduled) on each unfinished row of the report, and returns them (this generation's,
   * and earlier generations' sent but not audited), in channel order.
   */
  begin(
    generation: DeliveryGeneration,
    channels: readonly DeliveryChannel[],
    by?: DeliveryAttempt,
  ): Promise<ChannelProgress[]>;
  /**
   * Records that `generation` is to be delivered on `channels` (their missing rows, no attempt counted), so
   * the report is unfinished — and delivered by the next scheduler check on any instance — even when the
   * instance that generated it stops before its delivery begins. Joins the caller's open transaction: written
   * with the generation it follows or not at all.
   */
  plan(generation: DeliveryGeneration, channels: readonly DeliveryChannel[]): Promise<void>;
  /** Records that `channel` took the generation; false when it was recorded already (the first one stays). */
  markSent(generation: DeliveryGeneration, channel: DeliveryChannel, facts: SentFacts, at: Date): Promise<boolean>;
  /**
   * Marks the channel audited unless it is; true when this call did. Joins the caller's open transaction,
   * so the audit row written beside it commits with the mark or not at all (and is never written twice).
   */
  markAudited(generation: DeliveryGeneration, channel: DeliveryChannel, at: Date): Promise<boolean>;
  /** Notes why the last attempt on `channel` failed. */
  noteError(generation: DeliveryGeneration, channel: DeliveryChannel, error: string): Promise<void>;
  /** Reports with an unaudited channel that has had fewer than `maxAttempts` scheduled attempts, oldest first. */
  unfinished(maxAttempts: number): Promise<UnfinishedDelivery[]>;
  /**
   * Deletes the report's rows of generations earlier than `generation` that were sent and audited (nothing
   * left to do; the audit log keeps what was sent); a row still to send or to audit stays. Returns how many.
   */
  prune(generation: DeliveryGeneration): Promise<number>;
  /** Every row of a report (each generation's channels), by generation, then channel. */
  ofReport(report: UnfinishedDelivery): Promise<ChannelProgress[]>;
}

/** Channel order of a delivery: the files by e-mail first, then the post in Teams. */
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['email', 'teams'];
