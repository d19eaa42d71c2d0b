import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The twenty-third IT-helpdesk KB (test/fixtures/qa/kb-fire: a city fire department's office-IT helpdesk — shared shift
 * terminals, the emergency-report tablet, the inspection system, dispatch kept apart; 90 entries, 100 questions),
 * written blind by a helper in session 17. First run (clean): session 16's code 0.617 / 0.050 / 0.100, with the
 * paraphrases of nineteen dev sets 0.633 / 0.050 / 0.100. A dev set since (bench/dev-sets.ts): 0.650 / 0.050 / 0.100.
 */
describe('kotae eval --qa-set (kb-fire, a fire department’s helpdesk FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.62, shown-wrong ≤ 0.06, others shown ≤ 0.11', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-fire-holdout.jsonl', 'test/fixtures/qa/kb-fire');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.62,
      maxShownWrong: 0.06,
      maxOthersShown: 0.11,
    });
  });
});
