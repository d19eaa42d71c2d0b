/** Ports of notifications: a sender per channel, the outbox and the operators' settings. */
import type { NewNotification, NotificationRecord, NotificationSetting, NotifyChannel, OutgoingMessage } from './types';

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
