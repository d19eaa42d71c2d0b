import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'varchar(200)', postgres: 'varchar(200)', mssql: 'nvarchar(200)' } as const;

/**
 * The Teams message a requester comment holds (`ticket_comment.messageKey`: `teams:<conversation id>|<activity
 * id>`), so that the requester's edit or delete of that message in Teams finds it. Older rows have none (NULL).
 */
export class CommentMessageKey1765700000000 implements MigrationInterface {
  name = 'CommentMessageKey1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('ticket_comment')} ${add} ${q('messageKey')} ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('ticket_comment')} DROP COLUMN ${q('messageKey')}`);
  }
}
