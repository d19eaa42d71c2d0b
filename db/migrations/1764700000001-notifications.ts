import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { id: 'varchar(36)', text: (n: number) => `varchar(${n})`, long: 'text', date: 'datetime', int: 'integer' },
  postgres: {
    id: 'varchar(36)',
    text: (n: number) => `varchar(${n})`,
    long: 'text',
    date: 'timestamp(3)',
    int: 'integer',
  },
  mssql: {
    id: 'nvarchar(36)',
    text: (n: number) => `nvarchar(${n})`,
    long: 'nvarchar(MAX)',
    date: 'datetime2',
    int: 'int',
  },
} as const;

/**
 * Notifications to operators (issue 14 point 4): `notification` is the outbox (one row per recipient and
 * channel, retried until sent or failed for good; dedupeKey makes an event notify once across instances);
 * `notification_setting` keeps each operator's e-mail address and chosen events.
 */
export class Notifications1764700000001 implements MigrationInterface {
  name = 'Notifications1764700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = (type: string) => (d === 'sqlite' ? `${type} PRIMARY KEY NOT NULL` : `${type} NOT NULL`);
    const pk = (table: string, column: string) =>
      d === 'sqlite' ? '' : `, CONSTRAINT "PK_${table}" PRIMARY KEY ("${column}")`;
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" ${key(t.id)}, "event" ${t.text(32)} NOT NULL, ` +
        `"channel" ${t.text(16)} NOT NULL, "recipient" ${t.text(400)} NOT NULL, "subject" ${t.text(400)} NOT NULL, ` +
        `"body" ${t.long} NOT NULL, "link" ${t.text(400)} NULL, "dedupeKey" ${t.text(200)} NOT NULL, ` +
        `"status" ${t.text(16)} NOT NULL, "attempts" ${t.int} NOT NULL, "nextAttemptAt" ${t.date} NOT NULL, ` +
        `"lastError" ${t.long} NULL, "createdAt" ${t.date} NOT NULL, "sentAt" ${t.date} NULL${pk('notification', 'id')})`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IX_notification_dedupeKey" ON "notification" ("dedupeKey")`);
    await queryRunner.query(
      `CREATE INDEX "IX_notification_status_nextAttemptAt" ON "notification" ("status", "nextAttemptAt")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_setting" ("username" ${key(t.text(100))}, "email" ${t.text(400)} NULL, ` +
        `"choices" ${t.long} NOT NULL, "updatedAt" ${t.date} NOT NULL${pk('notification_setting', 'username')})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_setting"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
