/** E-mail through an SMTP server (nodemailer): host, port, TLS, optional auth, from. */
import type { Transporter } from 'nodemailer';
import type { NotificationSender } from './ports';
import type { NotifyChannel, OutgoingMessage } from './types';

/** SMTP settings (app/config.ts `smtp`). */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send without STARTTLS. */
  requireTls: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Give up on an unresponsive server after this long. */
  timeoutMs?: number;
}

/** NotificationSender for e-mail. */
export class SmtpEmailSender implements NotificationSender {
  readonly channel: NotifyChannel = 'email';
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    const timeout = settings.timeoutMs ?? 15_000;
    // Loaded only when SMTP is configured (start-up time, issue 17).
    const nodemailer = require('nodemailer') as typeof import('nodemailer');
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls,
      auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(m: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.from,
      to: m.recipient,
      subject: m.subject,
      text: m.body,
      attachments: m.attachments?.map((a) => ({ filename: a.filename, path: a.path })),
      ...(m.messageId ? { messageId: m.messageId } : {}),
    });
  }

  /** Closes pooled connections. */
  close(): void {
    this.transport.close();
  }
}
