import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: {
    s64: 'varchar(64)',
    s200: 'varchar(200)',
    s320: 'varchar(320)',
    date: 'datetime',
    int: 'integer',
  },
  postgres: {
    s64: 'varchar(64)',
    s200: 'varchar(200)',
    s320: 'varchar(320)',
    date: 'timestamp(3)',
    int: 'integer',
  },
  mssql: { s64: 'nvarchar(64)', s200: 'nvarchar(200)', s320: 'nvarchar(320)', date: 'datetime2', int: 'int' },
} as const;

/**
 * Identity and rate limits (issue 11 points 5 and 6): `web_session` holds the web chat's Entra ID
 * sign-ins (the SHA-256 of the cookie token and the directory identity); `rate_limit` holds the
 * fixed-window counters every instance increments in SQL.
 */
export class IdentityAndRateLimits1764500000000 implements MigrationInterface {
  name = 'IdentityAndRateLimits1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = (type: string) => (d === 'sqlite' ? `${type} PRIMARY KEY NOT NULL` : `${type} NOT NULL`);
    const pk = (table: string, column: string) =>
      d === 'sqlite' ? '' : `, CONSTRAINT "PK_${table}" PRIMARY KEY ("${column}")`;
    await queryRunner.query(
      `CREATE TABLE "web_session" ("id" ${key(t.s64)}, "subject" ${t.s200} NOT NULL, "name" ${t.s200}, ` +
        `"department" ${t.s200}, "email" ${t.s320}, "createdAt" ${t.date} NOT NULL, ` +
        `"expiresAt" ${t.date} NOT NULL${pk('web_session', 'id')})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_web_session_expiresAt" ON "web_session" ("expiresAt")`);
    await queryRunner.query(
      `CREATE TABLE "rate_limit" ("key" ${key(t.s200)}, "hits" ${t.int} NOT NULL, ` +
        `"expiresAt" ${t.date} NOT NULL${pk('rate_limit', 'key')})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_rate_limit_expiresAt" ON "rate_limit" ("expiresAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
    await queryRunner.query(`DROP TABLE "web_session"`);
  }
}
