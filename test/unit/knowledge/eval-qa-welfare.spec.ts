import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The twenty-fifth IT-helpdesk KB (test/fixtures/qa/kb-welfare: a city welfare department's IT desk — case records,
 * care-insurance system, My Number terminals, visit tablets; 90 entries, 100 questions), written blind by a helper in
 * session 17. First run (clean): session 16's code 0.450 / 0.083 / 0.075, with the paraphrases of nineteen dev sets
 * 0.467 / 0.100 / 0.075. A dev set since (bench/dev-sets.ts): 0.467 / 0.083 / 0.075. Session 18 (validated paraphrases at
 * a curated synonym's weight): 0.600 / 0.117 / 0.075 — eight more right proposals, two more wrong ones.
 */
describe('kotae eval --qa-set (kb-welfare, a welfare department’s helpdesk FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.58, shown-wrong ≤ 0.12, others shown ≤ 0.08', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-welfare-holdout.jsonl', 'test/fixtures/qa/kb-welfare');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.58,
      maxShownWrong: 0.12,
      maxOthersShown: 0.08,
    });
  });
});
