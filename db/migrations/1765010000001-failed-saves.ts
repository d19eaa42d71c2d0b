import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

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
 * Post/redirect/get for failed ticket saves (issue 14 point 5): what the operator typed and the error,
 * per console session and ticket, kept a few minutes in the database so any instance can show it once.
 */
export class FailedSaves1765010000001 implements MigrationInterface {
  name = 'FailedSaves1765010000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_failed_save" PRIMARY KEY ("id")`;
    await queryRunner.query(
      `CREATE TABLE "failed_save" ("id" ${key}, "sessionId" ${t.text(128)} NOT NULL, "ticketId" ${t.id} NOT NULL, ` +
        `"form" ${t.text(16)} NOT NULL, "fields" ${t.long} NOT NULL, "error" ${t.long} NOT NULL, ` +
        `"status" ${t.int} NOT NULL, "expiresAt" ${t.date} NOT NULL${pk})`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IX_failed_save_sessionId_ticketId" ON "failed_save" ("sessionId", "ticketId")`,
    );
    await queryRunner.query(`CREATE INDEX "IX_failed_save_expiresAt" ON "failed_save" ("expiresAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "failed_save"`);
  }
}
