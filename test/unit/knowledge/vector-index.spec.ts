import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HnswVectorIndex } from '../../../knowledge/hnsw-vector-index';
import { InMemoryVectorIndex } from '../../../knowledge/in-memory-vector-index';
import { vectorIndexContract } from './vector-index.contract';

vectorIndexContract('InMemoryVectorIndex', (dims) => new InMemoryVectorIndex(dims));
vectorIndexContract('HnswVectorIndex', (dims) => HnswVectorIndex.create(dims));

describe('HnswVectorIndex persistence', () => {
  it('saves and loads the graph', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotae-hnsw-'));
    try {
      const index = HnswVectorIndex.create(3);
      index.add(5, [1, 0, 0]);
      index.add(6, [0, 1, 0]);
      index.save(path.join(dir, 'v.hnsw'));
      const loaded = HnswVectorIndex.load(path.join(dir, 'v.hnsw'), 3);
      assert.equal(loaded.size(), 2);
      assert.equal(loaded.search([0, 1, 0.1], 1)[0].label, 6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing or garbage file as KB_INDEX_CORRUPT', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotae-hnsw-'));
    try {
      assert.throws(() => HnswVectorIndex.load(path.join(dir, 'none.hnsw'), 3), { code: 'KB_INDEX_CORRUPT' });
      writeFileSync(path.join(dir, 'bad.hnsw'), 'not an index');
      assert.throws(() => HnswVectorIndex.load(path.join(dir, 'bad.hnsw'), 3), { code: 'KB_INDEX_CORRUPT' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
