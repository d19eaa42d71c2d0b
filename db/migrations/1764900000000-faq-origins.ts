import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { origin: 'varchar(16)', key: 'varchar(200)', id: 'varchar(32)' },
  postgres: { origin: 'varchar(16)', key: 'varchar(200)', id: 'varchar(32)' },
  mssql: { origin: 'nvarchar(16)', key: 'nvarchar(200)', id: 'nvarchar(32)' },
} as const;

/**
 * Every FAQ editable in the console (issue 15 point 2): where an entry came from (`origin`: console,
 * ticket, file, sharepoint), the indexed FAQ an entry overrides (`sourceKey`, the FAQ id of a file
 * or SharePoint sheet) and the published entry a draft will replace when approved (`replacesId`).
 */
export class FaqOrigins1764900000000 implements MigrationInterface {
  name = 'FaqOrigins1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE "faq_entry" ${add} "origin" ${t.origin} NULL`);
    await queryRunner.query(`ALTER TABLE "faq_entry" ${add} "sourceKey" ${t.key} NULL`);
    await queryRunner.query(`ALTER TABLE "faq_entry" ${add} "replacesId" ${t.id} NULL`);
    await queryRunner.query(`CREATE INDEX "IX_faq_entry_sourceKey" ON "faq_entry" ("sourceKey")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    await queryRunner.query(
      d === 'mssql' ? `DROP INDEX "IX_faq_entry_sourceKey" ON "faq_entry"` : `DROP INDEX "IX_faq_entry_sourceKey"`,
    );
    for (const column of ['replacesId', 'sourceKey', 'origin']) {
      await queryRunner.query(`ALTER TABLE "faq_entry" DROP COLUMN "${column}"`);
    }
  }
}
