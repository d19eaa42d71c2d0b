import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { id: 'varchar(36)', by: 'varchar(100)', date: 'datetime' },
  postgres: { id: 'varchar(36)', by: 'varchar(100)', date: 'timestamp(3)' },
  mssql: { id: 'nvarchar(36)', by: 'nvarchar(100)', date: 'datetime2' },
} as const;

/** 未回答の質問 marked 対応済み in the console (issue 15 point 5). */
export class QuestionGaps1764900200000 implements MigrationInterface {
  name = 'QuestionGaps1764900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.id} PRIMARY KEY NOT NULL` : `${t.id} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_question_gap_closed" PRIMARY KEY ("questionId")`;
    await queryRunner.query(
      `CREATE TABLE "question_gap_closed" ("questionId" ${key}, "closedAt" ${t.date} NOT NULL, ` +
        `"closedBy" ${t.by} NOT NULL${pk})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "question_gap_closed"`);
  }
}
