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
  marginOf,
  questionDice,
  questionRecall,
  termCredits,
  type FeatureQuery,
} from './confidence-features';
import { confidenceOf, type ConfidenceFeatures } from './confidence';
import { askedKindMissing } from './question-type';
import { fullText, questionText } from './chunk-text';
import type { IndexData } from './index-data';
import { DEFAULT_TUNING, type SearchTuning } from './search-tuning';
import type { QueryExpander } from './synonym-expander';
import { topK } from './top-k';
import { fitTranslationModel, type Translation } from './translation-model';
import { QueryNormalizer, chunkTexts } from './query-normalizer';
import type { AnalysisEmbedder, Chunk, Embedder, Retrieval } from './types';

/** A retrieval with the features its confidence came from (for evaluation and logs). */
export interface ExplainedRetrieval extends Retrieval {
  features: ConfidenceFeatures;
}

/** A fused hit after the rerank, with the features the rerank computed (zero below its depth). */
interface RankedHit {
  doc: number;
  score: number;
  coverage: number;
  questionRecall: number;
}

/** Searches one {@link IndexData}. */
export class HybridSearcher {
  /** Hiragana / typo / colloquial rewrites against this index's own katakana vocabulary. */
  private readonly normalizer: QueryNormalizer;

  constructor(
    private readonly data: IndexData,
    private readonly analyzer: TextAnalyzer,
    private readonly embedder: Embedder,
    private readonly expander: QueryExpander,
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    this.normalizer = QueryNormalizer.fromChunks(data.chunks);
    const env = process.env;
    if (env.RD_W) {
      const t0 = process.cpuUsage();
      const reader = analyzer as unknown as { reading?: (t: string) => string | undefined };
      const minLen = Number(env.RD_MIN ?? 2);
      const kana = new Set<string>();
      for (const term of data.fields.content.data.terms) if (/^[\u3041-\u309f\u30fc]+$/.test(term)) kana.add(term);
      for (const term of data.fields.content.data.terms) {
        if (!/^[\u4e00-\u9fff\u3005]+$/.test(term)) continue;
        const r = reader.reading?.(term);
        if (!r || r.length < minLen || term.length < Number(env.RD_KMIN ?? 1)) continue;
        this.readings.set(r, [...(this.readings.get(r) ?? []), term]);
      }
      const u = process.cpuUsage(t0);
      if (env.TM_DEBUG) console.error(`readings cpu ${((u.user + u.system) / 1000).toFixed(0)} ms, ${this.readings.size}`, JSON.stringify([...this.readings].slice(0, 40)));
    }
    if (env.TM_W) {
      const t0 = process.cpuUsage();
      this.translations = fitTranslationModel(data.fields.question, data.fields.content, {
        direction: (env.TM_DIR as 'qa' | 'aq' | 'pool') ?? 'pool',
        topK: Number(env.TM_K ?? 5),
        iterations: Number(env.TM_IT ?? 5),
        maxDfShare: Number(env.TM_MAXDF ?? 0.1),
      });
      const u = process.cpuUsage(t0);
      if (env.TM_DEBUG) {
        console.error(`tm fit cpu ${((u.user + u.system) / 1000).toFixed(0)} ms, ${this.translations.size} words`);
        for (const w of (env.TM_DEBUG ?? '').split(','))
          console.error(w, JSON.stringify(this.translations.get(w)));
      }
    }
  }

  private translations?: Map<string, Translation[]>;
  private lastQuery = '';
  private readonly readings = new Map<string, string[]>();

  private addReadings(words: Map<string, number>): void {
    if (this.readings.size === 0) return;
    const w0 = Number(process.env.RD_W);
    const reader = this.analyzer as unknown as { reading?: (t: string) => string | undefined };
    for (const [w, x] of [...words]) {
      if (x < 1) continue;
      for (const t of this.readings.get(w) ?? []) if (!words.has(t)) words.set(t, w0);
      if (/^[\u4e00-\u9fff\u3005]+$/.test(w)) {
        const r = reader.reading?.(w);
        if (r && r.length >= Number(process.env.RD_MIN ?? 2) && this.data.fields.content.termId(r) >= 0 && !words.has(r))
          words.set(r, w0);
      }
    }
  }

  /** Score regularisation over the best fused hits: each takes a share of its neighbours' scores. */
  private regularize(fused: { doc: number; score: number }[]): void {
    const alpha = Number(process.env.SR_A ?? 0);
    if (alpha <= 0) return;
    const n = Math.min(fused.length, Number(process.env.SR_N ?? 30));
    const power = Number(process.env.SR_P ?? 1);
    const { dims, vectors } = this.data.dense;
    if (dims === 0) return;
    const head = fused.slice(0, n);
    const next = head.map((f, i) => {
      let num = 0;
      let den = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        let sim = 0;
        for (let x = 0; x < dims; x++) sim += vectors[f.doc * dims + x] * vectors[head[j].doc * dims + x];
        if (sim <= 0) continue;
        sim = sim ** power;
        num += sim * head[j].score;
        den += sim;
      }
      return (1 - alpha) * f.score + alpha * (den > 0 ? num / Math.max(den, 1) : 0);
    });
    head.forEach((f, i) => (f.score = next[i]));
    fused.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
  private readonly collectionTf = new Map<string, number>();

