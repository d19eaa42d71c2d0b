import assert from 'node:assert/strict';
import { TicketConversation1764100000000 } from '../../../db/migrations/1764100000000-ticket-conversation';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';

const ADDED = [
  ['conversation', 'requesterPhone'],
  ['conversation', 'accessTokenHash'],
  ['ticket', 'requesterPhone'],
  ['ticket', 'requesterRepliedAt'],
  ['ticket_comment', 'readAt'],
] as const;

describe('migration 1764100000000 (ticket conversation) on SQLite', () => {
  let db: TempSqlite;
  beforeEach(async () => {
    db = await tempSqlite();
  });
  afterEach(() => db.close());

  it('removes and adds its columns and index with its own SQL, and is a no-op where they exist', async () => {
    const migration = new TicketConversation1764100000000();
    const runner = db.ds.createQueryRunner();
    try {
      await migration.down(runner);
      for (const [table, column] of ADDED) assert.equal(await runner.hasColumn(table, column), false, column);
      await migration.up(runner);
      for (const [table, column] of ADDED) assert.equal(await runner.hasColumn(table, column), true, column);
      const indices = (await runner.getTable('ticket'))?.indices.map((i) => i.name) ?? [];
      assert.ok(indices.includes('IX_ticket_conversationId'), indices.join(','));
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
