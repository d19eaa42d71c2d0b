/**
 * Calibrated confidence that the top hit answers the query: a logistic function of features that
 * do not depend on corpus size (shares of the query found in the top hit, cosine, margin).
 */

/** Signals about the top hit of one search. */
export interface ConfidenceFeatures {
  /** Share of the query words' idf mass found in the top hit (all text). */
  coverage: number;
  /** Same, in the top hit's question/headline only. */
  questionCoverage: number;
  /** Share of the query's bigram idf mass found in the top hit. */
  gramCoverage: number;
  /** Dense cosine of query and top hit. */
  cosine: number;
  /** (top1 − top2) / top1 of the fused scores. */
  margin: number;
  /** 1 when BM25 and the dense side agree on the top hit. */
  agreement: number;
}

/** Logistic weights; measured with `kotae eval --abstain`. */
export const CONFIDENCE_WEIGHTS: Readonly<ConfidenceFeatures & { bias: number }> = Object.freeze({
  bias: -6,
  coverage: 3,
  questionCoverage: 1,
  gramCoverage: 3,
  cosine: 1,
  margin: 1,
  agreement: 0.5,
});

/** Confidence in [0, 1]. */
export function confidenceOf(f: ConfidenceFeatures, w: typeof CONFIDENCE_WEIGHTS = CONFIDENCE_WEIGHTS): number {
  const z = w.bias + w.coverage * f.coverage + w.questionCoverage * f.questionCoverage + w.gramCoverage * f.gramCoverage
    + w.cosine * f.cosine + w.margin * f.margin + w.agreement * f.agreement;
  return 1 / (1 + Math.exp(-z));
}
