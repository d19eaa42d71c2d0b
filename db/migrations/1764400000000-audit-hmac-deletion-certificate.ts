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
 * Issue 11 (audit, retention): `audit_log.alg` names how a row is chained ('hmac-sha256' for rows
 * keyed with the audit key; NULL for the plain SHA-256 rows written before), and
 * `deletion_certificate` keeps one 消去証明 per retention run.
 */
export class AuditHmacDeletionCertificate1764400000000 implements MigrationInterface {
  name = 'AuditHmacDeletionCertificate1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE "audit_log" ${add} "alg" ${t.text(16)} NULL`);
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_deletion_certificate" PRIMARY KEY ("id")`;
    await queryRunner.query(
      `CREATE TABLE "deletion_certificate" ("id" ${key}, "createdAt" ${t.date} NOT NULL, ` +
        `"performedBy" ${t.text(100)} NOT NULL, "medium" ${t.text(200)} NOT NULL, "method" ${t.long} NOT NULL, ` +
        `"items" ${t.long} NOT NULL, "settings" ${t.long} NOT NULL, "total" ${t.int} NOT NULL${pk})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_deletion_certificate_createdAt" ON "deletion_certificate" ("createdAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "deletion_certificate"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "alg"`);
  }
}
