/**
 * Incremental updates of a loaded index: the chunks that differ between what the index serves and
 * what the sources now hold (by chunk id and content), embedded with the index's own embedder (the
 * LSA model fitted at the last full build, or the external service) and applied in place: BM25
 * postings and statistics updated exactly, vectors appended, removed chunks marked deleted in the
 * vector index. The LSA model and the calibrated thresholds stay those of the last full build until
 * the next one (a word first seen in an added chunk has no dense contribution until then).
 */
import type { TextAnalyzer } from './analyzer';
import { bm25WithChanges } from './bm25-field-delta';
import { fullText } from './chunk-text';
import { analyseChunk, lsaFeatureNames, unitVector, type ChunkAnalysis } from './index-builder';
import type { IndexData } from './index-data';
import type { LsaModel } from './lsa-model';
import { questionLinesFromWords } from './question-lines';
import type { Chunk, Embedder } from './types';

/** What changed: chunk ids taken out and chunks put in (an edited chunk is both). */
export interface IndexDelta {
  removed: string[];
  added: Chunk[];
}

/** A delta with the vectors of its added chunks (added[i] at i × dims), as persisted and replayed. */
export interface PreparedDelta extends IndexDelta {
  dims: number;
  vectors: Float32Array;
}

/** How an index embeds documents: the LSA model it fitted, an external service, or not at all. */
export type DocumentEmbedding =
  { kind: 'lsa'; model: LsaModel } | { kind: 'external'; embedder: Embedder } | { kind: 'none' };

/** The chunks the index serves (the removed ones left out), in chunk-number order. */
export function liveChunks(data: IndexData): Chunk[] {
  return data.removed.size === 0 ? data.chunks : data.chunks.filter((_, i) => !data.removed.has(i));
}

/** The delta that turns the served chunks into `next` (chunk ids are stable: `<document id>#<n>`). */
export function diffChunks(data: IndexData, next: readonly Chunk[]): IndexDelta {
  const served = new Map(liveChunks(data).map((c) => [c.id, c]));
  const nextIds = new Set(next.map((c) => c.id));
  const added = next.filter((c) => {
    const old = served.get(c.id);
    return !old || !sameChunk(old, c);
  });
  const removed = [...served.keys()].filter((id) => !nextIds.has(id));
  removed.push(...added.filter((c) => served.has(c.id)).map((c) => c.id));
  return { removed, added };
}

/** Embeds the added chunks of a delta (analysing each once; the analysis is reused by {@link applyDelta}). */
export async function prepareDelta(
  delta: IndexDelta,
  dims: number,
  embedding: DocumentEmbedding,
  analyzer: TextAnalyzer,
): Promise<{ prepared: PreparedDelta; analyses: ChunkAnalysis[] }> {
  const analyses = delta.added.map((c) => analyseChunk(c, analyzer));
  const vectors = new Float32Array(delta.added.length * dims);
  if (embedding.kind === 'lsa')
    analyses.forEach((a, i) => vectors.set(embedding.model.embedFeatures(lsaFeatureNames(a)), i * dims));
  if (embedding.kind === 'external' && delta.added.length > 0) {
    const embedded = await embedding.embedder.embedDocuments(delta.added.map(fullText));
    embedded.forEach((v, i) => {
      if (v.length !== dims) throw new RangeError(`embedder returned ${v.length} dimensions, the index has ${dims}`);
      vectors.set(unitVector(v), i * dims);
    });
  }
  return { prepared: { ...delta, dims, vectors }, analyses };
}

/**
 * Applies a prepared delta to `data` in place (synchronously: a query sees the index before or after).
 * `removedAnalyses` (the removed chunks analysed again) narrow the postings to filter to their terms.
 */
export function applyDelta(
  data: IndexData,
  delta: PreparedDelta,
  analyses: readonly ChunkAnalysis[],
  removedAnalyses?: readonly ChunkAnalysis[],
): void {
  const { dims } = data.dense;
  if (delta.dims !== dims || delta.vectors.length !== delta.added.length * dims)
    throw new RangeError(`delta vectors have ${delta.dims} dimensions, the index ${dims}`);
  const numbers = new Map<string, number>();
  data.chunks.forEach((c, i) => {
    if (!data.removed.has(i)) numbers.set(c.id, i);
  });
  const removed = new Set<number>();
  for (const id of delta.removed) {
    const doc = numbers.get(id);
    if (doc !== undefined) removed.add(doc);
  }
  const first = data.chunks.length;
  const change = (name: 'question' | 'content' | 'grams') =>
    bm25WithChanges(
      data.fields[name],
      removed,
      analyses.map((a) => a[name]),
      removedAnalyses?.flatMap((a) => a[name]),
    );
  data.fields = { question: change('question'), content: change('content'), grams: change('grams') };
  data.questionLines = data.questionLines.concat(
    questionLinesFromWords(
      analyses.map((a) => a.lineWords),
      data.fields.content,
    ),
  );
  const vectors = new Float32Array((first + delta.added.length) * dims);
  vectors.set(data.dense.vectors);
  vectors.set(delta.vectors, first * dims);
  data.dense.vectors = vectors;
  for (const doc of removed) data.dense.index.remove(doc);
  delta.added.forEach((_, i) => {
    const v = delta.vectors.subarray(i * dims, (i + 1) * dims);
    if (v.some((x) => x !== 0)) data.dense.index.add(first + i, Array.from(v));
  });
  data.chunks.push(...delta.added);
  for (const doc of removed) data.removed.add(doc);
  const live = liveChunks(data);
  const before = data.stats.updates ?? { count: 0, added: 0, removed: 0 };
  data.stats = {
    ...data.stats,
    chunks: live.length,
    documents: new Set(live.map((c) => c.documentId)).size,
    updates: {
      count: before.count + 1,
      added: before.added + delta.added.length,
      removed: before.removed + removed.size,
      lastAt: new Date().toISOString(),
    },
  };
}

function sameChunk(a: Chunk, b: Chunk): boolean {
  return (
    a.documentId === b.documentId &&
    a.kind === b.kind &&
    a.title === b.title &&
    a.url === b.url &&
    a.category === b.category &&
    a.page === b.page &&
    a.headingPath.length === b.headingPath.length &&
    a.headingPath.every((h, i) => h === b.headingPath[i]) &&
    a.fields.question === b.fields.question &&
    a.fields.answer === b.fields.answer &&
    a.fields.body === b.fields.body
  );
}
