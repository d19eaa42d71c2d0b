import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** One GIN index per searched column: a multi-column GIN index is costed as a whole for each column's scan. */
const INDEXED: readonly [string, string][] = [
  ['ticket', 'number'],
  ['ticket', 'title'],
  ['ticket', 'details'],
  ['ticket', 'requesterName'],
  ['ticket', 'requesterId'],
  ['ticket', 'department'],
  ['ticket_comment', 'body'],
];

/**
 * Ticket search on PostgreSQL (issue 14 point 1): pg_trgm GIN indexes, so ILIKE '%…%' over the ticket's
 * searched columns and the comments uses an index instead of reading every row. pg_trgm ships with
 * Debian's postgresql package and is a trusted extension (the database owner may create it). SQLite
 * keeps its FTS5 table, SQL Server its LIKE: nothing changes there.
 */
export class TicketSearchTrigram1765010000002 implements MigrationInterface {
  name = 'TicketSearchTrigram1765010000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (migrationDialect(queryRunner) !== 'postgres') return;
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [table, column] of INDEXED)
      await queryRunner.query(
        `CREATE INDEX "IX_${table}_${column}_trgm" ON "${table}" USING gin ("${column}" gin_trgm_ops)`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (migrationDialect(queryRunner) !== 'postgres') return;
    for (const [table, column] of [...INDEXED].reverse())
      await queryRunner.query(`DROP INDEX "IX_${table}_${column}_trgm"`);
    // The extension stays: other objects of the database may use it.
  }
}
