/**
 * Fits the confidence's logistic weights on one knowledge base's probes (calibration.ts): weighted
 * logistic regression with a Gaussian prior centred on the helpdesk prior weights (maximum a
 * posteriori, Newton's method). The prior keeps the weights where the probes say little, and a
 * small knowledge base moves them only a little.
 */
import { HELPDESK_PRIOR_WEIGHTS, type ConfidenceFeatures, type ConfidenceWeights } from './confidence';

/** One probe as the fit sees it. */
export interface WeightedSample {
  features: ConfidenceFeatures;
  /** 1: what would be shown is right; 0: wrong. */
  label: 0 | 1;
  /** Weight of the sample (the probes' kinds are weighed like the threshold fit weighs them). */
  weight: number;
}

const KEYS = [
  'bias',
  'coverage',
  'questionRecall',
  'questionDice',
  'cosine',
  'margin',
  'missingKnown',
  'length',
  'topicCoverage',
] as const;

/**
 * Strength of the prior, as a number of samples' worth: the fitted weights move away from the prior
 * only as far as about this many probes' evidence allows (the weights sum to the probe count).
 */
export const PRIOR_STRENGTH = 60;

/** A sample's inputs in KEYS order (1 for the bias). */
const row = (f: ConfidenceFeatures): number[] => KEYS.map((k) => (k === 'bias' ? 1 : (f[k] ?? 0)));

/** MAP weights; the prior when there is nothing to fit (no sample of one of the two labels). */
export function fitConfidenceWeights(
  samples: readonly WeightedSample[],
  prior: ConfidenceWeights = HELPDESK_PRIOR_WEIGHTS,
  priorStrength = PRIOR_STRENGTH,
): ConfidenceWeights {
  const positives = samples.filter((s) => s.label === 1 && s.weight > 0).length;
  if (positives === 0 || positives === samples.filter((s) => s.weight > 0).length) return { ...prior };
  const p0 = KEYS.map((k) => prior[k] ?? 0);
  let w = [...p0];
  // Each feature is in [0, 1]; lambda per weight so that the prior weighs like `priorStrength` samples.
  const lambda = priorStrength / 4;
  for (let iter = 0; iter < 50; iter++) {
    const grad = w.map((wi, i) => lambda * (wi - p0[i]!));
    const hess = KEYS.map((_, i) => KEYS.map((__, j) => (i === j ? lambda : 0)));
    for (const s of samples) {
      const x = row(s.features);
      const p = 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + xi * w[i]!, 0)));
      for (let i = 0; i < x.length; i++) {
        grad[i]! += s.weight * (p - s.label) * x[i]!;
        for (let j = 0; j < x.length; j++) hess[i]![j]! += s.weight * p * (1 - p) * x[i]! * x[j]!;
      }
    }
    const step = solve(hess, grad);
    w = w.map((wi, i) => wi - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  const r = (i: number): number => Math.round(w[i]! * 1000) / 1000;
  return Object.fromEntries(KEYS.map((k, i) => [k, r(i)])) as ConfidenceWeights;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
