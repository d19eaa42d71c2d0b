import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: 'varchar(200)',
  postgres: 'varchar(200)',
  mssql: 'nvarchar(200)',
} as const;

/**
 * Where a quarantined manual's copy is kept: the instance (host name) whose rescan quarantined the content
 * (`quarantinedOn`), so that with KOTAE_ATTACHMENT_STORAGE=instance another instance answers "kept on another
 * server" and the instance holding it can tell a copy removed by hand. Rows quarantined before this migration
 * have it empty (their kept state is computed from the keeping period, as before).
 */
export class QuarantineManualInstance1767500000000 implements MigrationInterface {
  name = 'QuarantineManualInstance1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('file_scan')} ${add} ${q('quarantinedOn')} ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('file_scan')} DROP COLUMN ${q('quarantinedOn')}`);
  }
}
