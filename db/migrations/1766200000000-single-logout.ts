import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { sid: 'varchar(64)', hint: 'text' },
  postgres: { sid: 'varchar(64)', hint: 'text' },
  mssql: { sid: 'nvarchar(64)', hint: 'nvarchar(MAX)' },
} as const;

const TABLES = ['session', 'web_session'] as const;

/**
 * Single logout with Entra ID: a console session and a web chat sign-in started through single sign-on keep the
 * SHA-256 of the provider's session id (`ssoSid`, the ID token's `sid`), so the provider's front-channel logout
 * ends them on any instance, and the ID token sealed under a key derived from the session's cookie token
 * (`ssoHint`), sent back as `id_token_hint` when the user signs out. NULL for password sessions and older rows.
 */
export class SingleLogout1766200000000 implements MigrationInterface {
  name = 'SingleLogout1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${q(table)} ${add} ${q('ssoSid')} ${TYPES[d].sid} NULL`);
      await queryRunner.query(`ALTER TABLE ${q(table)} ${add} ${q('ssoHint')} ${TYPES[d].hint} NULL`);
      await queryRunner.query(`CREATE INDEX ${q(`IX_${table}_ssoSid`)} ON ${q(table)} (${q('ssoSid')})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    for (const table of TABLES) {
      const index = q(`IX_${table}_ssoSid`);
      await queryRunner.query(d === 'mssql' ? `DROP INDEX ${index} ON ${q(table)}` : `DROP INDEX ${index}`);
      await queryRunner.query(`ALTER TABLE ${q(table)} DROP COLUMN ${q('ssoHint')}`);
      await queryRunner.query(`ALTER TABLE ${q(table)} DROP COLUMN ${q('ssoSid')}`);
    }
  }
}
