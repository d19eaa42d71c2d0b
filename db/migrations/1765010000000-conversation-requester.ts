import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** The requester's recent conversations on the ticket page (issue 14 point 5) look conversations up by requester. */
export class ConversationRequester1765010000000 implements MigrationInterface {
  name = 'ConversationRequester1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IX_conversation_requesterId" ON "conversation" ("requesterId")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQL Server names the table in DROP INDEX; SQLite and PostgreSQL do not.
    const on = migrationDialect(queryRunner) === 'mssql' ? ` ON "conversation"` : '';
    await queryRunner.query(`DROP INDEX "IX_conversation_requesterId"${on}`);
  }
}
