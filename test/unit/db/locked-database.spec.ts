/** A database locked by another process: a clear DB_LOCKED error, nothing half-written, and work resumes after. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createDataSource, openDatabase, SqlConversationStore } from '../../../db';
import { runDb } from '../../../db/run-db';
import { inTransaction } from '../../../db/transaction-scope';
import { tempDir } from '../../helpers/temp-dir';

describe('a locked SQLite database', () => {
  it('answers DB_LOCKED with a Japanese message, writes nothing, and works again once released', async () => {
    const { dir, cleanup } = tempDir('kotae-lock-');
    const file = path.join(dir, 'kotae.sqlite');
    const ds = createDataSource({ kind: 'sqlite', path: file, busyTimeoutMs: 100 });
    await openDatabase(ds);
    const store = new SqlConversationStore(ds);
    const conversation = await store.createConversation({ channel: 'web', requester: {} });
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      await assert.rejects(
        store.recordQuestion({
          conversationId: conversation.id,
          askedAt: new Date(),
          text: 'ロック中の質問',
          outcome: 'answered',
          confidence: 0.9,
          answer: '回答',
          sources: [],
          channel: 'web',
          requester: {},
          latencyMs: 1,
        }),
        (err: { code?: string; userMessage?: string }) =>
          err.code === 'DB_LOCKED' && /混み合って/.test(err.userMessage ?? ''),
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    assert.equal(await store.lastQuestion(conversation.id), undefined);
    assert.deepEqual(await store.transcript(conversation.id), []);
    await store.recordQuestion({
      conversationId: conversation.id,
      askedAt: new Date(),
      text: '解除後の質問',
      outcome: 'answered',
      confidence: 0.9,
      answer: '回答',
      sources: [],
      channel: 'web',
      requester: {},
      latencyMs: 1,
    });
    assert.equal((await store.transcript(conversation.id)).length, 2);
    await ds.destroy();
    cleanup();
  });

  it('waits out a momentary lock of another connection in a transaction that reads before it writes', async () => {
    const { dir, cleanup } = tempDir('kotae-lock-');
    const file = path.join(dir, 'kotae.sqlite');
    const ds = createDataSource({ kind: 'sqlite', path: file, busyTimeoutMs: 5000 });
    await openDatabase(ds);
    // Another thread holds the write lock for 300 ms, as the checkpoint worker's RESTART or a backup does.
    const holder = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const db = new (require(workerData.driver))(workerData.file);
       db.exec('BEGIN IMMEDIATE');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec('ROLLBACK');
       db.close();`,
      { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file } },
    );
    try {
      await new Promise((resolve) => holder.once('message', resolve));
      const started = Date.now();
      // A deferred BEGIN failed here at once (SQLITE_BUSY without the busy handler): DB_LOCKED, a 503.
      await runDb(ds, () =>
        inTransaction(ds, async (em) => {
          await em.query('SELECT COUNT(*) FROM "conversation"');
          await em.query(
            `INSERT INTO "conversation" ("id", "channel", "startedAt", "lastActivityAt") VALUES ('c-1', 'web', '2026-01-05 09:00:00', '2026-01-05 09:00:00')`,
          );
        }),
      );
      assert.ok(Date.now() - started >= 200, 'the write waited for the lock');
      assert.deepEqual(await ds.query('SELECT "id" FROM "conversation"'), [{ id: 'c-1' }]);
    } finally {
      await holder.terminate();
      await ds.destroy();
      cleanup();
    }
  });
});
