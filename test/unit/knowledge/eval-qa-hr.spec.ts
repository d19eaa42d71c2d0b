import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The forty-second IT-helpdesk KB (test/fixtures/qa/kb-hr: a city personnel division (attendance and leave system, web payslips, appraisal, training sign-up, staff ID cards, fixed-term staff appointments, staff portal); 90 entries, 100 questions), written blind by a helper
 * in session 19, second batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First
 * run: session 19's code 0.600 / 0.050 / 0.200 (session 18's code 0.550 / 0.050 / 0.225).
 */
describe('kotae eval --qa-set (kb-hr, a city personnel division’s IT FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.56, shown-wrong ≤ 0.07, others shown ≤ 0.23', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-hr-holdout.jsonl', 'test/fixtures/qa/kb-hr');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.56,
      maxShownWrong: 0.07,
      maxOthersShown: 0.23,
    });
  });
});
