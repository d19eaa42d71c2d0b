/**
 * The standard test suite every VectorIndex implementation must pass.
 */
import { strict as assert } from 'node:assert';
import { SeededRandom } from '../../../knowledge/seeded-random';
import type { VectorIndex } from '../../../knowledge/types';

/** Registers the contract tests for an implementation. */
export function vectorIndexContract(name: string, create: (dims: number) => VectorIndex): void {
  describe(`VectorIndex contract: ${name}`, () => {
    it('starts empty and returns nothing', () => {
      const index = create(3);
      assert.equal(index.size(), 0);
      assert.deepEqual(index.search([1, 0, 0], 5), []);
    });

    it('finds the nearest vectors by cosine, best first, with similarities', () => {
      const index = create(3);
      index.add(10, [1, 0, 0]);
      index.add(11, [0, 1, 0]);
      index.add(12, [1, 1, 0]);
      index.add(13, [0, 0, 5]);
      assert.equal(index.size(), 4);
      const hits = index.search([2, 0.1, 0], 2);
      assert.deepEqual(
        hits.map((h) => h.label),
        [10, 12],
      );
      assert.ok(Math.abs(hits[0].similarity - 2 / Math.hypot(2, 0.1)) < 1e-4);
      assert.ok(hits[0].similarity >= hits[1].similarity);
    });

    it('ignores vector length (cosine, not dot product)', () => {
      const index = create(2);
      index.add(1, [100, 0]);
      index.add(2, [0.6, 0.8]);
      assert.equal(index.search([0.5, 0.9], 1)[0].label, 2);
    });

    it('returns at most the number of stored vectors', () => {
      const index = create(2);
      index.add(1, [1, 0]);
      assert.equal(index.search([1, 0], 10).length, 1);
    });

    it('grows beyond its initial capacity and finds exact matches', () => {
      const index = create(8);
      const rng = new SeededRandom(42);
      const vectors = Array.from({ length: 3000 }, () => Array.from({ length: 8 }, () => rng.gaussian()));
      const vec = (i: number): number[] => vectors[i];
      for (let i = 0; i < 3000; i++) index.add(i, vec(i));
      assert.equal(index.size(), 3000);
      for (const i of [0, 1234, 2999]) assert.equal(index.search(vec(i), 1)[0].label, i);
    });

    it('leaves a removed label out of the results and the size; unknown labels are ignored', () => {
      const index = create(3);
      index.add(1, [1, 0, 0]);
      index.add(2, [0.9, 0.1, 0]);
      index.add(3, [0, 1, 0]);
      index.remove(1);
      index.remove(1);
      index.remove(99);
      assert.equal(index.size(), 2);
      assert.deepEqual(
        index.search([1, 0, 0], 5).map((h) => h.label),
        [2, 3],
      );
      index.add(4, [1, 0, 0]);
      assert.equal(index.search([1, 0, 0], 1)[0].label, 4);
    });

    it('rejects vectors of the wrong dimension', () => {
      assert.throws(() => create(3).add(1, [1, 2]));
    });
  });
}
