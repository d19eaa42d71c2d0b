import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * A contracts and inspection section's IT helpdesk KB (test/fixtures/qa/kb-procure: a city contracts and inspection section (e-bidding with IC cards, supplier registration, contract management, inspection photo tablets, publishing bid results, staff portal); 90 entries, 100 questions), written blind by a helper in session 21,
 * fourth batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First run: session 20's
 * code 0.750 / 0.033 / 0.225; session 21's code 0.717 / 0.033 / 0.225.
 */
describe('kotae eval --qa-set (kb-procure, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.67, shown-wrong ≤ 0.06, others shown ≤ 0.26', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-procure-holdout.jsonl', 'test/fixtures/qa/kb-procure');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.67,
      maxShownWrong: 0.06,
      maxOthersShown: 0.26,
    });
  });
});
