import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = { sqlite: 'datetime', postgres: 'timestamp(3)', mssql: 'datetime2' } as const;

/**
 * When the requester deleted in Teams a message kept on its ticket because an operator had replied
 * (`ticket_comment.deletedInChannelAt`), so that an undelete of it is told from a message never deleted and a
 * delete is noted once. NULL for every other comment and for older rows.
 */
export class CommentChannelDeleted1765710000000 implements MigrationInterface {
  name = 'CommentChannelDeleted1765710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    const add = d === 'mssql' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE ${q('ticket_comment')} ${add} ${q('deletedInChannelAt')} ${TYPES[d]} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const q = (name: string) => (d === 'mssql' ? `[${name}]` : `"${name}"`);
    await queryRunner.query(`ALTER TABLE ${q('ticket_comment')} DROP COLUMN ${q('deletedInChannelAt')}`);
  }
}
