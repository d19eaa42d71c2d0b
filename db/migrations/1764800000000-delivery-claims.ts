import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { holder: 'varchar(200)', date: 'datetime', text: 'text' },
  postgres: { holder: 'varchar(200)', date: 'timestamp(3)', text: 'text' },
  mssql: { holder: 'nvarchar(200)', date: 'datetime2', text: 'nvarchar(MAX)' },
} as const;

/** The columns this migration adds: [table, column, type key]. */
const COLUMNS: readonly [string, string, keyof (typeof TYPES)['sqlite']][] = [
  ['ticket_comment', 'claimedBy', 'holder'],
  ['ticket_comment', 'claimedUntil', 'date'],
  ['processed_activity', 'result', 'text'],
];

/**
 * Delivery across instances (issue 17 point 4): a reply being sent is claimed by one instance
 * (`claimedBy` until `claimedUntil`; a failed send keeps others off until `claimedUntil` as its retry
 * delay), and a Teams invoke handled by one instance keeps its response (`processed_activity.result`)
 * so a redelivery to another instance answers the same.
 */
export class DeliveryClaims1764800000000 implements MigrationInterface {
  name = 'DeliveryClaims1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    for (const [table, column, type] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE ${q(table)} ${add} ${q(column)} ${TYPES[d][type]} NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    for (const [table, column] of [...COLUMNS].reverse()) {
      await queryRunner.query(`ALTER TABLE ${q(table)} DROP COLUMN ${q(column)}`);
    }
  }
}
