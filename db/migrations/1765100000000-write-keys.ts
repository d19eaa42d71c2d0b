import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

const TYPES = {
  sqlite: { id: 'varchar(36)', text: (n: number) => `varchar(${n})`, date: 'datetime' },
  postgres: { id: 'varchar(36)', text: (n: number) => `varchar(${n})`, date: 'timestamp(3)' },
  mssql: { id: 'nvarchar(36)', text: (n: number) => `nvarchar(${n})`, date: 'datetime2' },
} as const;

/**
 * One-time keys of console writes (issue 17 point 5): a reply or note carries the key its form was
 * rendered with; the primary key lets one instance write it once, and a POST retried by a proxy or a
 * browser after a crash answers with the comment written first instead of writing it again.
 */
export class WriteKeys1765100000000 implements MigrationInterface {
  name = 'WriteKeys1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.text(64)} PRIMARY KEY NOT NULL` : `${t.text(64)} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_write_key" PRIMARY KEY ("writeKey")`;
    await queryRunner.query(
      `CREATE TABLE "write_key" ("writeKey" ${key}, "scope" ${t.text(32)} NOT NULL, "actor" ${t.text(100)} NOT NULL, ` +
        `"ticketId" ${t.id} NOT NULL, "commentId" ${t.id} NOT NULL, "fingerprint" ${t.text(64)} NOT NULL, ` +
        `"createdAt" ${t.date} NOT NULL${pk})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_write_key_createdAt" ON "write_key" ("createdAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "write_key"`);
  }
}
