import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { text: (n: number) => `varchar(${n})`, date: 'datetime' },
  postgres: { text: (n: number) => `varchar(${n})`, date: 'timestamp(3)' },
  mssql: { text: (n: number) => `nvarchar(${n})`, date: 'datetime2' },
} as const;

/**
 * A release stays on the console's 隔離ファイル list after a later clean rescan: the release writes its own time,
 * signature version and the detection it lifted (`releasedAt`, `releaseVersion`, `releasedSignature`), which a
 * clean verdict (that rewrites `scannedAt`, `signatureVersion` and `signature`) leaves alone. Rows released before
 * this migration have them empty (and leave the list once scanned clean, as before).
 */
export class QuarantineReleaseKept1767400000000 implements MigrationInterface {
  name = 'QuarantineReleaseKept1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    const t = TYPES[d];
    for (const [column, type] of [
      ['releasedAt', t.date],
      ['releaseVersion', t.text(200)],
      ['releasedSignature', t.text(200)],
    ] as const) {
      await queryRunner.query(`ALTER TABLE ${q('file_scan')} ${add} ${q(column)} ${type} NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    for (const column of ['releasedSignature', 'releaseVersion', 'releasedAt']) {
      await queryRunner.query(`ALTER TABLE ${q('file_scan')} DROP COLUMN ${q(column)}`);
    }
  }
}