  /** Dirichlet query likelihood (optionally with translations) of each candidate, min-max normalised. */
  private queryLikelihood(words: ReadonlyMap<string, number>, candidates: readonly number[]): number[] {
    if (!process.env.QL_W) return [];
    const field = this.data.fields.content;
    const mu = Number(process.env.QL_MU ?? 100);
    const beta = Number(process.env.TM_B ?? 0);
    const { docLens, tfs, offsets } = field.data;
    let total = 0;
    for (const l of docLens) total += l;
    const bg = (term: string): number => {
      let c = this.collectionTf.get(term);
      if (c === undefined) {
        const id = field.termId(term);
        c = 0;
        if (id >= 0) for (let p = offsets[id]; p < offsets[id + 1]; p++) c += tfs[p];
        this.collectionTf.set(term, c);
      }
      return (c + 0.5) / (total + 1);
    };
    const q = [...words].filter(([, x]) => x >= 1).map(([w]) => w);
    const scores = candidates.map((doc) => {
      let s = 0;
      for (const w of q) {
        let tf = field.tf(field.termId(w), doc);
        if (beta > 0)
          for (const { term, p } of this.translations?.get(w) ?? []) tf += beta * p * field.tf(field.termId(term), doc);
        s += Math.log((tf + mu * bg(w)) / (docLens[doc] + mu));
      }
      return s;
    });
    const lo = Math.min(...scores);
    const hi = Math.max(...scores);
    return scores.map((x) => (hi > lo ? (x - lo) / (hi - lo) : 0));
  }

  private translate(words: Map<string, number>): void {
    const table = this.translations;
    if (!table) return;
    const lambda = Number(process.env.TM_W);
    const norm = process.env.TM_NORM !== '0';
    const add = new Map<string, number>();
    for (const [w, x] of words) {
      if (x < 1) continue;
      const list = table.get(w);
      if (!list || list.length === 0) continue;
      const top = list[0].p;
      for (const { term, p } of list) {
        const v = lambda * (norm ? p / top : p);
        add.set(term, (add.get(term) ?? 0) + v);
      }
    }
    for (const [t, v] of add) if (!words.has(t)) words.set(t, Math.min(v, lambda));
  }

