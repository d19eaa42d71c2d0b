/**
 * {@link VectorIndex} on hnswlib-node (HierarchicalNSW, cosine space). The only file of Kotae
 * that imports hnswlib-node.
 */
import { existsSync } from 'node:fs';
import { HierarchicalNSW } from 'hnswlib-node';
import { KotaeError } from '../core';
import type { VectorIndex } from './types';

/** Graph parameters: M links per node, efConstruction at build, ef at query time. */
export interface HnswOptions {
  m: number;
  efConstruction: number;
  ef: number;
  seed: number;
  initialCapacity: number;
}

/** Defaults measured with `npm run bench:knowledge` (ANN recall@10 ≥ 0.98 at 100k). */
export const DEFAULT_HNSW_OPTIONS: Readonly<HnswOptions> = Object.freeze({
  m: 16,
  efConstruction: 200,
  ef: 120,
  seed: 100,
  initialCapacity: 1024,
});

/** Approximate cosine search in an HNSW graph; grows its capacity as vectors are added. */
export class HnswVectorIndex implements VectorIndex {
  /** Labels marked deleted (hnswlib keeps them in the graph and counts them in getCurrentCount). */
  private readonly deleted = new Set<number>();

  private constructor(
    private readonly index: HierarchicalNSW,
    readonly dims: number,
  ) {}

  /** An empty index. */
  static create(dims: number, options: Partial<HnswOptions> = {}): HnswVectorIndex {
    const o = { ...DEFAULT_HNSW_OPTIONS, ...options };
    const index = new HierarchicalNSW('cosine', dims);
    index.initIndex(Math.max(o.initialCapacity, 1), o.m, o.efConstruction, o.seed);
    index.setEf(o.ef);
    return new HnswVectorIndex(index, dims);
  }

  /** Reads an index written by {@link save}; a missing or unreadable file is KB_INDEX_CORRUPT. */
  static load(file: string, dims: number, ef = DEFAULT_HNSW_OPTIONS.ef): HnswVectorIndex {
    if (!existsSync(file)) throw new KotaeError('KB_INDEX_CORRUPT', `hnsw file missing: ${file}`);
    const index = new HierarchicalNSW('cosine', dims);
    try {
      index.readIndexSync(file);
    } catch (err) {
      throw new KotaeError('KB_INDEX_CORRUPT', `hnsw file unreadable: ${file}`, { cause: err });
    }
    // hnswlib reads a saved empty index back with capacity 0; resizing that to 0 later would realloc its
    // base layer to nothing and free it twice (a native crash). Give it room now.
    if (index.getMaxElements() === 0) index.resizeIndex(DEFAULT_HNSW_OPTIONS.initialCapacity);
    index.setEf(ef);
    return new HnswVectorIndex(index, dims);
  }

  /** Adds a labelled vector, doubling the capacity when full (never resizing to 0). */
  add(label: number, vector: number[]): void {
    if (vector.length !== this.dims) throw new RangeError(`expected ${this.dims} dimensions, got ${vector.length}`);
    const capacity = this.index.getMaxElements();
    if (this.index.getCurrentCount() >= capacity)
      this.index.resizeIndex(Math.max(capacity * 2, DEFAULT_HNSW_OPTIONS.initialCapacity));
    this.index.addPoint(vector, label);
  }

  /** Marks a label deleted (hnswlib's markDelete): it stays in the graph for routing, never in results. */
  remove(label: number): void {
    if (this.deleted.has(label)) return;
    try {
      this.index.markDelete(label);
    } catch {
      // hnswlib throws for a label it never held (a chunk whose vector was all zeros).
      return;
    }
    this.deleted.add(label);
  }

  /** Approximate top-k by cosine similarity. */
  search(vector: number[], k: number): { label: number; similarity: number }[] {
    const n = Math.min(k, this.size());
    if (n <= 0) return [];
    const { neighbors, distances } = this.index.searchKnn(vector, n);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i] }));
  }

  /** Number of vectors (not counting deleted ones). */
  size(): number {
    return this.index.getCurrentCount() - this.deleted.size;
  }

  /** Sets the query-time candidate list size. */
  setEf(ef: number): void {
    this.index.setEf(ef);
  }

  /** Writes the graph to `file`. */
  save(file: string): void {
    this.index.writeIndexSync(file);
  }
}
