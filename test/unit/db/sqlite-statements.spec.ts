/**
 * The question path's prepared statements on SQLite write and read exactly what TypeORM writes and
 * reads: the same stored values and storage classes (quote() of every column), the same decoded rows.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { SqliteStatements } from '../../../db/sqlite-statements';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';

const at = new Date('2026-12-03T01:02:03.456Z');
const ROWS: Record<string, Record<string, unknown>> = {
  conversation: {
    channel: 'web',
    requesterId: null,
    requesterName: '山田',
    department: null,
    channelKey: null,
    channelRef: null,
    startedAt: at,
    lastActivityAt: new Date(at.getTime() + 1),
    requesterPhone: null,
    accessTokenHash: 'ab'.repeat(32),
  },
  question: {
    conversationId: 'c-1',
    askedAt: at,
    text: 'プリンターで印刷できない',
    outcome: 'answered',
    confidence: 0.8938655716097005,
    answer: '回答です。',
    sources: '[{"title":"FAQ"}]',
    categoryGuess: null,
    channel: 'web',
    requesterId: null,
    requesterName: null,
    department: null,
    latencyMs: 3,
  },
  transcript_entry: { conversationId: 'c-1', seq: 2, role: 'bot', text: '回答', at },
  audit_log: {
    seq: 7,
    at,
    actor: 'bot',
    action: 'bot.answer',
    target: null,
    detail: '{"outcome":"answered"}',
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
    alg: 'hmac-sha256',
  },
  feedback: {
    conversationId: 'c-1',
    questionId: null,
    resolved: true,
    comment: null,
    createdAt: at,
    dedupeKey: 'k',
  },
};

/** Unique columns: a value for the row written by statement, and one for the row written by TypeORM. */
const UNIQUE: Record<string, [string, unknown, unknown]> = {
  feedback: ['dedupeKey', 'k1', 'k2'],
  audit_log: ['seq', 7, 8],
};

/** Every column of a row as SQLite's quote() prints it (value and storage class), id left out. */
async function stored(ds: DataSource, table: string, id: string): Promise<Record<string, unknown>> {
  const columns = ds.getMetadata(table).columns.filter((c) => c.propertyName !== 'id');
  const select = columns.map((c) => `quote("${c.databaseName}") AS "${c.databaseName}"`).join(', ');
  const rows = (await ds.query(`SELECT ${select} FROM "${table}" WHERE "id" = ?`, [id])) as Record<string, unknown>[];
  return rows[0];
}

const quoted = (v: string) => (/^\d+$/.test(v) ? v : `'${v}'`);

describe('SqliteStatements (the question path on SQLite)', () => {
  let db: TempSqlite;
  beforeEach(async () => (db = await tempSqlite()));
  afterEach(() => db.close());

  for (const [table, fields] of Object.entries(ROWS)) {
    it(`stores a ${table} row exactly as TypeORM does and reads it back as TypeORM does`, async () => {
      const sqlite = SqliteStatements.of(db.ds)!;
      const repo = db.ds.getRepository<Record<string, unknown>>(table);
      const [unique, mineValue, theirValue] = UNIQUE[table] ?? ['id', undefined, undefined];
      sqlite.insert(table, { id: 'by-statement', ...fields, ...(mineValue ? { [unique]: mineValue } : {}) });
      await repo.insert({ id: 'by-typeorm', ...fields, ...(theirValue ? { [unique]: theirValue } : {}) });
      const mine = await stored(db.ds, table, 'by-statement');
      const theirs = await stored(db.ds, table, 'by-typeorm');
      if (mineValue) {
        assert.deepEqual([mine[unique], theirs[unique]], [String(mineValue), String(theirValue)].map(quoted));
        delete mine[unique];
        delete theirs[unique];
      }
      assert.deepEqual(mine, theirs);
      const read = sqlite.row(table, `SELECT * FROM "${table}" WHERE "id" = ?`, ['by-typeorm']);
      assert.deepEqual(read, await repo.findOneBy({ id: 'by-typeorm' }));
      assert.equal(sqlite.row(table, `SELECT * FROM "${table}" WHERE "id" = ?`, ['none']), undefined);
    });
  }

  it('is undefined for a data source that is not SQLite, and one instance per data source', () => {
    const notSqlite = { options: { type: 'postgres' } } as unknown as DataSource;
    assert.equal(SqliteStatements.of(notSqlite), undefined);
    assert.equal(SqliteStatements.of(db.ds), SqliteStatements.of(db.ds));
  });

  it('prepares again after the data source reopened its connection', async () => {
    const sqlite = SqliteStatements.of(db.ds)!;
    assert.equal(sqlite.value('SELECT COUNT(*) FROM "conversation"', []), 0);
    await db.ds.destroy();
    await db.ds.initialize();
    sqlite.insert('conversation', { id: 'c', ...ROWS.conversation });
    assert.equal(sqlite.value('SELECT COUNT(*) FROM "conversation"', []), 1);
  });
});
