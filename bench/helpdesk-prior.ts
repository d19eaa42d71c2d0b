/**
 * `npm run bench:prior`: fits the helpdesk prior weights of knowledge/confidence.ts
 * (HELPDESK_PRIOR_WEIGHTS) on the team's IT-helpdesk dev sets and prints how well a prior fitted without
 * each set tells a right top hit from the rest on that set (leave one set out: AUROC of the prior's
 * confidence, before any per-index calibration). Label: an answerable question whose top hit is an
 * expected entry is 1; a wrong top hit, an unanswerable or an off-topic question is 0.
 * Not a test; run it by hand (about a minute). Usage: tsx bench/helpdesk-prior.ts
 */
import { auroc } from '../adapters/cli/eval-metrics';
import { buildQaKnowledge, loadQaSet } from '../adapters/cli/eval-qa';
import { confidenceOf, type ConfidenceWeights } from '../knowledge/confidence';
import { fitConfidenceWeights, type WeightedSample } from '../knowledge/confidence-fit';
import { HELPDESK_DEV_SETS as SETS } from './dev-sets';

/** A flat prior (all weights 0) of the strength of 4 samples: a plain ridge-regularised logistic fit. */
const FLAT: ConfidenceWeights = {
  bias: 0,
  coverage: 0,
  questionRecall: 0,
  questionDice: 0,
  cosine: 0,
  margin: 0,
  missingKnown: 0,
  length: 0,
  topicCoverage: 0,
};

async function main(): Promise<void> {
  const bySet = new Map<string, WeightedSample[]>();
  for (const [questions, kbDir] of SETS) {
    const { kb } = await buildQaKnowledge(kbDir);
    const samples: WeightedSample[] = [];
    for (const item of loadQaSet(questions)) {
      const r = await kb.searchExplained(item.question, 5);
      const top = r.hits[0]?.chunk.documentId;
      const right = item.kind === 'answerable' && top !== undefined && item.expected.includes(top);
      samples.push({ features: r.features, label: right ? 1 : 0, weight: 1 });
    }
    bySet.set(kbDir, samples);
  }
  const all = [...bySet.values()].flat();
  const pooled = fitConfidenceWeights(all, FLAT, 4);
  console.log('pooled weights', JSON.stringify(round2(pooled)));
  for (const [name, samples] of bySet) {
    const rest = [...bySet].flatMap(([other, s]) => (other === name ? [] : s));
    const w = fitConfidenceWeights(rest, FLAT, 4);
    const score = (s: WeightedSample): number => confidenceOf(s.features, w);
    const right = samples.filter((s) => s.label === 1).map(score);
    const others = samples.filter((s) => s.label === 0).map(score);
    console.log(`${name.padEnd(28)} n ${String(samples.length).padStart(3)}  AUROC ${auroc(right, others).toFixed(3)}`);
  }
}

function round2(w: ConfidenceWeights): Record<string, number> {
  return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Math.round((v as number) * 100) / 100]));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
