import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { text: (n: number) => `varchar(${n})`, long: 'text', date: 'datetime' },
  postgres: { text: (n: number) => `varchar(${n})`, long: 'text', date: 'timestamp(3)' },
  mssql: { text: (n: number) => `nvarchar(${n})`, long: 'nvarchar(MAX)', date: 'datetime2' },
} as const;

/**
 * Operational alerts (issue 11): `alert_state` holds each alert condition's open incident (since NULL:
 * none), changed by conditional updates so that several instances open, notify and close it once.
 */
export class AlertState1765000000000 implements MigrationInterface {
  name = 'AlertState1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.text(64)} PRIMARY KEY NOT NULL` : `${t.text(64)} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_alert_state" PRIMARY KEY ("name")`;
    await queryRunner.query(
      `CREATE TABLE "alert_state" ("name" ${key}, "since" ${t.date} NULL, "detail" ${t.long} NULL, ` +
        `"notifiedAt" ${t.date} NULL, "updatedAt" ${t.date} NOT NULL${pk})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "alert_state"`);
  }
}
