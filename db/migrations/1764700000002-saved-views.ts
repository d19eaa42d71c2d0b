import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

const TYPES = {
  sqlite: { id: 'varchar(36)', text: (n: number) => `varchar(${n})`, date: 'datetime' },
  postgres: { id: 'varchar(36)', text: (n: number) => `varchar(${n})`, date: 'timestamp(3)' },
  mssql: { id: 'nvarchar(36)', text: (n: number) => `nvarchar(${n})`, date: 'datetime2' },
} as const;

/** Saved queue views per operator (issue 14 point 2): a name and the queue's query string. */
export class SavedViews1764700000002 implements MigrationInterface {
  name = 'SavedViews1764700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_saved_view" PRIMARY KEY ("id")`;
    await queryRunner.query(
      `CREATE TABLE "saved_view" ("id" ${key}, "username" ${t.text(100)} NOT NULL, "name" ${t.text(100)} NOT NULL, ` +
        `"query" ${t.text(2000)} NOT NULL, "createdAt" ${t.date} NOT NULL${pk})`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IX_saved_view_username_name" ON "saved_view" ("username", "name")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "saved_view"`);
  }
}
