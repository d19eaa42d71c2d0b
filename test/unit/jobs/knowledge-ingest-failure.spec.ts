import assert from 'node:assert/strict';
import { KotaeError, MemoryLogger } from '../../../core';
import { KnowledgeIngestJob } from '../../../jobs/knowledge-ingest-job';

/** A failed background ingest tells the console in Japanese; the internal message stays in the log. */
describe('knowledge ingest job: a failure the console can show', () => {
  const run = async (failure: Error) => {
    const logger = new MemoryLogger();
    const job = new KnowledgeIngestJob({
      ingest: async () => {
        throw failure;
      },
      published: async () => undefined,
      logger,
      now: () => new Date('2026-12-07T01:00:00Z'),
    });
    await job.request('upload');
    return { status: job.status(), logger };
  };

  it('shows a KotaeError’s Japanese message and a generic Japanese one for anything else', async () => {
    const refused = await run(
      new KotaeError('INGEST_SOURCE_MISSING', 'empty source', {
        userMessage: '取り込み元のフォルダにファイルが1件もありません。',
      }),
    );
    assert.equal(refused.status.state, 'failed');
    assert.equal(refused.status.error, '取り込み元のフォルダにファイルが1件もありません。');
    const internal = await run(new Error('Hnswlib Error: Not enough memory: resizeIndex failed'));
    assert.equal(internal.status.error, '取り込み中にエラーが発生しました。詳しくはサーバーのログを確認してください。');
    assert.ok(JSON.stringify(internal.logger.lines).includes('Hnswlib Error'));
  });
});
