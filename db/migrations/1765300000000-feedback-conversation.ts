import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/**
 * The conversation-log export reads feedback by conversation, page by page (reports' `feedbackForConversations`):
 * an index instead of a table scan per page.
 */
export class FeedbackConversation1765300000000 implements MigrationInterface {
  name = 'FeedbackConversation1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IX_feedback_conversationId" ON "feedback" ("conversationId")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQL Server names the table in DROP INDEX; SQLite and PostgreSQL do not.
    const on = migrationDialect(queryRunner) === 'mssql' ? ` ON "feedback"` : '';
    await queryRunner.query(`DROP INDEX "IX_feedback_conversationId"${on}`);
  }
}
