/**
 * The in-memory form of a knowledge index: chunks, BM25 fields, document vectors and the
 * vector index, plus how it was built.
 */
import type { Bm25Field } from './bm25-field';
import type { QuestionLines } from './question-lines';
import type { Chunk, IndexStats, VectorIndex } from './types';

/** The BM25 fields of an index. */
export interface IndexFields {
  /** Words of the question / headline text. */
  question: Bm25Field;
  /** Words of all text. */
  content: Bm25Field;
  /** Character bigrams of all text. */
  grams: Bm25Field;
}

/** Dense side: unit document vectors (chunk i at i × dims) and an ANN index labelled by chunk number. */
export interface DenseData {
  dims: number;
  vectors: Float32Array;
  index: VectorIndex;
}

/** Everything a searcher needs. */
export interface IndexData {
  /** Chunk i is document i of every field and vector i (a removed chunk keeps its number). */
  chunks: Chunk[];
  /** Chunk numbers removed by incremental updates since the last full build (never searched). */
  removed: Set<number>;
  fields: IndexFields;
  dense: DenseData;
  /** Words of each chunk's question lines, for the rerank. */
  questionLines: QuestionLines;
  stats: IndexStats;
}
