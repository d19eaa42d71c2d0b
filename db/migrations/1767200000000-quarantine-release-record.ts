import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { text: (n: number) => `varchar(${n})`, date: 'datetime' },
  postgres: { text: (n: number) => `varchar(${n})`, date: 'timestamp(3)' },
  mssql: { text: (n: number) => `nvarchar(${n})`, date: 'datetime2' },
} as const;

/**
 * The release of a quarantined file keeps what it replaces (the console's 隔離ファイル list shows it): when the
 * content was quarantined and with which signature version (`quarantinedAt`, `quarantineVersion`; `scannedAt` and
 * `signatureVersion` become the release's clean scan) and who released it (`releasedBy`). Rows released before
 * this migration have them empty.
 */
export class QuarantineReleaseRecord1767200000000 implements MigrationInterface {
  name = 'QuarantineReleaseRecord1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    const t = TYPES[d];
    for (const [column, type] of [
      ['quarantinedAt', t.date],
      ['quarantineVersion', t.text(200)],
      ['releasedBy', t.text(100)],
    ] as const) {
      await queryRunner.query(`ALTER TABLE ${q('file_scan')} ${add} ${q(column)} ${type} NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    for (const column of ['releasedBy', 'quarantineVersion', 'quarantinedAt']) {
      await queryRunner.query(`ALTER TABLE ${q('file_scan')} DROP COLUMN ${q(column)}`);
    }
  }
}
