import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The twentieth IT-helpdesk KB (test/fixtures/qa/kb-village: a village office of about 80 staff whose two IT staff
 * wrote a short-spoken FAQ — 90 entries, keywords on half, alternate wordings on a third; 100 questions typed like the
 * issue's held-out set), written blind by a helper in session 17. First run (clean: no mining or fitting had read
 * it): session 16's code 0.567 / 0.067 / 0.275, with the paraphrases learned from the sixteen dev sets 0.583 / 0.067 /
 * 0.275. A dev set since (bench/dev-sets.ts): its own questions teach the paraphrases now; with the twenty-two sets'
 * paraphrases 0.567 / 0.083 / 0.275 (one more wrong proposal).
 */
describe('kotae eval --qa-set (kb-village, a village office’s short-spoken FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.54, shown-wrong ≤ 0.09, others shown ≤ 0.28', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-village-holdout.jsonl', 'test/fixtures/qa/kb-village');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.54,
      maxShownWrong: 0.09,
      maxOthersShown: 0.28,
    });
  });
});
