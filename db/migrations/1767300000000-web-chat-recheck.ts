import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { long: 'text', date: 'datetime' },
  postgres: { long: 'text', date: 'timestamp(3)' },
  mssql: { long: 'nvarchar(MAX)', date: 'datetime2' },
} as const;

/**
 * A web chat sign-in follows the directory as a console session does (KOTAE_OIDC_ROLE_RECHECK_MINUTES): `ssoRefresh`
 * holds the provider's refresh token sealed under a key derived from the sign-in's cookie token (as `ssoHint`),
 * `ssoCheckAt` when the account is next checked — in the database, so any instance can do the check and only one
 * does it. NULL for older rows (their first check ends them once).
 */
export class WebChatRecheck1767300000000 implements MigrationInterface {
  name = 'WebChatRecheck1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('web_session')} ${add} ${q('ssoRefresh')} ${TYPES[d].long} NULL`);
    await queryRunner.query(`ALTER TABLE ${q('web_session')} ${add} ${q('ssoCheckAt')} ${TYPES[d].date} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('web_session')} DROP COLUMN ${q('ssoCheckAt')}`);
    await queryRunner.query(`ALTER TABLE ${q('web_session')} DROP COLUMN ${q('ssoRefresh')}`);
  }
}
