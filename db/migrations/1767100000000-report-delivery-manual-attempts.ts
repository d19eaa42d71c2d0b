import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'integer', postgres: 'integer', mssql: 'int' } as const;

/**
 * An administrator's 再送 of a report is counted apart from the scheduled attempts (`manualAttempts`), so
 * resends on the day of generation no longer use up the next business day's automatic round; the console's
 * 「失敗（試行 N回、…）」 shows both together. Older rows start at 0 (their resends stay in `attempts`).
 */
export class ReportDeliveryManualAttempts1767100000000 implements MigrationInterface {
  name = 'ReportDeliveryManualAttempts1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(
      `ALTER TABLE ${q('report_delivery')} ${add} ${q('manualAttempts')} ${TYPES[d]} NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('report_delivery')} DROP COLUMN ${q('manualAttempts')}`);
  }
}
