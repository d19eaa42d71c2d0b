/**
 * The hybrid search's second stage (hybrid-searcher.ts): over the best fused hits, how much of the query a hit
 * covers and how much of its own question the query restates, an aspect clash, a missing asked kind of fact
 * and a failure said as the query says it.
 */
import type { TextAnalyzer } from './analyzer';
import { coverage, questionRecall, prepareQuery, type FeatureQuery } from './confidence-features';
import { aspectClash, type Aspect } from './aspects';
import { fullText, questionText } from './chunk-text';
import type { IndexData } from './index-data';
import type { SearchTuning } from './search-tuning';

/** A fused hit after the rerank, with the features the rerank computed (zero below its depth). */
export interface RankedHit {
  doc: number;
  score: number;
  coverage: number;
  questionRecall: number;
}

/** What a chunk's question lines do with their verbs (aspects.ts). */
interface LineVerbs {
  aspects: ReadonlyMap<string, Aspect>[];
  negated: ReadonlySet<string>;
}

/** Reranks the fused hits of one {@link IndexData}. */
export class Reranker {
  /**
   * Per chunk: its question lines' verb aspects and the verbs they negate (aspects.ts), from one analysis of each line
   * at the chunk's first rerank that needs them.
   */
  private readonly lineVerbs = new Map<number, LineVerbs>();

  constructor(
    private readonly data: IndexData,
    private readonly analyzer: TextAnalyzer,
    private readonly tuning: SearchTuning,
  ) {}

  /** Forgets the memoised question verbs (the index data changed). */
  clear(): void {
    this.lineVerbs.clear();
  }

  /**
   * Second stage over the best `rerankDepth` fused hits: adds how much of the query the hit covers
   * and how much of the hit's own question the query restates, so that a hit whose question the
   * staff member actually asked beats one that merely shares vocabulary. Hits below the depth keep
   * their fused order after the reranked ones; the first `k` hits are returned.
   */
  rerank(
    fused: readonly { doc: number; score: number }[],
    fq: FeatureQuery,
    k: number,
    kindMissing?: (entryText: string) => boolean,
  ): RankedHit[] {
    const {
      rerankDepth,
      rerankQuestionWeight,
      rerankCoverageWeight,
      rerankAspectPenalty,
      rerankKindPenalty,
      rerankPolarityBonus,
    } = this.tuning;
    const prepared = prepareQuery(this.data, fq);
    const clashes = rerankAspectPenalty > 0 ? this.aspectClashes(fq) : undefined;
    const agrees = rerankPolarityBonus > 0 ? this.polarityAgreement(fq) : undefined;
    const head = fused.slice(0, Math.max(1, rerankDepth)).map((f) => {
      const cov = coverage(this.data, prepared, f.doc);
      const recall = questionRecall(this.data, prepared, f.doc);
      const clash = clashes?.(f.doc) ?? false;
      const agree = agrees?.(f.doc) ?? false;
      const missing = rerankKindPenalty > 0 && (kindMissing?.(fullText(this.data.chunks[f.doc])) ?? false);
      return {
        ...f,
        coverage: cov,
        questionRecall: recall,
        score:
          rerankDepth > 0
            ? f.score +
              rerankQuestionWeight * recall +
              rerankCoverageWeight * cov -
              (clash ? rerankAspectPenalty : 0) -
              (missing ? rerankKindPenalty : 0) +
              (agree ? rerankPolarityBonus : 0)
            : f.score,
      };
    });
    head.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const tail = fused
      .slice(head.length, Math.max(head.length, k))
      .map((f) => ({ ...f, coverage: 0, questionRecall: 0 }));
    // Two at least: the confidence reads the top hit's lead over the second.
    return [...head, ...tail].slice(0, Math.max(2, k));
  }

  /**
   * Whether a chunk's question uses a verb of the query only the other way (aspects.ts); undefined when the query's
   * verbs have no aspect.
   */
  private aspectClashes(fq: FeatureQuery): ((doc: number) => boolean) | undefined {
    const aspects = fq.analyzed.aspects;
    if (!aspects) return undefined;
    const alternatives = new Map<string, string[]>();
    fq.analyzed.words.forEach((w, i) => alternatives.set(w, [...(fq.alternatives[i]?.keys() ?? [w])]));
    return (doc) => aspectClash(aspects, (t) => alternatives.get(t) ?? [t], this.verbsOf(doc).aspects);
  }

  /**
   * Whether a chunk's question says of a verb of the query (or a word standing for it) that it is not happening, as
   * the query does (aspects.ts `negatedVerbs`); undefined when the query negates none.
   */
  private polarityAgreement(fq: FeatureQuery): ((doc: number) => boolean) | undefined {
    const negated = fq.analyzed.negated;
    if (!negated) return undefined;
    const wanted = new Set<string>();
    fq.analyzed.words.forEach((w, i) => {
      if (negated.has(w)) for (const alt of fq.alternatives[i]?.keys() ?? [w]) wanted.add(alt);
    });
    for (const w of negated) wanted.add(w);
    return (doc) => {
      for (const term of this.verbsOf(doc).negated) if (wanted.has(term)) return true;
      return false;
    };
  }

  /** A chunk's question lines' verb aspects and negated verbs (memoised per chunk). */
  private verbsOf(doc: number): LineVerbs {
    let verbs = this.lineVerbs.get(doc);
    if (!verbs) {
      const lines = questionText(this.data.chunks[doc])
        .split('\n')
        .map((line) => this.analyzer.analyze(line));
      verbs = {
        aspects: lines.flatMap((a) => a.aspects ?? []),
        negated: new Set(lines.flatMap((a) => [...(a.negated ?? [])])),
      };
      this.lineVerbs.set(doc, verbs);
    }
    return verbs;
  }
}
