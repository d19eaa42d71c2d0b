/**
 * Latent semantic analysis learned from the indexed corpus: TF-IDF over words and character
 * bigrams, truncated SVD, documents and queries projected onto the top singular directions.
 * It is the local default embedder: no model download, deterministic, saved with the index.
 */
import type { AnalyzedText } from './analyzer';
import { randomizedSvd, type SparseRows } from './randomized-svd';
import { SeededRandom } from './seeded-random';

/** Parameters of an LSA fit. */
export interface LsaOptions {
  dims: number;
  seed: number;
  /** Rows used for the SVD fit; larger corpora are sampled (seeded). */
  maxFitDocs: number;
  /** Features kept, by document frequency. */
  maxFeatures: number;
  /** Weight of bigram features relative to word features. */
  gramWeight: number;
}

/** Defaults: 128 dimensions, fit on at most 20k chunks and 40k features. */
export const DEFAULT_LSA_OPTIONS: Readonly<LsaOptions> = Object.freeze({
  dims: 128,
  seed: 20240401,
  maxFitDocs: 20000,
  maxFeatures: 40000,
  gramWeight: 0.5,
});

/** Persisted form of the model. */
export interface LsaModelData {
  dims: number;
  gramWeight: number;
  features: string[];
  idf: Float32Array;
  projection: Float32Array;
}

/** Feature names of analysed text: `w:` words and `g:` bigrams. */
export function textFeatures(t: AnalyzedText): string[] {
  return [...t.words.map((w) => 'w:' + w), ...t.grams.map((g) => 'g:' + g)];
}

/** A fitted LSA model. */
export class LsaModel {
  private readonly index = new Map<string, number>();

  constructor(readonly data: LsaModelData) {
    data.features.forEach((f, i) => this.index.set(f, i));
  }

  /** Model feature id of a feature name, or -1. */
  featureId(name: string): number {
    return this.index.get(name) ?? -1;
  }

  /** Unit vector of a list of feature names (repeats count as term frequency). */
  embedFeatures(features: readonly string[]): Float32Array {
    const ids: number[] = [];
    for (const f of features) {
      const id = this.index.get(f);
      if (id !== undefined) ids.push(id);
    }
    return this.embedIds(ids);
  }

  /** Unit vector of feature ids (repeats count); zero vector when nothing is known. */
  embedIds(ids: readonly number[] | Int32Array): Float32Array {
    const { dims, projection } = this.data;
    const out = new Float64Array(dims);
    for (const [id, w] of tfidf(ids, this.data)) {
      const base = id * dims;
      for (let j = 0; j < dims; j++) out[j] += w * projection[base + j];
    }
    return unit(out);
  }
}

/** Fits an LSA model on documents given as feature-id lists over `featureNames`. */
export function fitLsa(
  featureNames: readonly string[],
  docs: readonly Int32Array[],
  options: LsaOptions = DEFAULT_LSA_OPTIONS,
): LsaModel {
  const n = docs.length;
  const df = new Int32Array(featureNames.length);
  const seen = new Int32Array(featureNames.length).fill(-1);
  docs.forEach((ids, d) =>
    ids.forEach((id) => {
      if (seen[id] !== d) {
        seen[id] = d;
        df[id]++;
      }
    }),
  );
  const minDf = n >= 1000 ? 2 : 1;
  const candidates = [...df.keys()].filter((id) => df[id] >= minDf && df[id] <= Math.max(1, 0.5 * n));
  candidates.sort((x, y) => df[y] - df[x] || x - y);
  const chosen = candidates.slice(0, options.maxFeatures).sort((x, y) => x - y);
  const remap = new Int32Array(featureNames.length).fill(-1);
  chosen.forEach((id, i) => {
    remap[id] = i;
  });
  const features = chosen.map((id) => featureNames[id]);
  const idf = Float32Array.from(chosen, (id) => Math.log((n + 1) / (df[id] + 1)) + 1);
  const sample = sampleRows(n, options.maxFitDocs, options.seed);
  const shell: LsaModelData = {
    dims: 0,
    gramWeight: options.gramWeight,
    features,
    idf,
    projection: new Float32Array(0),
  };
  const rows = toSparseRows(
    sample.map((d) => remapIds(docs[d], remap)),
    shell,
  );
  const svd = randomizedSvd(rows, Math.min(options.dims, Math.max(1, n - 1)), { seed: options.seed });
  const projection = Float32Array.from(svd.rightVectors);
  return new LsaModel({ ...shell, dims: svd.rank, projection });
}

/** Maps corpus feature ids to model feature ids, dropping unknown ones. */
export function remapIds(ids: Int32Array, remap: Int32Array): number[] {
  const out: number[] = [];
  for (const id of ids) if (remap[id] >= 0) out.push(remap[id]);
  return out;
}

function tfidf(ids: readonly number[] | Int32Array, data: LsaModelData): Map<number, number> {
  const tf = new Map<number, number>();
  for (const id of ids) tf.set(id, (tf.get(id) ?? 0) + 1);
  let norm = 0;
  for (const [id, c] of tf) {
    const w = (1 + Math.log(c)) * data.idf[id] * (data.features[id].startsWith('g:') ? data.gramWeight : 1);
    tf.set(id, w);
    norm += w * w;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [id, w] of tf) tf.set(id, w * inv);
  return tf;
}

function toSparseRows(docs: number[][], data: LsaModelData): SparseRows {
  const rowStart = new Int32Array(docs.length + 1);
  const weighted = docs.map((ids) => tfidf(ids, data));
  weighted.forEach((m, r) => {
    rowStart[r + 1] = rowStart[r] + m.size;
  });
  const cols = new Int32Array(rowStart[docs.length]);
  const values = new Float32Array(rowStart[docs.length]);
  weighted.forEach((m, r) => {
    let p = rowStart[r];
    for (const [id, w] of m) {
      cols[p] = id;
      values[p++] = w;
    }
  });
  return { rowStart, cols, values, columnCount: data.features.length };
}

function sampleRows(n: number, max: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  const rng = new SeededRandom(seed ^ 0x5bd1e995);
  for (let i = 0; i < max; i++) {
    const j = i + rng.int(n - i);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, max).sort((a, b) => a - b);
}

function unit(v: Float64Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(v, (x) => x * inv);
}
