/**
 * Scheduled delivery of a generated report: its files by e-mail (attachments) to configured
 * recipients, and a post with the console link in the operators' Teams channel. The senders are
 * the notifier's (notify/: SMTP and the Teams channel), seen here through a structural port.
 */
import path from 'node:path';
import { DELIVERY_TEXT as D } from './labels';
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

/** Sends a stored report's files; throws when a channel refused (the caller retries). */
export class ReportDelivery {
  constructor(
    private readonly deps: {
      senders: readonly DeliverySender[];
      settings: ReportDeliverySettings;
      /** `https://…/console/reports`. */
      consoleUrl: string;
      /** The folder of a report's files (ReportService.folderOf). */
      folderOf: (report: StoredReport) => string;
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

  /** Sends the report on every configured channel. */
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
    const email = this.sender('email');
    if (email && this.deps.settings.emails.length > 0) {
      const dir = this.deps.folderOf(report);
      await email.send({
        recipient: this.deps.settings.emails.join(', '),
        subject,
        body,
        link,
        attachments: files.map((f) => ({ filename: f, path: path.join(dir, f) })),
      });
    }
    const teams = this.sender('teams');
    if (teams && this.deps.settings.teams) await teams.send({ recipient: TEAMS_RECIPIENT, subject, body, link });
  }
}
