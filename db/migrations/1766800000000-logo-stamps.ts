import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { text: (n: number) => `varchar(${n})`, long: 'text', date: 'datetime' },
  postgres: { text: (n: number) => `varchar(${n})`, long: 'text', date: 'timestamp(3)' },
  mssql: { text: (n: number) => `nvarchar(${n})`, long: 'nvarchar(MAX)', date: 'datetime2' },
} as const;

/**
 * LoGoチャット's open stamps in the database (session 36): the select and yes/no stamps Kotae posted, each
 * conversation's current reply (its generation makes older stamps stale) and numbered list, and the "send the
 * details" step of an escalation, shared by the instances so an answer is understood after a restart, a
 * take-over or on another relay instance. Rows expire after 7 days (`expiresAt`, swept on write).
 */
export class LogoStamps1766800000000 implements MigrationInterface {
  name = 'LogoStamps1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.text(250)} PRIMARY KEY NOT NULL` : `${t.text(250)} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_logo_stamp" PRIMARY KEY ("id")`;
    await queryRunner.query(
      `CREATE TABLE "logo_stamp" ("id" ${key}, "kind" ${t.text(16)} NOT NULL, "conversationId" ${t.text(64)} NULL, ` +
        `"generation" ${t.text(36)} NOT NULL, "payload" ${t.long} NULL, "answeredAt" ${t.date} NULL, ` +
        `"createdAt" ${t.date} NOT NULL, "expiresAt" ${t.date} NOT NULL${pk})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_logo_stamp_expiresAt" ON "logo_stamp" ("expiresAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "logo_stamp"`);
  }
}
