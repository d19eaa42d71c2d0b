/**
 * The knowledge base the bot searches: index data plus analyzer, embedder and query expander.
 * `createKnowledgeBase` builds one in memory (tests, evaluation); index-store.ts persists it.
 */
import { createJapaneseAnalyzer, type TextAnalyzer } from './analyzer';
import { buildIndexData } from './index-builder';
import type { IndexData } from './index-data';
import { HnswVectorIndex } from './hnsw-vector-index';
import { calibrate } from './calibration';
import { HybridSearcher, type ExplainedRetrieval } from './hybrid-searcher';
import { analyseChunk, type ChunkAnalysis } from './index-builder';
import {
  applyDelta,
  diffChunks,
  liveChunks,
  prepareDelta,
  type DocumentEmbedding,
  type IndexDelta,
  type PreparedDelta,
} from './index-delta';
import { InMemoryVectorIndex } from './in-memory-vector-index';
import type { LsaModel, LsaOptions } from './lsa-model';
import { createQueryExpander, type SynonymSource } from './query-expansion';
import { DEFAULT_TUNING, type SearchTuning } from './search-tuning';
import type { QueryExpander } from './synonym-expander';
import type { Chunk, Embedder, IndexStats, KnowledgeBase, Retrieval } from './types';

/** Options shared by building, opening and creating knowledge bases. */
export interface KnowledgeBaseOptions {
  /** External embedder; default: LSA learned from the corpus. */
  embedder?: Embedder;
  /** Name recorded for an external embedder. */
  embedderName?: string;
  /** Reuse an analyzer (its dictionary takes about a second to load). */
  analyzer?: TextAnalyzer;
  /** Default: curated lists plus the Sudachi synonym dictionary. */
  synonyms?: SynonymSource;
  /** Reuse a query expander (the Sudachi dictionary takes about a second to load); wins over `synonyms`. */
  expander?: QueryExpander;
  tuning?: Partial<SearchTuning>;
  lsa?: Partial<LsaOptions>;
  onProgress?: (done: number, total: number) => void;
  /** False: BM25 only (no embedder, no vectors). */
  dense?: boolean;
  /**
   * Fit the answer thresholds on the knowledge base at build time (calibration.ts); default true for
   * indexes built on disk, false for in-memory ones unless asked.
   */
  calibrate?: boolean;
  /** Precision of shown answers the calibration aims at (`KOTAE_ANSWER_PRECISION`, default 0.95). */
  answerPrecision?: number;
}

/** A searchable knowledge base over one {@link IndexData}. */
export class HybridKnowledgeBase implements KnowledgeBase {
  constructor(
    private readonly data: IndexData,
    private readonly searcher: HybridSearcher,
    private readonly updating: { analyzer: TextAnalyzer; embedding: DocumentEmbedding },
  ) {}

  /** What turns the served chunks into `next`. */
  diff(next: readonly Chunk[]): IndexDelta {
    return diffChunks(this.data, next);
  }

  /** Embeds a delta's added chunks with the index's embedder (nothing changes yet). */
  async prepare(delta: IndexDelta): Promise<PreparedUpdate> {
    const { analyzer, embedding } = this.updating;
    return prepareDelta(delta, this.data.dense.dims, embedding, analyzer);
  }

  /** Applies a prepared delta in place; without `analyses` (a replayed delta) the added chunks are analysed. */
  apply(prepared: PreparedDelta, analyses?: readonly ChunkAnalysis[]): void {
    const { analyzer } = this.updating;
    const gone = new Set(prepared.removed);
    const removed = liveChunks(this.data).filter((c) => gone.has(c.id));
    // A few removed chunks are analysed again so that only their terms' postings are filtered.
    const removedAnalyses = removed.length <= 50 ? removed.map((c) => analyseChunk(c, analyzer)) : undefined;
    applyDelta(this.data, prepared, analyses ?? prepared.added.map((c) => analyseChunk(c, analyzer)), removedAnalyses);
    this.searcher.chunksChanged(removed, prepared.added);
  }

  /** Top-k hits (default 10) with a calibrated confidence. */
  async search(query: string, options: { k?: number } = {}): Promise<Retrieval> {
    const { hits, confidence } = await this.searcher.search(query, options.k ?? 10);
    const thresholds = this.data.stats.calibration?.thresholds;
    return thresholds ? { hits, confidence, thresholds } : { hits, confidence };
  }

  /** Like {@link search}, with the confidence features. */
  searchExplained(query: string, k = 10): Promise<ExplainedRetrieval> {
    return this.searcher.search(query, k);
  }

  /** The words a typed question is searched with: rewritten and analysed, before synonym expansion. */
  queryWords(query: string): string[] {
    return this.searcher.queryWords(query);
  }

  /** The served chunks of one document (a FAQ entry's, a manual's), in index order. */
  chunksOf(documentId: string): Chunk[] {
    return liveChunks(this.data).filter((c) => c.documentId === documentId);
  }

  /** Build summary. */
  stats(): IndexStats {
    return { ...this.data.stats };
  }
}

/** A delta ready to apply, with the analysis of its added chunks. */
export interface PreparedUpdate {
  prepared: PreparedDelta;
  analyses: ChunkAnalysis[];
}

/** How an index built by {@link buildIndexData} embeds documents. */
export function documentEmbedding(built: { lsa?: LsaModel }, options: KnowledgeBaseOptions): DocumentEmbedding {
  if (built.lsa) return { kind: 'lsa', model: built.lsa };
  return options.dense !== false && options.embedder
    ? { kind: 'external', embedder: options.embedder }
    : { kind: 'none' };
}

/** Resolves the analyzer and expander of a set of options. */
export async function resolveTextTools(
  options: KnowledgeBaseOptions,
): Promise<{ analyzer: TextAnalyzer; expander: QueryExpander }> {
  const analyzer = options.analyzer ?? (await createJapaneseAnalyzer());
  const expander = options.expander ?? (await createQueryExpander(analyzer, options.synonyms ?? 'curated+sudachi'));
  return { analyzer, expander };
}

/** Builds a knowledge base in memory; `exact` vector search by default, hnsw on request. */
export async function createKnowledgeBase(
  chunks: readonly Chunk[],
  options: KnowledgeBaseOptions & { vectorIndex?: 'exact' | 'hnsw' } = {},
): Promise<HybridKnowledgeBase> {
  const { analyzer, expander } = await resolveTextTools(options);
  const built = await buildIndexData(chunks, analyzer, {
    ...options,
    createVectorIndex: (dims) =>
      options.vectorIndex === 'hnsw' ? HnswVectorIndex.create(dims) : new InMemoryVectorIndex(dims),
  });
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const searcher = new HybridSearcher(built.data, analyzer, built.queryEmbedder, expander, tuning);
  if (options.calibrate === true)
    built.data.stats.calibration = await calibrate(searcher, built.data.chunks, {
      precisionTarget: options.answerPrecision,
    });
  return new HybridKnowledgeBase(built.data, searcher, { analyzer, embedding: documentEmbedding(built, options) });
}
