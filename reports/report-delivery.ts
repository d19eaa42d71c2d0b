/**
 * Scheduled delivery of a generated report: its files by e-mail (attachments) to configured
 * recipients, and a post with the console link in the operators' Teams channel. The senders are
 * the notifier's (notify/: SMTP and the Teams channel), seen here through a structural port.
 * Each channel that took the report is audited once as an export (`export.report`, actor `system`,
 * with the channel and the number of recipients). How far a delivery got is stored per channel
 * (DeliveryProgress, table `report_delivery`): the mark that a channel took the report is stored right
 * after the send, the audit row in one transaction with the mark that it was audited. So a retry on any
 * instance sends only the channels not sent yet and writes a missing audit row without sending again.
 */
import path from 'node:path';
import type { AuditTrail, Clock } from '../core';
import { KotaeError, toKotaeError } from '../core';
import type {
  ChannelProgress,
  DeliveryAttempt,
  DeliveryChannel,
  DeliveryGeneration,
  DeliveryProgress,
  SentFacts,
} from './delivery-progress';
import { DELIVERY_TEXT as D } from './labels';
import { exportEntry, modelRows } from './report-exports';
import type { StoredReport } from './report-store';

/** A message with optional file attachments (the shape of notify's OutgoingMessage). */
export interface DeliveryMessage {
  recipient: string;
  subject: string;
  body: string;
  link?: string;
  attachments?: { filename: string; path: string }[];
  /** The e-mail's Message-ID: one per report generation, so a mail sent twice is the same message. */
  messageId?: string;
}

/** One channel that can send it (notify's SmtpEmailSender or TeamsChannelSender). */
export interface DeliverySender {
  readonly channel: DeliveryChannel;
  send(message: DeliveryMessage): Promise<void>;
}

/** Who gets the reports and which files. */
export interface ReportDeliverySettings {
  /** E-mail recipients (the files attached); none: no e-mail. */
  emails: readonly string[];
  /** Post in the operators' Teams channel. */
  teams: boolean;
  /** File extensions attached, e.g. ['xlsx', 'pdf']. */
  formats: readonly string[];
}

/** The recipient name of the operators' Teams channel (notify's OPERATORS_CHANNEL). */
const TEAMS_RECIPIENT = 'operators-channel';

/** The export facts of a message that carries no file: the subject and the console link only. */
const LINK_ONLY = { format: 'link', rows: 0 } as const;

/** What one channel is to send in this attempt. */
interface Outgoing {
  sender: DeliverySender;
  message: DeliveryMessage;
  facts: SentFacts;
}

const keyOf = (g: DeliveryGeneration, channel: DeliveryChannel) =>
  `${g.kind}/${g.period}/${g.generatedAt.toISOString()}/${channel}`;

/** Sends a stored report's files; throws when a channel refused (the caller retries). */
export class ReportDelivery {
  /**
   * Channels this instance sent whose mark could not be stored (the database failed right after the
   * send): the next attempt here stores the mark instead of sending again.
   */
  private readonly sentUnmarked = new Map<string, SentFacts>();

  constructor(
    private readonly deps: {
      senders: readonly DeliverySender[];
      settings: ReportDeliverySettings;
      /** `https://…/console/reports`. */
      consoleUrl: string;
      /** The folder of a report's files (ReportService.folderOf). */
      folderOf: (report: StoredReport) => string;
      /** What every instance knows of each delivery's channels. */
      progress: DeliveryProgress;
      clock: Clock;
      /** Issue 11: each channel a report left by is audited as an export, with the mark that it was. */
      audit?: Pick<AuditTrail, 'atomically'>;
    },
  ) {}

  /** Whether anything is configured to receive reports. */
  get enabled(): boolean {
    const { emails, teams } = this.deps.settings;
    return (emails.length > 0 && this.sender('email') !== undefined) || (teams && this.sender('teams') !== undefined);
  }

  /** The configured channels that can send, in channel order. */
  get channels(): DeliveryChannel[] {
    const { emails, teams } = this.deps.settings;
    const out: DeliveryChannel[] = [];
    if (emails.length > 0 && this.sender('email')) out.push('email');
    if (teams && this.sender('teams')) out.push('teams');
    return out;
  }

  private sender(channel: DeliveryChannel): DeliverySender | undefined {
    return this.deps.senders.find((s) => s.channel === channel);
  }

  /**
   * The Message-ID of a report generation's mail, e.g. `<kotae-report.monthly.2026-05.1780275600000@kotae.example.lg.jp>`
   * (the console's host name; `kotae.invalid` without one): every send of that generation — a retry, another
   * instance's after a stop between the SMTP server's acceptance and the sent mark, a 再送 — carries the same one.
   */
  static messageId(report: StoredReport, consoleUrl: string): string {
    let host = 'kotae.invalid';
    try {
      host = new URL(consoleUrl).hostname || host;
    } catch {
      // A console URL that is no URL: the fallback host.
    }
    return `<kotae-report.${report.kind}.${report.period}.${report.generatedAt.getTime()}@${host}>`;
  }

