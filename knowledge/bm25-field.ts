/**
 * One BM25 field: an inverted index with postings in typed arrays (compact at 100k chunks),
 * scored into a caller-owned accumulator so several fields can be summed with weights.
 */

/** BM25 saturation and length normalisation. */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** Typed-array form of a field, for persistence. */
export interface Bm25FieldData {
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Float32Array;
  docLens: Float32Array;
  /**
   * Documents that count for idf and average length (default: every document). Lower after an
   * incremental removal: a removed document keeps its number with length 0 and no postings.
   */
  live?: number;
}

/** An immutable inverted index over one field. */
export class Bm25Field {
  private readonly termIds: Map<string, number>;
  readonly avgLen: number;
  /** {@link idfOf} per term id, filled as asked (NaN: not yet); the field never changes. */
  private idfs?: Float64Array;

  /** `termIds`: the term → id map of `data.terms` when the caller has it (an incremental change). */
  constructor(
    readonly data: Bm25FieldData,
    termIds?: Map<string, number>,
  ) {
    this.termIds = termIds ?? new Map(data.terms.map((t, i) => [t, i]));
    let total = 0;
    for (const len of data.docLens) total += len;
    const n = data.live ?? data.docLens.length;
    this.avgLen = n > 0 ? Math.max(total / n, 1e-9) : 1;
  }

  /** Number of (live) documents in the field. */
  get docCount(): number {
    return this.data.live ?? this.data.docLens.length;
  }

  /**
   * Hands the term map over to a field that extends this one's vocabulary (bm25-field-delta.ts), which
   * adds its new terms; this field must not be searched any more.
   */
  handOverTermIds(): Map<string, number> {
    return this.termIds;
  }

  /** Id of a term, or -1 when unknown. */
  termId(term: string): number {
    return this.termIds.get(term) ?? -1;
  }

  /** Document frequency of a term id. */
  df(termId: number): number {
    return termId < 0 ? 0 : this.data.offsets[termId + 1] - this.data.offsets[termId];
  }

  /** Robertson–Spärck Jones idf, kept positive; unknown terms get the idf of a df = 0 term. */
  idf(term: string): number {
    return this.idfOf(this.termId(term));
  }

  /** {@link idf} of a term id (-1: unknown). */
  idfOf(termId: number): number {
    if (termId >= 0) {
      this.idfs ??= new Float64Array(this.data.terms.length).fill(NaN);
      const known = this.idfs[termId];
      if (!Number.isNaN(known)) return known;
      return (this.idfs[termId] = this.computeIdf(termId));
    }
    return this.computeIdf(termId);
  }

  private computeIdf(termId: number): number {
    const n = this.docCount;
    const df = this.df(termId);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Adds weight × BM25(term) for each query term into `acc` (indexed by document). */
  scoreInto(query: ReadonlyMap<string, number>, acc: Float32Array, weight: number, params: Bm25Params): void {
    const { offsets, docs, tfs, docLens } = this.data;
    const { k1, b } = params;
    for (const [term, qWeight] of query) {
      const id = this.termId(term);
      if (id < 0) continue;
      const w = weight * qWeight * this.idf(term);
      for (let p = offsets[id]; p < offsets[id + 1]; p++) {
        const doc = docs[p];
        const tf = tfs[p];
        const norm = k1 * (1 - b + (b * docLens[doc]) / this.avgLen);
        acc[doc] += (w * tf * (k1 + 1)) / (tf + norm);
      }
    }
  }

  /** Term frequency of `termId` in `doc` (binary search in the postings). */
  tf(termId: number, doc: number): number {
    if (termId < 0) return 0;
    const { offsets, docs, tfs } = this.data;
    let lo = offsets[termId];
    let hi = offsets[termId + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (docs[mid] === doc) return tfs[mid];
      if (docs[mid] < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