  /** Follows an incremental update of the index data (the normaliser's katakana vocabulary). */
  chunksChanged(removed: readonly Chunk[], added: readonly Chunk[]): void {
    this.normalizer.update(chunkTexts(removed), chunkTexts(added));
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

  /** Ranked hits and confidence for a query. */
  /**
   * `exclude`: chunk numbers left out of the candidates (the calibration's leave-one-out probes).
   */
  async search(typed: string, k = 10, exclude?: ReadonlySet<number>): Promise<ExplainedRetrieval> {
    const { fields, dense, chunks } = this.data;
    const t = this.tuning;
    const query = this.normalizer.rewrite(typed);
    this.lastQuery = query;
    const analyzed = this.analyzer.analyze(query);
    const words = this.expander.expand(analyzed.words, t.synonymWeight);
    this.addReadings(words);
    const tmField = process.env.TM_FIELD ?? 'content';
    const transWords = new Map(words);
    this.translate(transWords);
    const grams = new Map(analyzed.grams.map((g) => [g, 1]));
    const bm25 = new Float32Array(chunks.length);
    const params = { k1: t.k1, b: t.b };
    fields.question.scoreInto(tmField === 'both' ? transWords : words, bm25, t.questionWeight, params);
    fields.content.scoreInto(transWords, bm25, t.contentWeight, params);
    fields.grams.scoreInto(grams, bm25, t.gramWeight, params);
    for (const doc of exclude ?? []) bm25[doc] = 0;
    const lexical = topK(bm25, t.candidates);
    const rawQv = t.denseWeight > 0 ? await this.queryVector(query, analyzed) : [];
    const qv = this.withFeedback(rawQv, lexical);
    const hasVector = qv.some((x) => x !== 0);
    const semantic = hasVector ? dense.index.search(qv, t.candidates).map((h) => h.label) : [];
    const removed = this.data.removed;
    const candidates = [...new Set([...lexical, ...semantic])].filter((doc) => !exclude?.has(doc) && !removed.has(doc));
    const cosines = candidates.map((doc) => (hasVector ? dot(qv, dense.vectors, doc * dense.dims, dense.dims) : 0));
    const maxBm25 = lexical.length > 0 ? bm25[lexical[0]] : 1;
    const maxCos = Math.max(1e-9, ...cosines);
    const ql = this.queryLikelihood(words, candidates);
    const qlW = Number(process.env.QL_W ?? 0);
    const rrf = Number(process.env.RRF ?? 0);
    const semRank = new Map(semantic.map((d, i) => [d, i]));
    const lexRank = new Map(lexical.map((d, i) => [d, i]));
    const fused = candidates
      .map((doc, i) => ({
        doc,
        score: rrf > 0 ? (1 - t.denseWeight) / (rrf + (lexRank.get(doc) ?? 1000)) + t.denseWeight / (rrf + (semRank.get(doc) ?? 1000)) :
          (1 - t.denseWeight) * (bm25[doc] / maxBm25) +
          t.denseWeight * Math.max(0, cosines[i] / maxCos) +
          qlW * (ql[i] ?? 0),
      }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
    this.regularize(fused);
    const fq: FeatureQuery = { analyzed, alternatives: this.expander.alternatives(analyzed.words, 1) };
    const ranked = this.rerank(fused, fq, k);
    const hits = ranked.slice(0, k).map((f) => ({ chunk: chunks[f.doc], score: f.score }));
    const first = ranked.at(0);
    const top = first?.doc;
    const features: ConfidenceFeatures = {
      coverage: first?.coverage ?? 0,
      questionRecall: first?.questionRecall ?? 0,
      questionDice: top === undefined ? 0 : questionDice(this.analyzer, fq, chunks[top]),
      // The raw query vector (feedback would pull it towards the top hit), scaled by the share of the
      // query the corpus knows: a vector built from one known word of an off-topic question can
      // point anywhere, and sits close to some document.
      cosine:
        top === undefined || !hasVector
          ? 0
          : knownShare(this.data, fq) * dot(rawQv, dense.vectors, top * dense.dims, dense.dims),
      ...(top !== undefined && askedKindMissing(query, fullText(chunks[top])) ? { askedKindMissing: true } : {}),
      margin: marginOf(ranked),
    };
    return { hits, confidence: confidenceOf(features, this.data.stats.calibration?.weights), features };
  }

  /**
   * Second stage over the best `rerankDepth` fused hits: adds how much of the query the hit covers
   * and how much of the hit's own question the query restates, so that a hit whose question the
   * staff member actually asked beats one that merely shares vocabulary. Hits below the depth keep
   * their fused order after the reranked ones; the first `k` hits are returned.
   */
  private rerank(fused: readonly { doc: number; score: number }[], fq: FeatureQuery, k: number): RankedHit[] {
    const { rerankDepth, rerankQuestionWeight, rerankCoverageWeight } = this.tuning;
    const credits = termCredits(fq);
    const rcW = Number(process.env.RC_W ?? 0);
    const kanji = (text: string): Set<string> => new Set(text.normalize('NFKC').match(/[\u4e00-\u9fff]/g) ?? []);
    const qChars = rcW > 0 ? kanji(this.lastQuery) : new Set<string>();
    const rbW = Number(process.env.RB_W ?? 0);
    const qGrams = new Set(rbW > 0 ? this.analyzer.bigrams(this.lastQuery) : []);
    const head = fused.slice(0, Math.max(1, rerankDepth)).map((f) => {
      const cov = coverage(this.data, fq, f.doc);
      const recall = questionRecall(this.data, credits, f.doc);
      return {
        ...f,
        coverage: cov,
        questionRecall: recall,
        score:
          (rerankDepth > 0 ? f.score + rerankQuestionWeight * recall + rerankCoverageWeight * cov : f.score) +
          (qGrams.size > 0 ? rbW * gramDice(qGrams, new Set(this.analyzer.bigrams(questionText(this.data.chunks[f.doc])))) : 0) +
          (qChars.size > 0 ? rcW * charOverlap(qChars, kanji(questionText(this.data.chunks[f.doc]))) : 0),
      };
    });
    head.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const tail = fused
      .slice(head.length, Math.max(head.length, k))
      .map((f) => ({ ...f, coverage: 0, questionRecall: 0 }));
    // Two at least: the confidence reads the top hit's lead over the second.
    return [...head, ...tail].slice(0, Math.max(2, k));
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

function gramDice(q: Set<string>, d: Set<string>): number {
  let n = 0;
  for (const c of q) if (d.has(c)) n++;
  return q.size + d.size > 0 ? (2 * n) / (q.size + d.size) : 0;
}

function charOverlap(q: Set<string>, d: Set<string>): number {
  let n = 0;
  for (const c of q) if (d.has(c)) n++;
  return process.env.RC_DICE ? (2 * n) / (q.size + d.size) : n / q.size;
}

function dot(q: readonly number[], vectors: Float32Array, offset: number, dims: number): number {
  let s = 0;
  for (let j = 0; j < dims; j++) s += q[j] * vectors[offset + j];
  return s;
}
