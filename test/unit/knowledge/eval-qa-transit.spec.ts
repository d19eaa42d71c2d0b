import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The thirty-seventh IT-helpdesk KB (test/fixtures/qa/kb-transit: a city bus bureau (operations management, IC-card fare terminals, bus location system, drive-recorder footage, roll-call and alcohol checks, timetabling, lost property); 90 entries, 100 questions), written blind by a helper
 * in session 19; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First run: session
 * 18's code 0.583 / 0.017 / 0.150; with the validated paraphrases of thirty-three dev sets 0.600 / 0.000 / 0.150.
 */
describe('kotae eval --qa-set (kb-transit, a city bus bureau’s IT FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.55, shown-wrong ≤ 0.04, others shown ≤ 0.18', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-transit-holdout.jsonl', 'test/fixtures/qa/kb-transit');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.55,
      maxShownWrong: 0.04,
      maxOthersShown: 0.18,
    });
  });
});
