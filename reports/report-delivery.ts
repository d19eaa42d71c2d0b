/**
 * Scheduled delivery of a generated report: its files by e-mail (attachments) to configured
 * recipients, and a post with the console link in the operators' Teams channel. The senders are
 * the notifier's (notify/: SMTP and the Teams channel), seen here through a structural port.
 * Each channel that took the report is audited once as an export (`export.report`, actor `system`,
 * with the channel and the number of recipients); a retry after a failure sends and audits only the
 * channels not done yet.
 */
import path from 'node:path';
import type { AuditTrail } from '../core';
import { DELIVERY_TEXT as D } from './labels';
import { exportEntry, modelRows, type ExportFacts } from './report-exports';
import type { StoredReport } from './report-store';

/** A message with optional file attachments (the shape of notify's OutgoingMessage). */
export interface DeliveryMessage {
  recipient: string;
  subject: string;
  body: string;
  link?: string;
  attachments?: { filename: string; path: string }[];
}

/** One channel that can send it (notify's SmtpEmailSender or TeamsChannelSender). */
export interface DeliverySender {
  readonly channel: 'email' | 'teams';
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

type Channel = DeliverySender['channel'];

/** What a delivery of one generated report has done so far (kept between the runner's attempts). */
interface Progress {
  sent: Set<Channel>;
  audited: Set<Channel>;
}

/** Deliveries whose progress is remembered (those that failed for good are dropped oldest first). */
const REMEMBERED = 100;

/** The export facts of a message that carries no file: the subject and the console link only. */
const LINK_ONLY = { format: 'link', rows: 0 } as const;

/** Sends a stored report's files; throws when a channel refused (the caller retries). */
export class ReportDelivery {
  private readonly progress = new Map<string, Progress>();

  constructor(
    private readonly deps: {
      senders: readonly DeliverySender[];
      settings: ReportDeliverySettings;
      /** `https://…/console/reports`. */
      consoleUrl: string;
      /** The folder of a report's files (ReportService.folderOf). */
      folderOf: (report: StoredReport) => string;
      /** Issue 11: each channel a report left by is audited as an export. */
      audit?: Pick<AuditTrail, 'record'>;
    },
  ) {}

  /** Whether anything is configured to receive reports. */
  get enabled(): boolean {
    const { emails, teams } = this.deps.settings;
    return (emails.length > 0 && this.sender('email') !== undefined) || (teams && this.sender('teams') !== undefined);
  }

  private sender(channel: 'email' | 'teams'): DeliverySender | undefined {
    return this.deps.senders.find((s) => s.channel === channel);
  }

  /** The subject of a report's delivery, e.g. 【Kotae】ヘルプデスク運用月次報告書 令和8年5月（2026年5月） */
  static subject(report: StoredReport): string {
    return D.subject(report.model.title, report.model.period.label);
  }

  /**
   * Sends the report on every configured channel and audits each channel once. Called again for the
   * same generated report (the runner's retry), it skips the channels that already took it, so a
   * refused Teams post does not send the e-mail twice.
   */
  async deliver(report: StoredReport): Promise<void> {
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
    const progress = this.progressOf(report);
    const { emails } = this.deps.settings;
    const email = this.sender('email');
    if (email && emails.length > 0) {
      const dir = this.deps.folderOf(report);
      const attachments = files.map((f) => ({ filename: f, path: path.join(dir, f) }));
      const message = { recipient: emails.join(', '), subject, body, link, attachments };
      const facts = files.length
        ? { format: files.map((f) => path.extname(f).slice(1)).join('+'), rows: modelRows(report.model) }
        : LINK_ONLY;
      await this.once(progress, report, email, message, { ...facts, recipients: emails.length });
    }
    const teams = this.sender('teams');
    if (teams && this.deps.settings.teams) {
      // Only the subject and the console link go to the channel: audited as a link, no rows.
      const message = { recipient: TEAMS_RECIPIENT, subject, body, link };
      await this.once(progress, report, teams, message, { ...LINK_ONLY, recipients: 1 });
    }
    this.progress.delete(ReportDelivery.keyOf(report));
  }

  /** Sends on one channel unless done, then audits it unless done (an audit failure retries the audit only). */
  private async once(
    progress: Progress,
    report: StoredReport,
    sender: DeliverySender,
    message: DeliveryMessage,
    facts: Pick<ExportFacts, 'format' | 'rows' | 'recipients'>,
  ): Promise<void> {
    const { channel } = sender;
    if (!progress.sent.has(channel)) {
      await sender.send(message);
      progress.sent.add(channel);
    }
    if (progress.audited.has(channel)) return;
    await this.deps.audit?.record(
      exportEntry({ actor: 'system' }, { report: report.kind, period: report.period, ...facts, channel }),
    );
    progress.audited.add(channel);
  }

  /** One generation of a report: a report generated again is delivered again. */
  private static keyOf(report: StoredReport): string {
    return `${report.kind}/${report.period}/${report.generatedAt.toISOString()}`;
  }

  private progressOf(report: StoredReport): Progress {
    const key = ReportDelivery.keyOf(report);
    let progress = this.progress.get(key);
    if (!progress) {
      progress = { sent: new Set(), audited: new Set() };
      this.progress.set(key, progress);
      for (const old of this.progress.keys()) {
        if (this.progress.size <= REMEMBERED) break;
        this.progress.delete(old);
      }
    }
    return progress;
  }
}
