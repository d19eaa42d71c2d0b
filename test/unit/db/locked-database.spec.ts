/** A database locked by another process: a clear DB_LOCKED error, nothing half-written, and work resumes after. */
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDataSource, openDatabase, SqlConversationStore } from '../../../db';
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
});
