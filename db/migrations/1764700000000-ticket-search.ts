import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

const FTS_COLUMNS = `"ticketId", "number", "title", "details", "requester", "department", "comments"`;
const REQUESTER = (row: string) => `coalesce(${row}."requesterName", '') || ' ' || coalesce(${row}."requesterId", '')`;
const COMMENTS_OF = (ticketId: string) =>
  `coalesce((SELECT group_concat(c."body", char(10)) FROM "ticket_comment" c WHERE c."ticketId" = ${ticketId}), '')`;

/** SQLite triggers that keep "ticket_fts" equal to the tickets and their comments (same transaction). */
const SQLITE_TRIGGERS: [string, string][] = [
  [
    'TR_ticket_fts_insert',
    `AFTER INSERT ON "ticket" BEGIN INSERT INTO "ticket_fts" (${FTS_COLUMNS}) VALUES (new."id", new."number", ` +
      `new."title", new."details", ${REQUESTER('new')}, coalesce(new."department", ''), ''); END`,
  ],
  [
    'TR_ticket_fts_update',
    `AFTER UPDATE OF "number", "title", "details", "requesterName", "requesterId", "department" ON "ticket" BEGIN ` +
      `UPDATE "ticket_fts" SET "number" = new."number", "title" = new."title", "details" = new."details", ` +
      `"requester" = ${REQUESTER('new')}, "department" = coalesce(new."department", '') WHERE "ticketId" = new."id"; END`,
  ],
  ['TR_ticket_fts_delete', `AFTER DELETE ON "ticket" BEGIN DELETE FROM "ticket_fts" WHERE "ticketId" = old."id"; END`],
  [
    'TR_ticket_comment_fts_insert',
    `AFTER INSERT ON "ticket_comment" BEGIN UPDATE "ticket_fts" SET "comments" = "comments" || char(10) || new."body" ` +
      `WHERE "ticketId" = new."ticketId"; END`,
  ],
  [
    'TR_ticket_comment_fts_update',
    `AFTER UPDATE OF "ticketId", "body" ON "ticket_comment" BEGIN UPDATE "ticket_fts" SET "comments" = ` +
      `${COMMENTS_OF('"ticket_fts"."ticketId"')} WHERE "ticketId" IN (old."ticketId", new."ticketId"); END`,
  ],
  [
    'TR_ticket_comment_fts_delete',
    `AFTER DELETE ON "ticket_comment" BEGIN UPDATE "ticket_fts" SET "comments" = ` +
      `${COMMENTS_OF('"ticket_fts"."ticketId"')} WHERE "ticketId" = old."ticketId"; END`,
  ],
];

/**
 * Ticket search (issue 14 point 1). SQLite: an FTS5 table with the trigram tokenizer (Japanese has no
 * spaces between words; trigrams match any substring of 3+ characters) holding each ticket's number,
 * title, details, requester, 所属 and comments, kept in sync by triggers and filled from the existing rows.
 * PostgreSQL and SQL Server search the tables themselves with ILIKE / LIKE (see the README), so nothing
 * changes there.
 */
export class TicketSearch1764700000000 implements MigrationInterface {
  name = 'TicketSearch1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (migrationDialect(queryRunner) !== 'sqlite') return;
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "ticket_fts" USING fts5("ticketId" UNINDEXED, "number", "title", "details", ` +
        `"requester", "department", "comments", tokenize = 'trigram')`,
    );
    for (const [name, body] of SQLITE_TRIGGERS) await queryRunner.query(`CREATE TRIGGER "${name}" ${body}`);
    await queryRunner.query(
      `INSERT INTO "ticket_fts" (${FTS_COLUMNS}) SELECT t."id", t."number", t."title", t."details", ` +
        `${REQUESTER('t')}, coalesce(t."department", ''), ${COMMENTS_OF('t."id"')} FROM "ticket" t`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (migrationDialect(queryRunner) !== 'sqlite') return;
    for (const [name] of [...SQLITE_TRIGGERS].reverse()) await queryRunner.query(`DROP TRIGGER "${name}"`);
    await queryRunner.query(`DROP TABLE "ticket_fts"`);
  }
}
