import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'text', postgres: 'text', mssql: 'nvarchar(MAX)' } as const;

/**
 * The candidate questions offered with an answer (`question.choices`, JSON), so a reloaded web chat shows
 * the last answer with its choices again (session 31). Older rows have none (NULL).
 */
export class QuestionChoices1765400000000 implements MigrationInterface {
  name = 'QuestionChoices1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE "question" ${add} "choices" ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "choices"`);
  }
}
