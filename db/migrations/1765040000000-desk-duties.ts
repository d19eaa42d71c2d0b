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
 * The desk's duties (issue 16 points 4–6): on the ticket, when 復旧作業開始 was recorded, when the
 * incident report became complete and the 機密性3 mark; the 機密性3 roster; the fiscal-year switch's
 * imports and their account tasks.
 */
export class DeskDuties1765040000000 implements MigrationInterface {
  name = 'DeskDuties1765040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE "ticket" ${add} "restorationStartedAt" ${t.date} NULL`);
    await queryRunner.query(`ALTER TABLE "ticket" ${add} "incidentReportAt" ${t.date} NULL`);
    await queryRunner.query(`ALTER TABLE "ticket" ${add} "confidentiality" ${t.text(8)} NULL`);
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = (table: string) => (d === 'sqlite' ? '' : `, CONSTRAINT "PK_${table}" PRIMARY KEY ("id")`);
    await queryRunner.query(
      `CREATE TABLE "confidential_roster" ("id" ${key}, "username" ${t.text(100)} NOT NULL, ` +
        `"validFrom" ${t.date} NOT NULL, "validTo" ${t.date} NOT NULL, "approver" ${t.text(200)} NOT NULL, ` +
        `"note" ${t.text(400)}, "createdAt" ${t.date} NOT NULL, "createdBy" ${t.text(100)} NOT NULL, ` +
        `"revokedAt" ${t.date}, "revokedBy" ${t.text(100)}${pk('confidential_roster')})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_confidential_roster_username" ON "confidential_roster" ("username")`);
    await queryRunner.query(
      `CREATE TABLE "fy_switch_batch" ("id" ${key}, "fiscalYear" ${t.int} NOT NULL, "fileName" ${t.text(400)} NOT NULL, ` +
        `"rowCount" ${t.int} NOT NULL, "createdAt" ${t.date} NOT NULL, "createdBy" ${t.text(100)} NOT NULL${pk('fy_switch_batch')})`,
    );
    await queryRunner.query(
      `CREATE TABLE "fy_switch_task" ("id" ${key}, "batchId" ${t.id} NOT NULL, "ticketId" ${t.id} NOT NULL, ` +
        `"action" ${t.text(16)} NOT NULL, "system" ${t.text(200)} NOT NULL, "department" ${t.text(200)} NOT NULL, ` +
        `"staff" ${t.long} NOT NULL${pk('fy_switch_task')})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_fy_switch_task_batchId" ON "fy_switch_task" ("batchId")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "fy_switch_task"`);
    await queryRunner.query(`DROP TABLE "fy_switch_batch"`);
    await queryRunner.query(`DROP TABLE "confidential_roster"`);
    for (const column of ['confidentiality', 'incidentReportAt', 'restorationStartedAt']) {
      await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "${column}"`);
    }
  }
}