  /** The subject of a report's delivery, e.g. 【Kotae】ヘルプデスク運用月次報告書 令和8年5月（2026年5月） */
  static subject(report: StoredReport): string {
    return D.subject(report.model.title, report.model.period.label);
  }

  /**
   * Sends the report on every configured channel not sent yet and audits each channel once; an earlier
   * generation's channel that was sent but not audited is audited too. Called again for the same
   * generated report (the runner's retry, or another instance after this one stopped), it skips the
   * channels that took it already, so a refused Teams post does not send the e-mail twice. `by`: who
   * began the attempt (an administrator's 再送 is counted apart and leaves the automatic rounds alone).
   * Earlier generations' rows, once sent and audited, are pruned (at the start, and after this attempt
   * audited one).
   */
  async deliver(report: StoredReport, by: DeliveryAttempt = 'scheduled'): Promise<void> {
    const generation = { kind: report.kind, period: report.period, generatedAt: report.generatedAt };
    const outgoing = this.outgoing(report);
    const { progress } = this.deps;
    const open = await progress.begin(generation, [...outgoing.keys()], by);
    const current = (row: ChannelProgress) => row.generatedAt.getTime() === report.generatedAt.getTime();
    for (const row of open) await this.finish(row, current(row) ? outgoing.get(row.channel) : undefined);
    if (!open.every(current)) await progress.prune(generation);
  }

  /** The configured channels' messages, in channel order. */
  private outgoing(report: StoredReport): Map<DeliveryChannel, Outgoing> {
    const link = `${this.deps.consoleUrl}/${encodeURIComponent(report.kind)}/${encodeURIComponent(report.period)}`;
    const files = report.files.filter((f) => this.deps.settings.formats.includes(path.extname(f).slice(1)));
    const subject = ReportDelivery.subject(report);
    const body = [
      subject,
      '',
      D.status(report.status === 'final'),
      ...files.map((f) => `・${f}`),
      '',
      D.open(link),
    ].join('\n');
    const out = new Map<DeliveryChannel, Outgoing>();
    const { emails } = this.deps.settings;
    const email = this.sender('email');
    if (email && emails.length > 0) {
      const dir = this.deps.folderOf(report);
      const attachments = files.map((f) => ({ filename: f, path: path.join(dir, f) }));
      const messageId = ReportDelivery.messageId(report, this.deps.consoleUrl);
      const message = { recipient: emails.join(', '), subject, body, link, attachments, messageId };
      const facts = files.length
        ? { format: files.map((f) => path.extname(f).slice(1)).join('+'), rows: modelRows(report.model) }
        : LINK_ONLY;
      out.set('email', { sender: email, message, facts: { ...facts, recipients: emails.length } });
    }
    const teams = this.sender('teams');
    if (teams && this.deps.settings.teams) {
      // Only the subject and the console link go to the channel: audited as a link, no rows.
      const message = { recipient: TEAMS_RECIPIENT, subject, body, link };
      out.set('teams', { sender: teams, message, facts: { ...LINK_ONLY, recipients: 1 } });
    }
    return out;
  }

  /** Sends one unfinished channel unless it was sent, then audits it (an audit failure retries the audit only). */
  private async finish(row: ChannelProgress, planned: Outgoing | undefined): Promise<void> {
    const { progress, clock } = this.deps;
    let facts = row.facts;
    if (!row.sentAt) {
      // begin() drops the rows never sent that this attempt will not send: a planned message exists.
      if (!planned) throw new KotaeError('INTERNAL', `report delivery ${keyOf(row, row.channel)} has no message`);
      const key = keyOf(row, row.channel);
      facts = this.sentUnmarked.get(key);
      if (!facts) {
        await this.step(row, () => planned.sender.send(planned.message));
        facts = planned.facts;
        this.sentUnmarked.set(key, facts);
      }
      const sentFacts = facts;
      await this.step(row, () => progress.markSent(row, row.channel, sentFacts, clock.now()));
      this.sentUnmarked.delete(key);
    }
    if (!facts) throw new KotaeError('INTERNAL', `report delivery ${keyOf(row, row.channel)} was sent without facts`);
    const entry = exportEntry(
      { actor: 'system' },
      { report: row.kind, period: row.period, ...facts, channel: row.channel },
    );
    const mark = () => progress.markAudited(row, row.channel, clock.now());
    const { audit } = this.deps;
    // The row and the mark commit together; a mark set already (another attempt did it) writes no row.
    await this.step(row, () => (audit ? audit.atomically(mark, (won) => (won ? entry : undefined)) : mark()));
  }

  /** Runs one step of a channel; a failure is noted on the channel's row and thrown (the runner retries). */
  private async step(row: ChannelProgress, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (err) {
      const message = toKotaeError(err).message.slice(0, 2000);
      await this.deps.progress.noteError(row, row.channel, message).catch(() => undefined);
      throw err;
    }
  }
}
