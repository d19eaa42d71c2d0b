/**
 * Tells operators what happened: `publish` writes one outbox row per recipient and channel (an event
 * key is notified once, also across instances) and never throws — the action that triggered it is
 * never affected; `flush` sends due rows, retrying a failed one with a growing delay until
 * `maxAttempts`, after which it is listed as failed.
 */
import type { Clock } from '../core';
import type { Logger } from '../core';
import { NOTIFY_MESSAGES } from './messages';
import type { AlertRepeatStore, NotificationSender, NotificationSettings, NotificationStore } from './ports';
import type { DeskEvent, NewNotification, NotificationRecord, NotifyChannel, NotifyEvent } from './types';
import { worksTickets, type OperatorRole } from '../tickets';

/** An account that may receive e-mail (operators and admins do; staff and auditors work no tickets). */
export interface NotifiableOperator {
  username: string;
  disabled: boolean;
  role: OperatorRole;
}

/** What NotificationService needs. */
export interface NotificationServiceDeps {
  store: NotificationStore;
  settings: NotificationSettings;
  senders: readonly NotificationSender[];
  operators: () => Promise<NotifiableOperator[]>;
  clock: Clock;
  logger: Logger;
  /** Events posted to the operators' Teams channel (when a Teams sender is configured). */
  channelEvents?: readonly NotifyEvent[];
  /** Attempts before a notification is failed for good (default 5). */
  maxAttempts?: number;
  /** Wait before attempt n+1 (default 30 s × 2^(n-1)). */
  retryDelayMs?: (attempt: number) => number;
  /**
   * Holds back an alert (an event with `alertKey`) raised again within `windowMinutes` of the last sent one
   * (KOTAE_ALERT_REPEAT_MINUTES); absent or 0: every alert is sent.
   */
  repeats?: { store: AlertRepeatStore; windowMinutes: number };
  /**
   * Starts sending right after a publish (default true). A `kotae` command sets false: it only records the
   * rows, and the running server's outbox timer sends them (the command has no Teams channel to post with).
   */
  sendOnPublish?: boolean;
}

/** How long a claimed notification is left to the instance sending it. */
const CLAIM_MS = 5 * 60_000;

/** The recipient name of the operators' channel. */
export const OPERATORS_CHANNEL = 'operators-channel';

/** Publishes desk events as notifications and delivers them. */
export class NotificationService {
  private flushing?: Promise<void>;
  private readonly maxAttempts: number;

  constructor(private readonly deps: NotificationServiceDeps) {
    this.maxAttempts = Math.max(1, deps.maxAttempts ?? 5);
  }

  /**
   * Records the notifications of `event` and starts sending them; errors are logged, never thrown.
   * Resolves false when the rows could not be recorded (true also when nobody wants the event).
   */
  async publish(event: DeskEvent): Promise<boolean> {
    try {
      const passed = await this.passRepeats(event);
      if (!passed) return true;
      const rows = await this.rowsFor(passed);
      const added = rows.length > 0 ? await this.deps.store.enqueue(rows, this.deps.clock.now()) : 0;
      if (added > 0 && this.deps.sendOnPublish !== false) this.kick();
      return true;
    } catch (err) {
      this.deps.logger.warn('notification not recorded', { event: event.event, key: event.key, error: message(err) });
      return false;
    }
  }

  /** The event to send (with the count of repeats held back before it), or undefined when it is held back. */
  private async passRepeats(e: DeskEvent): Promise<DeskEvent | undefined> {
    const repeats = this.deps.repeats;
    if (!e.alertKey || !repeats || repeats.windowMinutes <= 0) return e;
    const alert = { event: e.event, alertKey: e.alertKey, key: e.key };
    const decision = await repeats.store.pass(alert, this.deps.clock.now(), repeats.windowMinutes * 60_000);
    if (!decision.send) {
      this.deps.logger.info('alert held back (repeated within the window)', alert);
      return undefined;
    }
    if (decision.heldBefore === 0) return e;
    const note = NOTIFY_MESSAGES.heldBack(decision.heldBefore, repeats.windowMinutes);
    return { ...e, body: `${e.body}\n\n${note}` };
  }

  private async rowsFor(e: DeskEvent): Promise<NewNotification[]> {
    const rows: NewNotification[] = [];
    const base = { event: e.event, subject: e.subject, body: e.body, link: e.link };
    const has = (c: NotifyChannel) => this.deps.senders.some((s) => s.channel === c);
    if (has('teams') && (this.deps.channelEvents ?? []).includes(e.event))
      rows.push({ ...base, channel: 'teams', recipient: OPERATORS_CHANNEL, dedupeKey: `${e.key}|teams` });
    if (has('email')) {
      const active = new Set(
        (await this.deps.operators()).filter((o) => !o.disabled && worksTickets(o)).map((o) => o.username),
      );
      for (const s of await this.deps.settings.list()) {
        if (!s.email || !active.has(s.username) || !s.events.includes(e.event)) continue;
        if (e.onlyFor && e.onlyFor !== s.username) continue;
        rows.push({ ...base, channel: 'email', recipient: s.email, dedupeKey: `${e.key}|email|${s.username}` });
      }
    }
    return rows;
  }

  /** Starts a flush in the background unless one is running. */
  kick(): void {
    void this.flush();
  }

  /** Sends every due notification (one flush at a time per instance). */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    try {
      for (const row of await this.deps.store.due(this.deps.clock.now(), 100)) await this.deliver(row);
    } catch (err) {
      this.deps.logger.warn('notification flush failed', { error: message(err) });
    }
  }

  private async deliver(row: NotificationRecord): Promise<void> {
    const sender = this.deps.senders.find((s) => s.channel === row.channel);
    const now = this.deps.clock.now();
    // Another instance flushing at the same moment got it: sent once, not once per instance.
    if (!(await this.deps.store.claim(row.id, now, new Date(now.getTime() + CLAIM_MS)))) return;
    try {
      if (!sender) throw new Error(`no ${row.channel} sender configured`);
      await sender.send(row);
      await this.deps.store.markSent(row.id, this.deps.clock.now());
    } catch (err) {
      const attempt = row.attempts + 1;
      const delay = (this.deps.retryDelayMs ?? ((n) => 30_000 * 2 ** (n - 1)))(attempt);
      const retryAt = attempt < this.maxAttempts ? new Date(this.deps.clock.now().getTime() + delay) : undefined;
      await this.deps.store.markFailed(row.id, message(err).slice(0, 2000), retryAt);
      this.deps.logger.warn('notification not sent', { id: row.id, channel: row.channel, attempt, final: !retryAt });
    }
  }

  /** Notifications that failed (for good or waiting for a retry), newest first. */
  troubled(limit = 50): Promise<NotificationRecord[]> {
    return this.deps.store.troubled(limit);
  }

  /** The settings store (settings page). */
  get settings(): NotificationSettings {
    return this.deps.settings;
  }

  /** Whether e-mail is configured. */
  get emailEnabled(): boolean {
    return this.deps.senders.some((s) => s.channel === 'email');
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
