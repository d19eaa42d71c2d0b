import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'datetime', postgres: 'timestamp(3)', mssql: 'datetime2' } as const;

/**
 * A published FAQ can be retired without deleting it (「回答に使わない（非公開にする）」): `faq_entry.hiddenAt` is when it
 * was hidden, and a hidden override of a sheet's FAQ keeps that FAQ id out of the index on every ingest. On a draft it
 * is an operator's request to hide. Rows before this migration have it empty (published as before).
 */
export class FaqHidden1767600000000 implements MigrationInterface {
  name = 'FaqHidden1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('faq_entry')} ${add} ${q('hiddenAt')} ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('faq_entry')} DROP COLUMN ${q('hiddenAt')}`);
  }
}
