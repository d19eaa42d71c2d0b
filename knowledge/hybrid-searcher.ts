/**
 * Hybrid search: summed per-field BM25 (question words, all words, character bigrams) with
 * synonym expansion, dense candidates from the vector index, score fusion on normalised scores,
 * a second-stage rerank of the best fused hits, and a calibrated confidence.
 */
import { KotaeError } from '../core';
import type { AnalyzedText, TextAnalyzer } from './analyzer';
import {
  coverage,
  knownShare,
  knowsAny,
  marginOf,
  missingKnown,
  nameMissing,
  questionDice,
  prepareQuery,
  topicCoverage,
  type FeatureQuery,
  type PreparedQuery,
} from './confidence-features';
import { confidenceOf, type ConfidenceFeatures } from './confidence';
import { askedKindCheck } from './question-type';
import { questionClauses } from './clauses';
import { chunkTexts, fullText, questionText } from './chunk-text';
import type { IndexData } from './index-data';
import { DEFAULT_TUNING, denseWeightFor, type SearchTuning } from './search-tuning';
import type { QueryExpander } from './synonym-expander';
import { topK } from './top-k';
import { QueryNormalizer } from './query-normalizer';
import type { KanjiReadingsState } from './kanji-readings';
import { VerbSlips } from './verb-slips';
import { KanjiBridges } from './kanji-bridges';
import { Reranker } from './reranker';
import type { AnalysisEmbedder, Chunk, Embedder, Retrieval } from './types';

/** A retrieval with the features its confidence came from (for evaluation and logs). */
export interface ExplainedRetrieval extends Retrieval {
  features: ConfidenceFeatures;
}

/** What a search computes from the typed text alone (kept for the same text searched again). */
interface SearchMemo {
  typed: string;
  /** The expander's generation it was expanded with (see QueryExpander.generation). */
  generation?: number;
  query: string;
  analyzed: AnalyzedText;
  /** Summed BM25 per chunk, no chunk excluded. */
  scores: Float32Array;
  alternatives: FeatureQuery['alternatives'];
  /** The query's embedding (set once it is known). */
  rawQv?: number[];
  /** The long question's clauses of two words or more, looked up (set at their first use). */
  clauses?: PreparedQuery[];
}

/** Searches one {@link IndexData}. */
export class HybridSearcher {
  /** Hiragana / typo / colloquial rewrites against this index's own katakana vocabulary. */
  private readonly normalizer: QueryNormalizer;
  /**
   * The last query's rewrite, analysis, lexical scores (before any exclusion) and query vector: the same
   * text searched again at once (the calibration's leave-one-out probe) skips the normaliser, kuromoji,
   * the BM25 pass and the embedding.
   */
  private last?: SearchMemo;
  /** The second stage over the best fused hits (reranker.ts). */
  private readonly reranker: Reranker;
  /** Verbs typed with another kanji of their reading (verb-slips.ts); none without the dictionary's readings. */
  private verbSlips?: VerbSlips;
  /** The knowledge base's two-kanji words by kanji (kanji-bridges.ts), built at the first use. */
  private kanjiBridges?: KanjiBridges;

  /** `readings`: the kanji readings of `data`'s chunks, counted at the index build (index-store.ts). */
  constructor(
    private readonly data: IndexData,
    private readonly analyzer: TextAnalyzer,
    private readonly embedder: Embedder,
    private readonly expander: QueryExpander,
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
    readings?: KanjiReadingsState,
  ) {
    this.normalizer = QueryNormalizer.fromChunks(
      data.chunks,
      analyzer.nounReadings?.bind(analyzer),
      analyzer.isWord?.bind(analyzer),
      readings,
      analyzer.wordReadings && analyzer.cutWords
        ? { readings: analyzer.wordReadings.bind(analyzer), cut: analyzer.cutWords.bind(analyzer) }
        : undefined,
    );
    this.reranker = new Reranker(data, analyzer, tuning);
  }

  /** Follows an incremental update of the index data (the normaliser's katakana vocabulary). */
  chunksChanged(removed: readonly Chunk[], added: readonly Chunk[]): void {
    this.normalizer.update(chunkTexts(removed), chunkTexts(added));
    this.verbSlips = undefined;
    this.kanjiBridges = undefined;
    this.last = undefined;
    this.reranker.clear();
  }

  /**
   * The query's dense vector; empty (lexical search only) while an external embedding service is
   * down, so that staff still get answers from BM25 rather than an error.
   */
  private async queryVector(query: string, analyzed: AnalyzedText): Promise<number[]> {
    const local = (this.embedder as Partial<AnalysisEmbedder>).embedAnalyzed?.(analyzed, this.analyzer);
    if (local) return local;
    try {
      return await this.embedder.embedQuery(query);
    } catch (err) {
      if (err instanceof KotaeError && err.code === 'CLOUD_UNAVAILABLE') return [];
      throw err;
    }
  }

