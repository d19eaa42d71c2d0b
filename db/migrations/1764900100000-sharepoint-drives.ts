import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { key: 'varchar(400)', id: 'varchar(200)', long: 'text', date: 'datetime' },
  postgres: { key: 'varchar(400)', id: 'varchar(200)', long: 'text', date: 'timestamp(3)' },
  mssql: { key: 'nvarchar(400)', id: 'nvarchar(200)', long: 'nvarchar(MAX)', date: 'datetime2' },
} as const;

/**
 * SharePoint libraries synced through Microsoft Graph (issue 15 point 1): per configured library its
 * drive id, the `@odata.deltaLink` to continue from, and the last sync's time and result.
 */
export class SharePointDrives1764900100000 implements MigrationInterface {
  name = 'SharePointDrives1764900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.key} PRIMARY KEY NOT NULL` : `${t.key} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_sharepoint_drive" PRIMARY KEY ("libraryKey")`;
    await queryRunner.query(
      `CREATE TABLE "sharepoint_drive" ("libraryKey" ${key}, "driveId" ${t.id} NULL, "deltaLink" ${t.long} NULL, ` +
        `"syncedAt" ${t.date} NULL, "result" ${t.long} NULL${pk})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sharepoint_drive"`);
  }
}
