import { strict as assert } from 'node:assert';
import {
  auroc,
  expectedCalibrationError,
  mrrAt,
  ndcgAt,
  percentile,
  recallAt,
} from '../../../adapters/cli/eval-metrics';
import { parseFaqEntry } from '../../../adapters/cli/eval-dataset';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

describe('eval metrics (hand-computed)', () => {
  // Judgments: a = 2, b = 1, c = 1. Ranking: x, a, c, y.
  const j = { a: 2, b: 1, c: 1 };
  const ranked = ['x', 'a', 'c', 'y'];

  it('nDCG@k with gain 2^g − 1 and the ideal DCG from the judgments', () => {
    // DCG = 3/log2(3) + 1/log2(4); IDCG = 3/log2(2) + 1/log2(3) + 1/log2(4)
    const dcg = 3 / Math.log2(3) + 1 / 2;
    const idcg = 3 + 1 / Math.log2(3) + 1 / 2;
    close(ndcgAt(ranked, j, 10), dcg / idcg);
    close(ndcgAt(['a', 'b', 'c'], j, 10), 1);
    close(ndcgAt(ranked, j, 1), 0);
  });

  it('recall@k over grade ≥ 1', () => {
    close(recallAt(ranked, j, 1), 0);
    close(recallAt(ranked, j, 2), 1 / 3);
    close(recallAt(ranked, j, 10), 2 / 3);
  });

  it('MRR@k', () => {
    close(mrrAt(ranked, j, 10), 1 / 2);
    close(mrrAt(ranked, j, 1), 0);
  });

  it('percentiles (nearest rank) and AUROC', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(xs, 50), 50);
    assert.equal(percentile(xs, 95), 95);
    close(auroc([0.9, 0.8], [0.1, 0.85]), 3 / 4);
    close(auroc([0.5], [0.5]), 0.5);
  });

  it('expected calibration error: 0 when confidence matches the hit rate, the gap otherwise', () => {
    const sample = (confidence: number, correct: boolean) => ({ confidence, correct });
    // Bin 0.7–0.8: mean confidence 0.75, 3 of 4 correct → calibrated.
    const calibrated = [sample(0.75, true), sample(0.75, true), sample(0.75, true), sample(0.75, false)];
    close(expectedCalibrationError(calibrated), 0);
    // Bin 0.9–1.0 (confidence 1 included): mean 0.95, none correct → gap 0.95.
    close(expectedCalibrationError([sample(0.9, false), sample(1, false)]), 0.95);
    close(expectedCalibrationError([...calibrated, sample(0.9, false), sample(1, false)]), (2 / 6) * 0.95);
    assert.equal(expectedCalibrationError([]), 0);
  });

  it('parses "Question: …\\nAnswer: …" corpus entries into FAQ rows', () => {
    assert.deepEqual(parseFaqEntry('7', 'Question: 住民票は？\nAnswer: ■窓口で。\n二行目'), {
      id: '7',
      question: '住民票は？',
      answer: '■窓口で。\n二行目',
    });
  });
});
