/**
 * Ticket search on PostgreSQL uses the pg_trgm GIN indices (migration 1765010000002): on 3,000 tickets
 * with comments, in a database whose LC_CTYPE is a UTF-8 locale (as Debian's clusters are; under the C
 * ctype pg_trgm makes no trigrams of Japanese characters), the plan of a Japanese search reads
 * the trigram index of every searched column by bitmap index scans (sequential scans off: the test shows
 * that the condition can use them, not what the planner picks for a given table), and the store finds exactly
 * the tickets whose column or comment holds the word.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { createDataSource, openDatabase, SqlTicketStore } from '../../../db';
import { ticketSearchCondition } from '../../../db/repositories/ticket-search-sql';
import { createTestDatabase, dropTestDatabase, postgresServer } from '../../helpers/postgres';

/** Index names of every Bitmap Index Scan in an EXPLAIN (FORMAT JSON) plan. */
function bitmapScans(node: Record<string, unknown>): string[] {
  const own = node['Node Type'] === 'Bitmap Index Scan' ? [String(node['Index Name'])] : [];
  const children = (node.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...own, ...children.flatMap(bitmapScans)];
}

describe('ticket search on PostgreSQL with trigram indices', function () {
  this.timeout(60_000);
  let ds: DataSource;
  let drop: () => Promise<void>;
  before(async function () {
    this.timeout(120_000);
    const server = await postgresServer();
    const database = await createTestDatabase(server, { ctype: 'C.utf8' });
    drop = () => dropTestDatabase(server, database);
    const { host, port, user, password } = server;
    ds = createDataSource({ kind: 'postgres', host, port, user, password, database, ssl: false });
    await openDatabase(ds);
    await ds.query(
      `INSERT INTO "ticket" ("id", "number", "year", "seq", "status", "type", "priority", "category", "title", ` +
        `"details", "requesterName", "department", "channel", "createdAt", "updatedAt", "holds", "version", "dedupeKey") ` +
        `SELECT 't-' || i, 'HD-2026-' || lpad(i::text, 6, '0'), 2026, i, 'new', 'inquiry', 'normal', 'その他', ` +
        `'問い合わせ ' || i, '内容 ' || md5(i::text), '職員 ' || i, '課 ' || (i % 40), 'web', now(), now(), '[]', 1, 'row:' || i ` +
        `FROM generate_series(1, 3000) AS i`,
    );
    await ds.query(
      `INSERT INTO "ticket_comment" ("id", "ticketId", "kind", "author", "body", "createdAt") ` +
        `SELECT 'c-' || i, 't-' || i, 'note', 'op', 'メモ ' || md5('c' || i::text), now() FROM generate_series(1, 3000) AS i`,
    );
    await ds.query(`UPDATE "ticket" SET "title" = 'プリンタの給紙トレイが壊れた' WHERE "id" = 't-17'`);
    await ds.query(`UPDATE "ticket_comment" SET "body" = '給紙トレイを交換予定' WHERE "id" = 'c-2900'`);
    await ds.query(`ANALYZE "ticket"`);
    await ds.query(`ANALYZE "ticket_comment"`);
  });
  after(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await drop?.();
  });

  it('plans a search with bitmap scans of both trigram indices', async () => {
    const condition = ticketSearchCondition(['給紙トレイ'], 'postgres');
    const sql = condition.getSql!('"id"').replace(/:searchLike0/g, '$1');
    // Whether an index or a sequential scan is cheaper is PostgreSQL's cost-based choice (on small or
    // repetitive tables it reads the table); with sequential scans off the plan shows that every part of
    // the search condition can be answered from a trigram index.
    const qr = ds.createQueryRunner();
    let row: { 'QUERY PLAN': { Plan: Record<string, unknown> }[] } | undefined;
    try {
      await qr.query(`SET enable_seqscan = off`);
      [row] = (await qr.query(`EXPLAIN (FORMAT JSON) SELECT "id" FROM "ticket" WHERE ${sql}`, ['%給紙トレイ%'])) as {
        'QUERY PLAN': { Plan: Record<string, unknown> }[];
      }[];
      await qr.query(`RESET enable_seqscan`);
    } finally {
      await qr.release();
    }
    const scans = bitmapScans(row!['QUERY PLAN'][0]!.Plan);
    assert.deepEqual(
      [...new Set(scans)].sort(),
      [
        'IX_ticket_comment_body_trgm',
        'IX_ticket_department_trgm',
        'IX_ticket_details_trgm',
        'IX_ticket_number_trgm',
        'IX_ticket_requesterId_trgm',
        'IX_ticket_requesterName_trgm',
        'IX_ticket_title_trgm',
      ],
      JSON.stringify(row),
    );
  });

  it('finds the ticket by its title and the one by its comment, and nothing else', async () => {
    const page = await new SqlTicketStore(ds).list({ terms: ['給紙トレイ'], limit: 10 });
    assert.deepEqual(page.items.map((x) => x.id).sort(), ['t-17', 't-2900']);
    assert.equal(page.total, 2);
  });
});
