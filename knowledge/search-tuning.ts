/**
 * Retrieval parameters. Few and round on purpose: they were set on the localgovFAQ development
 * split and must hold on unseen queries and on IT-helpdesk FAQs.
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
  /** Share of the dense score in the fused score (0 = BM25 only). */
  denseWeight: number;
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
}

/** Defaults measured with `kotae eval` (see README). */
export const DEFAULT_TUNING: Readonly<SearchTuning> = Object.freeze({
  k1: 1.2,
  b: 0.75,
  questionWeight: 1,
  contentWeight: 1,
  gramWeight: 0.5,
  synonymWeight: 0.5,
  candidates: 100,
  denseWeight: 0.4,
  denseFeedback: 1,
  feedbackDocs: 3,
  rerankDepth: 20,
  rerankQuestionWeight: 0.3,
  rerankCoverageWeight: 0.3,
  rerankAspectPenalty: 0.4,
  rerankKindPenalty: 0.1,
});
