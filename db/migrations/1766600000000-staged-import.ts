import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { id: 'varchar(36)', text: (n: number) => `varchar(${n})`, date: 'datetime', bytes: 'blob' },
  postgres: { id: 'varchar(36)', text: (n: number) => `varchar(${n})`, date: 'timestamp(3)', bytes: 'bytea' },
  mssql: { id: 'nvarchar(36)', text: (n: number) => `nvarchar(${n})`, date: 'datetime2', bytes: 'varbinary(MAX)' },
} as const;

/**
 * The terminal CSV kept between its preview and the one-click confirmation (session 34): the uploaded bytes
 * for 30 minutes, bound to the preview's token and to the operator who uploaded it, in the database so that
 * any instance behind the load balancer can take the confirmation. Rows are deleted on confirm, on cancel and
 * once expired (swept by every preview).
 */
export class StagedImport1766600000000 implements MigrationInterface {
  name = 'StagedImport1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_staged_import" PRIMARY KEY ("id")`;
    await queryRunner.query(
      `CREATE TABLE "staged_import" ("id" ${key}, "kind" ${t.text(16)} NOT NULL, "token" ${t.text(64)} NOT NULL, ` +
        `"createdBy" ${t.text(100)} NOT NULL, "createdAt" ${t.date} NOT NULL, "expiresAt" ${t.date} NOT NULL, ` +
        `"encoding" ${t.text(16)} NOT NULL, "content" ${t.bytes} NOT NULL${pk})`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_staged_import_createdBy_token" ON "staged_import" ("createdBy", "token")`,
    );
    await queryRunner.query(`CREATE INDEX "IX_staged_import_expiresAt" ON "staged_import" ("expiresAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "staged_import"`);
  }
}
