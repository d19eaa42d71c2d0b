import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

const TYPES = {
  sqlite: { id: 'varchar(36)', name: 'varchar(100)', long: 'text', date: 'datetime' },
  postgres: { id: 'varchar(36)', name: 'varchar(100)', long: 'text', date: 'timestamp(3)' },
  mssql: { id: 'nvarchar(36)', name: 'nvarchar(100)', long: 'nvarchar(MAX)', date: 'datetime2' },
} as const;

/** Canned replies (issue 14 point 5): テンプレート with placeholders, managed by admins. */
export class ReplyTemplates1764700000003 implements MigrationInterface {
  name = 'ReplyTemplates1764700000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_reply_template" PRIMARY KEY ("id")`;
    await queryRunner.query(
      `CREATE TABLE "reply_template" ("id" ${key}, "name" ${t.name} NOT NULL, "body" ${t.long} NOT NULL, ` +
        `"updatedAt" ${t.date} NOT NULL${pk})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reply_template"`);
  }
}
