/**
 * Exact cosine search over all vectors: the reference the hnsw index is measured against,
 * and the fake used in tests.
 */
import type { VectorIndex } from './types';

/** Brute-force {@link VectorIndex}; vectors are stored unit-normalised. */
export class InMemoryVectorIndex implements VectorIndex {
  private readonly labels: number[] = [];
  private readonly vectors: Float32Array[] = [];

  constructor(readonly dims: number) {}

  /** Adds (or appends another copy of) a labelled vector. */
  add(label: number, vector: number[]): void {
    if (vector.length !== this.dims) throw new RangeError(`expected ${this.dims} dimensions, got ${vector.length}`);
    this.labels.push(label);
    this.vectors.push(toUnit(vector));
  }

  /** Removes every copy of a label. */
  remove(label: number): void {
    for (let i = this.labels.length - 1; i >= 0; i--) {
      if (this.labels[i] !== label) continue;
      this.labels.splice(i, 1);
      this.vectors.splice(i, 1);
    }
  }

  /** Exact top-k by cosine similarity. */
  search(vector: number[], k: number): { label: number; similarity: number }[] {
    const q = toUnit(vector);
    const scored = this.vectors.map((v, i) => ({ label: this.labels[i], similarity: dot(q, v) }));
    return scored.sort((a, b) => b.similarity - a.similarity || a.label - b.label).slice(0, Math.max(0, k));
  }

  /** Number of vectors. */
  size(): number {
    return this.vectors.length;
  }
}

function toUnit(v: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(v as ArrayLike<number>, (x) => x * inv);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
