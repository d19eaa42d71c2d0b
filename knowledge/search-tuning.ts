/**
 * Retrieval parameters. Few and round on purpose: they were set on the localgovFAQ development
 * split and must hold on unseen queries and on IT-helpdesk FAQs. Session 22 moved three on the team's 33
 * IT-helpdesk dev sets (synonymWeight 0.5 → 0.7, rerankCoverageWeight 0.3 → 0.5, the dense share scaled down on
 * small indexes: fullDenseChunks), checked on the sixteen clean held-out sets and the localgovFAQ split (README).
 */

/** How the BM25 fields, query expansion and the dense side are combined. */
export interface SearchTuning {
  k1: number;
  b: number;
  /** Field weights of the summed per-field BM25. */
  questionWeight: number;
  contentWeight: number;
  gramWeight: number;
  /** Weight of synonym expansions relative to the query's own words. */
  synonymWeight: number;
  /** Candidates taken from each of BM25 and the vector index before fusion. */
  candidates: number;
  /** Share of the dense score in the fused score (0 = BM25 only), for an index of {@link fullDenseChunks} chunks or more. */
  denseWeight: number;
  /**
   * Chunks from which the dense side gets its full {@link denseWeight}; a smaller index gets a share growing with the
   * logarithm of its size ({@link denseWeightFor}). The dense vectors are learned from the index itself (LSA, ingest):
   * over a few dozen FAQs they know few co-occurrences, and lean on the words BM25 already matched.
   */
  fullDenseChunks: number;
  /** Rocchio feedback: share of the mean vector of the top BM25 hits added to the query vector. */
  denseFeedback: number;
  /** Number of top BM25 hits used for feedback. */
  feedbackDocs: number;
  /** Fused hits that the second stage reorders (0 = no rerank). */
  rerankDepth: number;
  /** Rerank bonus per unit of "the query restates the hit's question" (question recall, 0–1). */
  rerankQuestionWeight: number;
  /** Rerank bonus per unit of "the hit contains the query's words" (idf-weighted coverage, 0–1). */
  rerankCoverageWeight: number;
  /**
   * Rerank malus of a hit whose question uses a verb of the query the other way (done against wanted, aspects.ts):
   * 「借りてるプロジェクターをもう少し使いたい」 is not asking how to borrow one.
   */
  rerankAspectPenalty: number;
  /**
   * Rerank malus of a hit that speaks of none of the kind of fact the query asks for (a reason, a price, a time, a
   * quantity: question-type.ts): 「資料は何日前までに配られる？」 is answered by the entry that gives a number of days.
   */
  rerankKindPenalty: number;
  /**
   * Rerank bonus of a hit whose question says a verb of the query is not happening, as the query does (「VPNが
   * つながらない」 → 「VPNに接続できません」, not 「VPNに接続すると遅くなる」: aspects.ts `negatedVerbs`); 0 = none. Session
   * 24, chosen from 0.05 / 0.1 / 0.15 / 0.2 on the IT-helpdesk dev sets (README).
   */
  rerankPolarityBonus: number;
  /**
   * Credit of a knowledge-base word of two kanji holding the kanji of a one-kanji verb or noun of the query (変える →
   * 変更, 紙 → 用紙: kanji-bridges.ts), as a synonym's factor; 0 = none. Session 23, on the IT-helpdesk dev sets (README).
   */
  kanjiBridgeWeight: number;
}

/** Defaults measured with `kotae eval` (see README). */
export const DEFAULT_TUNING: Readonly<SearchTuning> = Object.freeze({
  k1: 1.2,
  b: 0.75,
  questionWeight: 1,
  contentWeight: 1,
  gramWeight: 0.5,
  synonymWeight: 0.7,
  candidates: 100,
  denseWeight: 0.4,
  fullDenseChunks: 1000,
  denseFeedback: 1,
  feedbackDocs: 3,
  rerankDepth: 20,
  rerankQuestionWeight: 0.3,
  rerankCoverageWeight: 0.5,
  rerankAspectPenalty: 0.4,
  rerankKindPenalty: 0.1,
  rerankPolarityBonus: 0.05,
  kanjiBridgeWeight: 1,
});

/**
 * The dense side's share of the fused score for an index of `chunks` chunks: `tuning.denseWeight` from
 * `tuning.fullDenseChunks` chunks on, `denseWeight · ln(chunks) / ln(fullDenseChunks)` below (100 FAQs: 0.27 of 0.4).
 */
export function denseWeightFor(tuning: Pick<SearchTuning, 'denseWeight' | 'fullDenseChunks'>, chunks: number): number {
  const { denseWeight, fullDenseChunks } = tuning;
  if (chunks >= fullDenseChunks || fullDenseChunks <= 1) return denseWeight;
  return (denseWeight * Math.log(Math.max(chunks, 1))) / Math.log(fullDenseChunks);
}
