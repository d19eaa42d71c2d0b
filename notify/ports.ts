/** Ports of notifications: a sender per channel, the outbox and the operators' settings. */
import type {
  NewNotification,
  NotificationRecord,
  NotificationSetting,
  NotifyChannel,
  NotifyEvent,
  OutgoingMessage,
} from './types';

/** Sends one message on one channel; throws when it was not accepted. */
export interface NotificationSender {
  readonly channel: NotifyChannel;
  send(message: OutgoingMessage): Promise<void>;
}

/** The notification outbox. */
export interface NotificationStore {
  /** Adds rows; a row whose dedupeKey exists already is skipped. Returns how many were added. */
  enqueue(rows: readonly NewNotification[], at: Date): Promise<number>;
  /** Pending rows due at `now`, oldest first. */
  due(now: Date, limit: number): Promise<NotificationRecord[]>;
  /**
   * Claims a due row for sending until `until` (its next attempt moves there), atomically: true for
   * exactly one of several instances flushing at once.
   */
  claim(id: string, now: Date, until: Date): Promise<boolean>;
  markSent(id: string, at: Date): Promise<void>;
  /** Records a failed attempt: retried at `retryAt`, or failed for good when it is undefined. */
  markFailed(id: string, error: string, retryAt: Date | undefined): Promise<void>;
  /** Rows that failed for good or are waiting for a retry after a failure, newest first. */
  troubled(limit: number): Promise<NotificationRecord[]>;
}

/** Each operator's choices. */
export interface NotificationSettings {
  get(username: string): Promise<NotificationSetting | undefined>;
  list(): Promise<NotificationSetting[]>;
  save(setting: NotificationSetting, at: Date): Promise<void>;
}

/** An open incident of an alert condition (e.g. `backup_missing`, `teams_down`). */
export interface AlertIncident {
  name: string;
  /** When the condition started (the incident's identity in notification keys). */
  since: Date;
  detail: string;
  /** When the down notice was recorded in the outbox. */
  notifiedAt?: Date;
}

/**
 * Shared state of the alert conditions: one row per condition, changed by atomic conditional updates,
 * so with several instances an incident is opened, notified and closed once.
 */
export interface AlertStateStore {
  /** Opens an incident of `name` unless one is open; returns the open incident (this one or the earlier). */
  open(name: string, since: Date, detail: string, now: Date): Promise<AlertIncident>;
  /** The open incident of `name`, if any. */
  current(name: string): Promise<AlertIncident | undefined>;
  /** Records that the down notice of incident `since` was published. */
  markNotified(name: string, since: Date, at: Date): Promise<void>;
  /** Closes incident `since` of `name`; true for the one caller that closed it. */
  close(name: string, since: Date, at: Date): Promise<boolean>;
}

/** What the repeat gate decided for one alert: send it (with how many repeats were held back before it), or hold it. */
export type RepeatDecision = { send: true; heldBefore: number } | { send: false };

/** One alert as the repeat gate sees it. */
export interface RepeatedAlert {
  event: NotifyEvent;
  /** The alert's identity (job name, condition, detection source): repeats are told by event and alertKey. */
  alertKey: string;
  /** The occurrence's notification key: publishing one occurrence again repeats its decision. */
  key: string;
}

/**
 * The repeats of each alert (KOTAE_ALERT_REPEAT_MINUTES), shared by the instances: an alert raised again
 * within the window after it was last sent is held back and counted; the first one after the window is sent
 * with that count. Decided by atomic conditional updates, so two instances never both send a repeat.
 */
export interface AlertRepeatStore {
  pass(alert: RepeatedAlert, now: Date, windowMs: number): Promise<RepeatDecision>;
}
