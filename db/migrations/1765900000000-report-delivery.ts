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
 * The scheduled delivery of a report remembers its progress in the database (session 32): one row per
 * channel of a report generation — sent (with what was sent), audited, attempts, last error — so a retry on
 * any instance sends only the channels not sent yet, and an instance that stopped between a sent mail and
 * its audit row leaves the delivery to another instance instead of losing the row.
 */
export class ReportDelivery1765900000000 implements MigrationInterface {
  name = 'ReportDelivery1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_report_delivery" PRIMARY KEY ("id")`;
    await queryRunner.query(
      `CREATE TABLE "report_delivery" ("id" ${key}, "kind" ${t.text(16)} NOT NULL, ` +
        `"period" ${t.text(16)} NOT NULL, "generatedAt" ${t.date} NOT NULL, "channel" ${t.text(16)} NOT NULL, ` +
        `"attempts" ${t.int} NOT NULL, "sentAt" ${t.date} NULL, "auditedAt" ${t.date} NULL, ` +
        `"detail" ${t.long} NULL, "lastError" ${t.long} NULL${pk})`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IX_report_delivery_kind_period_generatedAt_channel" ` +
        `ON "report_delivery" ("kind", "period", "generatedAt", "channel")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_delivery"`);
  }
}
