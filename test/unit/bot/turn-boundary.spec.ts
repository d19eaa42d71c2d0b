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

  it('answers a question the knowledge base refused with its own message and 担当者に問い合わせる, logging a warning', async () => {
    const logger = new MemoryLogger();
    const message = 'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。';
    const reply = await runTurn('c-4', logger, () =>
      Promise.reject(new KotaeError('KB_INDEX_CORRUPT', 'index gen-1 failed to load', { userMessage: message })),
    );
    assert.deepEqual(reply, { conversationId: 'c-4', text: message, sources: [], choices: [], actions: ['escalate'] });
    assert.deepEqual(
      logger.lines.map((l) => [l.level, l.msg, l.fields?.code]),
      [['warn', 'turn refused: knowledge unavailable', 'KB_INDEX_CORRUPT']],
    );
    const notBuilt = await runTurn('c-5', new MemoryLogger(), () =>
      Promise.reject(new KotaeError('KB_UNAVAILABLE', 'no knowledge index has been built yet')),
    );
    assert.deepEqual(
      [notBuilt.text, notBuilt.actions],
      ['ナレッジベースを利用できません。しばらくしてからお試しください。', ['escalate']],
    );
  });

  it('answers an input error with its message', async () => {
    const reply = await runTurn('c-3', new MemoryLogger(), () =>
      Promise.reject(new KotaeError('INPUT_TOO_LARGE', 'too long', { userMessage: '質問が長すぎます。' })),
    );
    assert.equal(reply.text, '質問が長すぎます。');
  });
});
