import assert from 'node:assert/strict';
import { CONFIDENCE_WEIGHTS, confidenceOf, HELPDESK_PRIOR_WEIGHTS } from '../../../knowledge/confidence';
import { fitConfidenceWeights, type WeightedSample } from '../../../knowledge/confidence-fit';

const sample = (questionRecall: number, label: 0 | 1, weight = 1): WeightedSample => ({
  features: { coverage: 0.8, questionRecall, questionDice: 0.4, cosine: 0.5 },
  label,
  weight,
});

describe('confidence weights fitted on a knowledge base’s probes', () => {
  it('keeps the prior when the probes have only one label', () => {
    assert.deepEqual(fitConfidenceWeights([sample(0.9, 1), sample(0.2, 1)]), { ...HELPDESK_PRIOR_WEIGHTS });
    assert.deepEqual(fitConfidenceWeights([]), { ...HELPDESK_PRIOR_WEIGHTS });
  });

  it('moves the weights towards what separates right from wrong probes, and not further than the evidence', () => {
    // On this knowledge base, restating the FAQ's question is what tells a right top hit from a wrong one.
    const probes = [
      ...Array.from({ length: 60 }, () => sample(0.9, 1)),
      ...Array.from({ length: 60 }, () => sample(0.3, 0)),
    ];
    const fitted = fitConfidenceWeights(probes);
    assert.ok(fitted.questionRecall > HELPDESK_PRIOR_WEIGHTS.questionRecall + 0.3, JSON.stringify(fitted));
    const right = probes[0]!.features;
    const wrong = probes[60]!.features;
    // The fitted confidence tells the two apart better than the prior did.
    const prior = HELPDESK_PRIOR_WEIGHTS;
    assert.ok(
      confidenceOf(right, fitted) - confidenceOf(wrong, fitted) >
        confidenceOf(right, prior) - confidenceOf(wrong, prior),
    );
    // Few probes: the prior dominates.
    const few = fitConfidenceWeights(probes.filter((_, i) => i % 20 === 0));
    assert.ok(
      Math.abs(few.questionRecall - HELPDESK_PRIOR_WEIGHTS.questionRecall) <
        Math.abs(fitted.questionRecall - HELPDESK_PRIOR_WEIGHTS.questionRecall),
    );
  });

  it('fits the margin from the probes alone where the prior has none; weights saved before it leave the confidence unchanged', () => {
    const withMargin = (margin: number, label: 0 | 1): WeightedSample => ({
      features: { coverage: 0.8, questionRecall: 0.6, questionDice: 0.4, cosine: 0.5, margin },
      label,
      weight: 1,
    });
    const probes = [
      ...Array.from({ length: 60 }, () => withMargin(0.6, 1)),
      ...Array.from({ length: 60 }, () => withMargin(0.05, 0)),
    ];
    // The benchmark-fitted weights have no margin weight: with them as the prior, the probes alone fit it.
    assert.equal(CONFIDENCE_WEIGHTS.margin, undefined);
    const fitted = fitConfidenceWeights(probes, CONFIDENCE_WEIGHTS);
    assert.ok((fitted.margin ?? 0) > 0.5, JSON.stringify(fitted));
    const f = { coverage: 0.8, questionRecall: 0.6, questionDice: 0.4, cosine: 0.5, margin: 0.6 };
    const old = { bias: -3, coverage: 1.5, questionRecall: 2.5, questionDice: 1, cosine: 1 };
    assert.equal(confidenceOf(f, old), confidenceOf({ ...f, margin: 0 }, old));
  });

  it('fits the known-but-missing share from the probes alone where the prior has none: a detail the entry lacks lowers it', () => {
    const withMissing = (missingKnown: number, label: 0 | 1): WeightedSample => ({
      features: { coverage: 0.8, questionRecall: 0.6, questionDice: 0.4, cosine: 0.5, missingKnown },
      label,
      weight: 1,
    });
    const probes = [
      ...Array.from({ length: 60 }, () => withMissing(0, 1)),
      ...Array.from({ length: 60 }, () => withMissing(0.4, 0)),
    ];
    assert.equal(CONFIDENCE_WEIGHTS.missingKnown, undefined);
    const fitted = fitConfidenceWeights(probes, CONFIDENCE_WEIGHTS);
    assert.ok((fitted.missingKnown ?? 0) < -0.5, JSON.stringify(fitted));
    // Weights saved before the feature existed leave the confidence unchanged.
    const f = { coverage: 0.8, questionRecall: 0.6, questionDice: 0.4, cosine: 0.5, missingKnown: 0.4 };
    const old = { bias: -3, coverage: 1.5, questionRecall: 2.5, questionDice: 1, cosine: 1, margin: 0.3 };
    assert.equal(confidenceOf(f, old), confidenceOf({ ...f, missingKnown: 0 }, old));
  });

  it('halves the confidence of a bare topic; weights saved before the length input leave the confidence unchanged', () => {
    const f = { coverage: 1, questionRecall: 0.4, questionDice: 0.4, cosine: 0.5, margin: 0.01, length: 1 / 30 };
    assert.equal(confidenceOf({ ...f, bareTopic: true }), confidenceOf(f) * 0.5);
    const old = { bias: -3, coverage: 1.5, questionRecall: 2.5, questionDice: 1, cosine: 1, margin: 0.3 };
    assert.equal(confidenceOf(f, old), confidenceOf({ ...f, length: 0 }, old));
    // The helpdesk prior: at the same word features, a longer question is more likely right.
    assert.ok(confidenceOf({ ...f, length: 0.6 }, HELPDESK_PRIOR_WEIGHTS) > confidenceOf(f, HELPDESK_PRIOR_WEIGHTS));
  });

  it('is deterministic', () => {
    const probes = [sample(0.9, 1), sample(0.7, 0), sample(0.4, 0), sample(0.95, 1, 2)];
    assert.deepEqual(fitConfidenceWeights(probes), fitConfidenceWeights(probes));
  });
});
