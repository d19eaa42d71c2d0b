import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'varchar(60)', postgres: 'varchar(60)', mssql: 'nvarchar(60)' } as const;

/**
 * What ボットに質問する did to the message on its ticket (`question.takenBack`: `withdrawn:HD-2026-000123` or
 * `kept:HD-…`), so a reloaded web chat shows the answer below the same 「お問い合わせ HD-… への追記を取り消しました。…」
 * notice the live answer had. Older rows have none (NULL): the ticket's withdrawn comment names no question.
 */
export class QuestionTakenBack1766400000000 implements MigrationInterface {
  name = 'QuestionTakenBack1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('question')} ${add} ${q('takenBack')} ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('question')} DROP COLUMN ${q('takenBack')}`);
  }
}