  /**
   * Ranked hits and confidence for a query. `exclude`: chunk numbers left out of the candidates (the
   * calibration's leave-one-out probes).
   */
  async search(typed: string, k = 10, exclude?: ReadonlySet<number>): Promise<ExplainedRetrieval> {
    const { dense, chunks } = this.data;
    const t = this.tuning;
    const last = this.last;
    const memo =
      last?.typed === typed && last.generation === this.expander.generation ? last : this.analyzeQuery(typed);
    this.last = memo;
    const { query, analyzed, scores } = memo;
    // The memo keeps the scores before exclusion.
    const bm25 = exclude?.size ? Float32Array.from(scores) : scores;
    for (const doc of exclude ?? []) bm25[doc] = 0;
    const lexical = topK(bm25, t.candidates);
    const rawQv = memo.rawQv ?? (t.denseWeight > 0 ? await this.queryVector(query, analyzed) : []);
    // Not an empty vector: the embedding service may be back for the next search.
    if (rawQv.length > 0) memo.rawQv = rawQv;
    const qv = this.withFeedback(rawQv, lexical);
    const hasVector = qv.some((x) => x !== 0);
    const semantic = hasVector ? this.semanticCandidates(qv, t.candidates) : [];
    const removed = this.data.removed;
    const candidates = [...new Set([...lexical, ...semantic])].filter((doc) => !exclude?.has(doc) && !removed.has(doc));
    const cosines = candidates.map((doc) => (hasVector ? dot(qv, dense.vectors, doc * dense.dims, dense.dims) : 0));
    const maxBm25 = lexical.length > 0 ? bm25[lexical[0]] : 1;
    const maxCos = Math.max(1e-9, ...cosines);
    // The chunks served: an incremental update leaves removed ones in place until the next merge.
    const denseWeight = denseWeightFor(t, chunks.length - removed.size);
    const fused = candidates
      .map((doc, i) => ({
        doc,
        score: (1 - denseWeight) * (bm25[doc] / maxBm25) + denseWeight * Math.max(0, cosines[i] / maxCos),
      }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
    const fq: FeatureQuery = { analyzed, alternatives: memo.alternatives };
    const kindMissing = askedKindCheck(query);
    const ranked = this.reranker.rerank(fused, fq, k, kindMissing);
    const hits = ranked.slice(0, k).map((f) => ({ chunk: chunks[f.doc], score: f.score }));
    const first = ranked.at(0);
    const top = first?.doc;
    const features: ConfidenceFeatures = {
      // A long question's best clause may be what the entry answers (clauses.ts).
      coverage: top === undefined ? 0 : Math.max(first?.coverage ?? 0, this.clauseCoverage(memo, top)),
      questionRecall: first?.questionRecall ?? 0,
      questionDice: top === undefined ? 0 : questionDice(this.analyzer, fq, chunks[top]),
      // The raw query vector (feedback would pull it towards the top hit), scaled by the share of the
      // query the corpus knows: a vector built from one known word of an off-topic question can
      // point anywhere, and sits close to some document.
      cosine:
        top === undefined || !hasVector
          ? 0
          : knownShare(this.data, fq) * dot(rawQv, dense.vectors, top * dense.dims, dense.dims),
      ...(top !== undefined && kindMissing?.(fullText(chunks[top])) ? { askedKindMissing: true } : {}),
      margin: marginOf(ranked),
      missingKnown: top === undefined ? 0 : missingKnown(this.data, fq, top),
      topicCoverage: top === undefined ? 0 : topicCoverage(this.data, fq, top),
      length: Math.min(analyzed.words.length, MAX_LENGTH_WORDS) / MAX_LENGTH_WORDS,
      ...(analyzed.words.length === 1 && analyzed.predicate === false ? { bareTopic: true } : {}),
      ...(top !== undefined && nameMissing(this.data, fq, typed, top, questionText(chunks[top]))
        ? { nameMissing: true }
        : {}),
    };
    return { hits, confidence: confidenceOf(features, this.data.stats.calibration?.weights), features };
  }

  /** The words a typed question is searched with: rewritten and analysed, before synonym expansion. */
  queryWords(typed: string): string[] {
    return this.withVerbSlips(this.analyzer.analyze(this.normalizer.rewrite(typed))).words;
  }

  /** A typed question rewritten, analysed and scored by BM25 over the three fields. */
  private analyzeQuery(typed: string): SearchMemo {
    const { fields, chunks } = this.data;
    const t = this.tuning;
    const query = this.normalizer.rewrite(typed);
    const analyzed = this.withVerbSlips(this.analyzer.analyze(query));
    const words = this.expander.expand(analyzed.words, t.synonymWeight);
    const alternatives = this.expander.alternatives(analyzed.words, 1);
    this.addKanjiBridges(analyzed, words, alternatives);
    const grams = new Map(analyzed.grams.map((g) => [g, 1]));
    const scores = new Float32Array(chunks.length);
    const params = { k1: t.k1, b: t.b };
    fields.question.scoreInto(words, scores, t.questionWeight, params);
    fields.content.scoreInto(words, scores, t.contentWeight, params);
    fields.grams.scoreInto(grams, scores, t.gramWeight, params);
    return {
      typed,
      generation: this.expander.generation,
      query,
      analyzed,
      scores,
      alternatives,
    };
  }

  /**
   * Adds, for each one-kanji verb or noun of the query, the knowledge base's two-kanji words holding its kanji (変える →
   * 変更, 紙 → 用紙) to the searched words and to the word's alternatives, at {@link SearchTuning.kanjiBridgeWeight}.
   */
  private addKanjiBridges(
    analyzed: AnalyzedText,
    words: Map<string, number>,
    alternatives: Map<string, number>[],
  ): void {
    const t = this.tuning;
    if (t.kanjiBridgeWeight <= 0) return;
    const bridges = (this.kanjiBridges ??= new KanjiBridges(this.data.fields.content));
    const weight = t.synonymWeight * t.kanjiBridgeWeight;
    const affixes = new Set(analyzed.affixes ?? []);
    analyzed.words.forEach((word, i) => {
      // 医 of 当番医 is part of the word before it, not a word of its own to bridge.
      if (affixes.has(word)) return;
      for (const compound of bridges.compoundsFor(word)) {
        const alt = alternatives[i];
        if (alt && (alt.get(compound) ?? 0) < t.kanjiBridgeWeight) alt.set(compound, t.kanjiBridgeWeight);
        if ((words.get(compound) ?? 0) < weight) words.set(compound, weight);
      }
    });
  }

  /** The analysis with each verb the knowledge base writes with another kanji of its reading read as the KB's. */
  private withVerbSlips(analyzed: AnalyzedText): AnalyzedText {
    const readings = this.analyzer.wordReadings?.bind(this.analyzer);
    if (!readings || !analyzed.verbs) return analyzed;
    this.verbSlips ??= new VerbSlips(this.data.fields.content, readings);
    const known = (verb: string): boolean =>
      knowsAny(this.data, this.expander.alternatives([verb], 1)[0]?.keys() ?? [verb]);
    const slips = new Map<string, string>();
    for (const verb of analyzed.verbs) {
      const slip = this.verbSlips.knownFor(verb, known);
      if (slip) slips.set(verb, slip);
    }
    if (slips.size === 0) return analyzed;
    const read = (w: string): string => slips.get(w) ?? w;
    return {
      ...analyzed,
      words: analyzed.words.map(read),
      verbs: analyzed.verbs.map(read),
      ...(analyzed.aspects ? { aspects: new Map([...analyzed.aspects].map(([w, a]) => [read(w), a])) } : {}),
      ...(analyzed.negated ? { negated: new Set([...analyzed.negated].map(read)) } : {}),
    };
  }

  /**
   * The dense candidates: the `n` chunks nearest to the query vector, or every chunk when the index
   * holds no more than `n` (the graph search would return them all; the fusion orders them).
   */
  private semanticCandidates(qv: number[], n: number): number[] {
    const { chunks, dense } = this.data;
    if (chunks.length <= n) return chunks.map((_, doc) => doc);
    return dense.index.search(qv, n).map((h) => h.label);
  }

  /**
   * The best share of its idf mass found in `doc` among the clauses (of two words or more) of a long
   * question; 0 for a question of one clause (clauses.ts).
   */
  private clauseCoverage(memo: SearchMemo, doc: number): number {
    memo.clauses ??= questionClauses(memo.query).flatMap((clause) => {
      const analyzed = this.analyzer.analyze(clause);
      if (analyzed.words.length < 2) return [];
      return [prepareQuery(this.data, { analyzed, alternatives: this.expander.alternatives(analyzed.words, 1) })];
    });
    return Math.max(0, ...memo.clauses.map((clause) => coverage(this.data, clause, doc)));
  }

  /** Rocchio: q + β · mean(top lexical hits), renormalised; unchanged when β = 0. */
  private withFeedback(qv: number[], lexical: readonly number[]): number[] {
    const { denseFeedback: beta, feedbackDocs } = this.tuning;
    const { dims, vectors } = this.data.dense;
    const top = lexical.slice(0, feedbackDocs);
    if (beta <= 0 || top.length === 0 || qv.length !== dims) return qv;
    const out = qv.map((x, j) => x + (beta / top.length) * top.reduce((s, d) => s + vectors[d * dims + j], 0));
    const norm = Math.sqrt(out.reduce((s, x) => s + x * x, 0)) || 1;
    return out.map((x) => x / norm);
  }
}

/** Words from which a query counts as long (ConfidenceFeatures.length). */
const MAX_LENGTH_WORDS = 30;

function dot(q: readonly number[], vectors: Float32Array, offset: number, dims: number): number {
  let s = 0;
  for (let j = 0; j < dims; j++) s += q[j] * vectors[offset + j];
  return s;
}
