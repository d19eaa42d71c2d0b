/** Records of operator notifications. */

/** What operators can be told about. */
export const NOTIFY_EVENTS = [
  'ticket_created',
  'requester_replied',
  'assigned',
  'sla_at_risk',
  'sla_breached',
  'job_failed',
  'backup_missing',
  'channel_down',
  'malware_detected',
  'audit_checkpoint_failed',
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** How: e-mail to each operator who chose it, or a post in the operators' Teams channel. */
export const NOTIFY_CHANNELS = ['email', 'teams'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** Something that happened at the desk, to be told to the operators who want it. */
export interface DeskEvent {
  event: NotifyEvent;
  /** Identifies the occurrence: the same key is notified once (across instances). */
  key: string;
  subject: string;
  body: string;
  /** The console page it is about. */
  link?: string;
  /** For `assigned`: only this operator (username) is e-mailed. */
  onlyFor?: string;
  /**
   * An alert's identity (job name, condition, detection source): the same event and alertKey raised again
   * within KOTAE_ALERT_REPEAT_MINUTES of the last sent one is held back. Absent: never held back.
   */
  alertKey?: string;
}

/** One message to send: to an e-mail address, or to the operators' channel. */
export interface OutgoingMessage {
  recipient: string;
  subject: string;
  body: string;
  link?: string;
  /** Files attached to an e-mail (scheduled report delivery); never stored in the outbox. */
  attachments?: { filename: string; path: string }[];
  /**
   * The e-mail's Message-ID (`<…@…>`), the same for every send of one message (a report's delivery): a copy sent
   * again after an instance stopped between the SMTP server's acceptance and the sent mark is the same message to
   * the recipients' mail systems. Without it, nodemailer makes a new one per send.
   */
  messageId?: string;
}

/** Delivery state of a notification. */
export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** A stored notification (one recipient, one channel). */
export interface NotificationRecord extends OutgoingMessage {
  id: string;
  event: NotifyEvent;
  channel: NotifyChannel;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  createdAt: Date;
  sentAt?: Date;
}

/** A new notification row. */
export type NewNotification = OutgoingMessage & { event: NotifyEvent; channel: NotifyChannel; dedupeKey: string };

/** An operator's notification choices: the address and `${event}` names chosen for e-mail. */
export interface NotificationSetting {
  username: string;
  email?: string;
  events: NotifyEvent[];
}
