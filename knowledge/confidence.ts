/**
 * Calibrated confidence that the top hit answers the query: a logistic function of features that
 * do not depend on corpus size (the score margin was left out: it is large on small knowledge bases
 * whatever the query). Weights were fitted (logistic regression) on the localgovFAQ
 * development split — top-1 correctness plus the abstention protocol of `kotae eval --abstain` —
 * and rounded to halves; see README for the figures.
 */

/** Signals about the top hit of one search. */
export interface ConfidenceFeatures {
  /** Share of the query words' idf mass found in the top hit (all its text). */
  coverage: number;
  /** Share of the top hit question's idf mass that the query contains (does the query restate it?). */
  questionRecall: number;
  /** Dice overlap of the query's and the top hit question's bigram sets. */
  questionDice: number;
  /** Dense cosine of the (unexpanded) query and the top hit, times the share of the query the corpus knows. */
  cosine: number;
  /**
   * Lead of the top hit over the second in the reranked score, clipped to [0, 1] (0 or absent: no
   * second hit measured). Its weight has no benchmark prior (0): each index's calibration fits it on
   * its own probes, since the margin's scale depends on the knowledge base.
   */
  margin?: number;
  /**
   * Share of the query's idf mass in words the knowledge base knows (the word or a synonym, in any
   * entry) that the top hit lacks: a detail the knowledge base speaks of elsewhere but this entry does
   * not (「Zoomの録画」 answered by the Teams recording entry). Unknown words are not counted (the
   * cosine's known share sees those). Prior weight 0, fitted per index like the margin.
   */
  missingKnown?: number;
  /**
   * The query asks for a reason, a price, a time or a quantity and the top hit speaks of none of it
   * (question-type.ts): the confidence is halved, whatever the weights. Not a weight of its own: too rare in probes
   * to fit.
   */
  askedKindMissing?: boolean;
  /**
   * The query names a product the knowledge base knows (Zoom, Webex) that the top hit does not, and
   * the top hit's question names another (Teams): the confidence is halved, like {@link askedKindMissing}
   * (confidence-features.ts `nameMissing`).
   */
  nameMissing?: boolean;
  /**
   * The query is one word and says nothing of it (「メール」「パスワード？」「VPNについて」): it names a topic,
   * not a question, so no entry is its answer however well it matches; the confidence is halved, like
   * {@link askedKindMissing}, which leaves the candidates to choose from (clarify).
   */
  bareTopic?: boolean;
  /**
   * The query's length in words, min(n, 30) / 30: a long question (context, then what is asked) restates less
   * of its entry's question and covers less of itself in any entry than a short one does, right or not, so at
   * the same word features it is more likely right. Prior weight from the helpdesk dev sets.
   */
  length?: number;
  /**
   * Share of the query's known topic words (not verbs, adjectives or numbers) that the top hit has
   * (confidence-features.ts `topicCoverage`): a near miss shares the verbs and the generic words, not the topic.
   */
  topicCoverage?: number;
}

/** Logistic weights: bias + one per feature. */
export type ConfidenceWeights = Omit<ConfidenceFeatures, 'askedKindMissing' | 'nameMissing' | 'bareTopic'> & {
  bias: number;
};

/** The prior weights (benchmark-fitted); each index's calibration refits them on its own probes. */
export const CONFIDENCE_WEIGHTS: Readonly<ConfidenceWeights> = Object.freeze({
  bias: -3,
  coverage: 1.5,
  questionRecall: 2.5,
  questionDice: 1,
  cosine: 1,
});

/**
 * The prior of each index's self-calibration (confidence-fit.ts): logistic weights fitted on the team's
 * own IT-helpdesk dev sets (bench/dev-sets.ts: the sample knowledge base's dev set and the thirty-two sets under
 * test/fixtures/qa, 3,467 staff-style questions; label: the top hit is an expected entry), by
 * `npm run bench:prior`, rounded to two decimals; the bias then moved by hand on the dev sets from the fitted −6.13 to
 * −5.90, which keeps their shown-correct where it was (0.772 against 0.777 before the topic coverage) with fewer
 * others shown (0.121 against 0.136; README "Session 21"). The benchmark-fitted {@link CONFIDENCE_WEIGHTS} had no weight for the margin,
 * the known words the top hit lacks, the query's length and the topic words it has, and put more on the question
 * recall; on these sets, each measured with a prior fitted without it (leave one set out), the topic coverage
 * raises the mean AUROC from 0.927 to 0.930 (24 sets up, 8 down). Each index still refits the weights on its own
 * probes.
 */
export const HELPDESK_PRIOR_WEIGHTS: Readonly<ConfidenceWeights> = Object.freeze({
  bias: -5.9,
  coverage: 2.79,
  questionRecall: 2.22,
  questionDice: 1.28,
  cosine: 2,
  margin: 1.96,
  missingKnown: -0.52,
  length: 1.1,
  topicCoverage: 1.79,
});

/** Confidence factor when the top hit does not give the kind of fact asked for (see ConfidenceFeatures). */
export const ASKED_KIND_MISSING_FACTOR = 0.5;

/** Confidence factor when the query is a bare topic (see ConfidenceFeatures). */
export const BARE_TOPIC_FACTOR = 0.5;

/** Confidence factor when the query names another product than the top hit (see ConfidenceFeatures). */
export const NAME_MISSING_FACTOR = 0.5;

/** Confidence in [0, 1]. */
export function confidenceOf(f: ConfidenceFeatures, w: Readonly<ConfidenceWeights> = CONFIDENCE_WEIGHTS): number {
  const z =
    w.bias +
    w.coverage * f.coverage +
    w.questionRecall * f.questionRecall +
    w.questionDice * f.questionDice +
    w.cosine * f.cosine +
    (w.margin ?? 0) * (f.margin ?? 0) +
    (w.missingKnown ?? 0) * (f.missingKnown ?? 0) +
    (w.length ?? 0) * (f.length ?? 0) +
    (w.topicCoverage ?? 0) * (f.topicCoverage ?? 0);
  const factor =
    (f.askedKindMissing ? ASKED_KIND_MISSING_FACTOR : 1) *
    (f.nameMissing ? NAME_MISSING_FACTOR : 1) *
    (f.bareTopic ? BARE_TOPIC_FACTOR : 1);
  return factor / (1 + Math.exp(-z));
}
