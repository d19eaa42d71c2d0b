import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'datetime', postgres: 'timestamp(3)', mssql: 'datetime2' } as const;

/**
 * An operator's delete of a published FAQ (or of a sheet's override) is a request an administrator approves, like
 * their edits and hides: `faq_entry.deleteRequestedAt` marks such a draft (when it was asked for); approving it
 * deletes the entry the draft replaces. Rows before this migration have it empty (no request).
 */
export class FaqDeleteRequest1767700000000 implements MigrationInterface {
  name = 'FaqDeleteRequest1767700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('faq_entry')} ${add} ${q('deleteRequestedAt')} ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('faq_entry')} DROP COLUMN ${q('deleteRequestedAt')}`);
  }
}
