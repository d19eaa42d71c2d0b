import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { long: 'text', date: 'datetime' },
  postgres: { long: 'text', date: 'timestamp(3)' },
  mssql: { long: 'nvarchar(MAX)', date: 'datetime2' },
} as const;

/**
 * A console session started through single sign-on follows the directory (KOTAE_OIDC_ROLE_RECHECK_MINUTES):
 * `ssoRefresh` holds the provider's refresh token sealed under a key derived from the session's cookie token (as
 * `ssoHint`), `ssoCheckAt` when the role is next checked — in the database, so any instance can do the check and
 * only one does it. NULL for password sessions and older rows.
 */
export class SsoRoleRecheck1766900000000 implements MigrationInterface {
  name = 'SsoRoleRecheck1766900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('session')} ${add} ${q('ssoRefresh')} ${TYPES[d].long} NULL`);
    await queryRunner.query(`ALTER TABLE ${q('session')} ${add} ${q('ssoCheckAt')} ${TYPES[d].date} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('session')} DROP COLUMN ${q('ssoCheckAt')}`);
    await queryRunner.query(`ALTER TABLE ${q('session')} DROP COLUMN ${q('ssoRefresh')}`);
  }
}
