import assert from 'node:assert/strict';
import { runTurn } from '../../../bot';
import { KotaeError, MemoryLogger } from '../../../core';

describe('the turn-error boundary', () => {
  it('answers a busy database with its own message to try again, no escalation, and logs a warning', async () => {
    const logger = new MemoryLogger();
    const reply = await runTurn('c-1', logger, () => Promise.reject(new KotaeError('DB_LOCKED', 'database is locked')));
    assert.equal(reply.text, 'データベースが混み合っています。しばらくしてからお試しください。');
    assert.deepEqual(reply.actions, []);
    assert.deepEqual(
      logger.lines.map((l) => [l.level, l.msg]),
      [['warn', 'turn failed: database busy']],
    );
  });

  it('answers an unexpected error politely with a correlation id and the way to a person', async () => {
    const logger = new MemoryLogger();
    const reply = await runTurn('c-2', logger, () => Promise.reject(new Error('boom')));
    const id = /お問い合わせ番号: ([0-9a-f]{8})/.exec(reply.text)?.[1];
    assert.ok(id, reply.text);
    assert.deepEqual(reply.actions, ['escalate']);
    assert.deepEqual(
      logger.lines.map((l) => [l.level, l.msg, l.fields?.correlationId]),
      [['error', 'turn failed', id]],
    );
  });

  it('answers an input error with its message', async () => {
    const reply = await runTurn('c-3', new MemoryLogger(), () =>
      Promise.reject(new KotaeError('INPUT_TOO_LARGE', 'too long', { userMessage: '質問が長すぎます。' })),
    );
    assert.equal(reply.text, '質問が長すぎます。');
  });
});
