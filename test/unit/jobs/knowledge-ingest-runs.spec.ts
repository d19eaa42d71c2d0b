/**
 * The console ingest records each run in job_run (job `ingest`, a real SQLite file): a new job on the same
 * database (a restart, or another instance) shows the last run with its skipped files and warnings, each
 * bounded to the first 50 and a count; a failed run keeps its Japanese message.
 */
import assert from 'node:assert/strict';
import { KotaeError, MemoryLogger } from '../../../core';
import { SqlJobRunStore } from '../../../db';
import type { IngestSummary } from '../../../ingest';
import { KnowledgeIngestJob } from '../../../jobs/knowledge-ingest-job';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';

const AT = new Date('2026-12-07T01:00:00Z');

function summary(warnings: number): IngestSummary {
  return {
    files: 3,
    indexed: 1,
    unchanged: 2,
    removed: 0,
    chunks: 40,
    skipped: [{ path: '@uploads/scan.pdf', reason: '文字を抽出できないPDF（画像のみ）' }],
    warnings: Array.from({ length: warnings }, (_, i) => ({
      path: `@uploads/交通費.csv:${i + 2}`,
      reason: '見出し（2列）より列が多い行です（3列）。',
    })),
    durationMs: 5,
    indexDir: '/data/index/gen-1',
    rebuilt: true,
  };
}

describe('knowledge ingest job: runs kept in job_run', () => {
  let db: TempSqlite;
  beforeEach(async () => {
    db = await tempSqlite();
  });
  afterEach(() => db.close());

  const job = (ingest: () => Promise<IngestSummary>, now = () => AT) =>
    new KnowledgeIngestJob({
      ingest,
      published: async () => undefined,
      runs: new SqlJobRunStore(db.ds),
      logger: new MemoryLogger(),
      now,
    });

  it('shows the last run’s warnings after a restart: the first 50 and the count of all', async () => {
    await job(async () => summary(120)).request('アップロード（交通費.csv）');
    const rows = await new SqlJobRunStore(db.ds).recent('ingest', 10);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 'succeeded');

    const restarted = job(async () => summary(0));
    assert.equal(restarted.status().state, 'idle');
    const shown = await restarted.latest();
    assert.equal(shown.state, 'done');
    assert.equal(shown.reason, 'アップロード（交通費.csv）');
    assert.equal(shown.finishedAt?.toISOString(), AT.toISOString());
    assert.equal(shown.summary?.warnings.length, 50);
    assert.equal(shown.summary?.warningsTotal, 120);
    assert.deepEqual(shown.summary?.warnings[49], {
      path: '@uploads/交通費.csv:51',
      reason: '見出し（2列）より列が多い行です（3列）。',
    });
    assert.deepEqual(shown.summary?.skipped, [
      { path: '@uploads/scan.pdf', reason: '文字を抽出できないPDF（画像のみ）' },
    ]);
    assert.equal(shown.summary?.skippedTotal, 1);
  });

  it('keeps a failed run’s Japanese message, and a newer run of this process wins', async () => {
    const failing = job(async () => {
      throw new KotaeError('INGEST_SOURCE_MISSING', 'empty source', {
        userMessage: '取り込み元のフォルダにファイルが1件もありません。',
      });
    });
    await failing.request('文書の削除（手順.md）');
    const rows = await new SqlJobRunStore(db.ds).recent('ingest', 10);
    assert.deepEqual(
      rows.map((r) => [r.status, r.error]),
      [['failed', 'empty source']],
    );
    const restarted = job(
      async () => summary(2),
      () => new Date(AT.getTime() + 60_000),
    );
    const shown = await restarted.latest();
    assert.deepEqual(
      { state: shown.state, error: shown.error, summary: shown.summary },
      { state: 'failed', error: '取り込み元のフォルダにファイルが1件もありません。', summary: undefined },
    );
    await restarted.request('アップロード');
    const after = await restarted.latest();
    assert.equal(after.state, 'done');
    assert.equal(after.summary?.warningsTotal, 2);
  });
});
