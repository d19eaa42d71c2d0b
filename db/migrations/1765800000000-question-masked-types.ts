import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'varchar(200)', postgres: 'varchar(200)', mssql: 'nvarchar(200)' } as const;

/**
 * The personal-data types masked in a question (`question.maskedTypes`, comma-separated: `my_number,phone`), so a
 * reloaded web chat shows its answer below the same 「※ 個人情報と思われる内容（…）は記録せずに伏せ字にしました。…」 notice
 * the live answer had. Older rows have none (NULL): the masked text alone cannot tell a mask from the same
 * characters typed by the requester.
 */
export class QuestionMaskedTypes1765800000000 implements MigrationInterface {
  name = 'QuestionMaskedTypes1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('question')} ${add} ${q('maskedTypes')} ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('question')} DROP COLUMN ${q('maskedTypes')}`);
  }
}
