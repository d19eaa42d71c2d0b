/**
 * Ranking metrics of `kotae eval`: nDCG (gain 2^grade − 1, ideal DCG from the judgments),
 * recall and reciprocal rank, with grade ≥ 1 counted as relevant.
 */

/** Graded judgments of one query: document id → grade. */
export type Judgments = Readonly<Record<string, number>>;

/** nDCG@k of a ranked list of document ids. */
export function ndcgAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + gain(judgments[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgments)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Share of relevant documents (grade ≥ 1) found in the top k. */
export function recallAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const relevant = Object.keys(judgments).filter((id) => judgments[id] >= 1);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** 1 / rank of the first relevant document within the top k, else 0. */
export function mrrAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const i = ranked.slice(0, k).findIndex((id) => (judgments[id] ?? 0) >= 1);
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Nearest-rank percentile (p in [0, 100]) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Area under the ROC curve of scores for positives vs negatives (ties count half). */
export function auroc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return 0;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

/**
 * Expected calibration error over `bins` equal-width confidence bins: the share-weighted gap
 * between mean confidence and the rate of correct outcomes in each bin (0 = perfectly calibrated).
 */
export function expectedCalibrationError(
  samples: readonly { confidence: number; correct: boolean }[],
  bins = 10,
): number {
  if (samples.length === 0) return 0;
  const sums = Array.from({ length: bins }, () => ({ n: 0, conf: 0, correct: 0 }));
  for (const s of samples) {
    const b = sums[Math.min(bins - 1, Math.max(0, Math.floor(s.confidence * bins)))];
    b.n++;
    b.conf += s.confidence;
    b.correct += s.correct ? 1 : 0;
  }
  return sums.reduce(
    (e, b) => (b.n > 0 ? e + (b.n / samples.length) * Math.abs(b.conf / b.n - b.correct / b.n) : e),
    0,
  );
}

function gain(grade: number): number {
  return 2 ** grade - 1;
}
