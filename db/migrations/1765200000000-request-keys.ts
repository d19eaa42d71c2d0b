import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

const TYPES = {
  sqlite: { text: (n: number) => `varchar(${n})`, long: 'text', date: 'datetime' },
  postgres: { text: (n: number) => `varchar(${n})`, long: 'text', date: 'timestamp(3)' },
  mssql: { text: (n: number) => `nvarchar(${n})`, long: 'nvarchar(MAX)', date: 'datetime2' },
} as const;

/**
 * Keyed POSTs of the web chat and the console forms (issue 17): a key (hashed with its scope and owner)
 * is claimed once on every instance by the primary key; the first request's response is stored with it
 * and a retried request gets that response instead of writing again.
 */
export class RequestKeys1765200000000 implements MigrationInterface {
  name = 'RequestKeys1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.text(64)} PRIMARY KEY NOT NULL` : `${t.text(64)} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_request_key" PRIMARY KEY ("requestKey")`;
    await queryRunner.query(
      `CREATE TABLE "request_key" ("requestKey" ${key}, "scope" ${t.text(32)} NOT NULL, ` +
        `"fingerprint" ${t.text(64)} NOT NULL, "response" ${t.long} NULL, "claimedAt" ${t.date} NOT NULL${pk})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_request_key_claimedAt" ON "request_key" ("claimedAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "request_key"`);
  }
}
