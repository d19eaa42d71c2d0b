import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { buildKnowledgeIndex, openKnowledgeIndex, updateKnowledgeIndex } from '../../../knowledge';
import { HnswVectorIndex } from '../../../knowledge/hnsw-vector-index';
import { tempDir } from '../../helpers/temp-dir';
import { itFaqChunks } from './fixtures/it-faq';
import { testAnalyzer } from './shared-analyzer';

// hnswlib reads a saved empty index back with capacity 0; the first add resized it to 0 × 2, which
// failed ("Not enough memory: resizeIndex failed to allocate base layer") after freeing the graph's
// memory, so the process later died in free(). An empty knowledge base is a valid state.
describe('an empty knowledge index', () => {
  it('HnswVectorIndex: an empty index saved and loaded takes vectors, searches and saves again', () => {
    const { dir, cleanup } = tempDir('kotae-hnsw-empty-');
    try {
      HnswVectorIndex.create(3).save(path.join(dir, 'empty.hnsw'));
      const loaded = HnswVectorIndex.load(path.join(dir, 'empty.hnsw'), 3);
      assert.equal(loaded.size(), 0);
      assert.deepEqual(loaded.search([1, 0, 0], 5), []);
      loaded.remove(0);
      loaded.add(0, [1, 0, 0]);
      loaded.add(1, [0, 1, 0]);
      loaded.add(2, [0, 0, 1]);
      assert.deepEqual(
        loaded.search([0, 1, 0.1], 3).map((h) => h.label),
        [1, 2, 0],
      );
      loaded.save(path.join(dir, 'three.hnsw'));
      assert.equal(HnswVectorIndex.load(path.join(dir, 'three.hnsw'), 3).size(), 3);
    } finally {
      cleanup();
    }
  });

  it('HnswVectorIndex: created with capacity 0, it still grows', () => {
    const index = HnswVectorIndex.create(2, { initialCapacity: 0 });
    for (let i = 0; i < 5; i++) index.add(i, [1, i]);
    assert.equal(index.size(), 5);
  });

  it('a generation built from 0 chunks takes an incremental update, and replays it when opened again', async () => {
    const analyzer = await testAnalyzer();
    const { dir, cleanup } = tempDir('kotae-empty-index-');
    try {
      const stats = await buildKnowledgeIndex([], dir, { analyzer, calibrate: false });
      assert.equal(stats.chunks, 0);
      const kb = await openKnowledgeIndex(dir, { analyzer, synonyms: 'curated' });
      assert.deepEqual((await kb.search('パスワードを忘れた')).hits, []);
      const chunks = itFaqChunks();
      const update = await updateKnowledgeIndex(kb, dir, chunks);
      assert.deepEqual(update, { added: chunks.length, removed: 0, file: 'delta-000001.bin' });
      assert.equal((await kb.search('パスワードを忘れてログインできません')).hits[0].chunk.id, 'FAQ-0001#0');
      const reopened = await openKnowledgeIndex(dir, { analyzer, synonyms: 'curated' });
      assert.equal(reopened.stats().chunks, chunks.length);
      assert.equal((await reopened.search('パスワードを忘れてログインできません')).hits[0].chunk.id, 'FAQ-0001#0');
      // A second update on the reopened generation (the index grows past its replayed size).
      assert.deepEqual(await updateKnowledgeIndex(reopened, dir, chunks.slice(1)), {
        added: 0,
        removed: 1,
        file: 'delta-000002.bin',
      });
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.startsWith('delta')),
        ['delta-000001.bin', 'delta-000002.bin'],
      );
    } finally {
      cleanup();
    }
  });
});
