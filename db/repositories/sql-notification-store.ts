/** The notification outbox and the operators' notification settings on TypeORM. */
import { randomUUID } from 'node:crypto';
import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import {
  NOTIFY_EVENTS,
  type NewNotification,
  type NotificationRecord,
  type NotificationSetting,
  type NotificationSettings,
  type NotificationStatus,
  type NotificationStore,
  type NotifyChannel,
  type NotifyEvent,
} from '../../notify';
import type { NotificationRow, NotificationSettingRow } from '../schema';
import { runDb } from '../run-db';
import { isUniqueViolation } from './atomic-sql';

function toRecord(r: NotificationRow): NotificationRecord {
  return {
    id: r.id,
    event: r.event as NotifyEvent,
    channel: r.channel as NotifyChannel,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    link: r.link ?? undefined,
    status: r.status as NotificationStatus,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    lastError: r.lastError ?? undefined,
    createdAt: r.createdAt,
    sentAt: r.sentAt ?? undefined,
  };
}

/** SQL implementation of NotificationStore. */
export class SqlNotificationStore implements NotificationStore {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository<NotificationRow>('notification');
  }

  async enqueue(rows: readonly NewNotification[], at: Date): Promise<number> {
    let added = 0;
    for (const n of rows) {
      const row: NotificationRow = {
        id: randomUUID(),
        event: n.event,
        channel: n.channel,
        recipient: n.recipient.slice(0, 400),
        subject: n.subject.slice(0, 400),
        body: n.body,
        link: n.link?.slice(0, 400) ?? null,
        dedupeKey: n.dedupeKey.slice(0, 200),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        lastError: null,
        createdAt: at,
        sentAt: null,
      };
      try {
        await runDb(this.ds, () => this.repo.insert(row));
        added += 1;
      } catch (err) {
        // Already notified (this instance or another): the unique dedupeKey says so.
        if (!isUniqueViolation(err instanceof KotaeError && err.cause ? err.cause : err)) throw err;
      }
    }
    return added;
  }

  async due(now: Date, limit: number): Promise<NotificationRecord[]> {
    const rows = await runDb(this.ds, () =>
      this.repo.find({
        where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: 'ASC' },
        take: limit,
      }),
    );
    return rows.map(toRecord);
  }

  claim(id: string, now: Date, until: Date): Promise<boolean> {
    return runDb(this.ds, async () => {
      const result = await this.repo.update(
        { id, status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
        { nextAttemptAt: until },
      );
      return result.affected === 1;
    });
  }

  async markSent(id: string, at: Date): Promise<void> {
    await runDb(this.ds, () => this.repo.update({ id }, { status: 'sent', sentAt: at, lastError: null }));
  }

  async markFailed(id: string, error: string, retryAt: Date | undefined): Promise<void> {
    await runDb(this.ds, async () => {
      const row = await this.repo.findOneBy({ id });
      if (!row) return;
      await this.repo.update(
        { id },
        {
          attempts: row.attempts + 1,
          lastError: error,
          status: retryAt ? 'pending' : 'failed',
          nextAttemptAt: retryAt ?? row.nextAttemptAt,
        },
      );
    });
  }

  async troubled(limit: number): Promise<NotificationRecord[]> {
    const rows = await runDb(this.ds, () =>
      this.repo
        .createQueryBuilder('n')
        .where('n.status = :failed OR (n.status = :pending AND n.attempts > 0)', {
          failed: 'failed',
          pending: 'pending',
        })
        .orderBy('n.createdAt', 'DESC')
        .take(limit)
        .getMany(),
    );
    return rows.map(toRecord);
  }
}

const EVENTS = new Set<string>(NOTIFY_EVENTS);

/** SQL implementation of NotificationSettings. */
export class SqlNotificationSettings implements NotificationSettings {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository<NotificationSettingRow>('notification_setting');
  }

  private static toSetting(r: NotificationSettingRow): NotificationSetting {
    const parsed: unknown = JSON.parse(r.choices);
    const events = Array.isArray(parsed) ? parsed.filter((e): e is NotifyEvent => EVENTS.has(String(e))) : [];
    return { username: r.username, email: r.email ?? undefined, events };
  }

  async get(username: string): Promise<NotificationSetting | undefined> {
    const row = await runDb(this.ds, () => this.repo.findOneBy({ username }));
    return row ? SqlNotificationSettings.toSetting(row) : undefined;
  }

  async list(): Promise<NotificationSetting[]> {
    const rows = await runDb(this.ds, () => this.repo.find({ order: { username: 'ASC' } }));
    return rows.map((r) => SqlNotificationSettings.toSetting(r));
  }

  async save(s: NotificationSetting, at: Date): Promise<void> {
    const row: NotificationSettingRow = {
      username: s.username,
      email: s.email ?? null,
      choices: JSON.stringify(s.events),
      updatedAt: at,
    };
    await runDb(this.ds, async () => {
      const exists = await this.repo.countBy({ username: In([s.username]) });
      if (exists) await this.repo.update({ username: s.username }, row);
      else await this.repo.insert(row);
    });
  }
}
