import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * A culture and sports section's IT helpdesk KB (test/fixtures/qa/kb-culture: a city culture and sports section (facility booking for gyms and halls, hall ticket sales, entry card readers, digital signage, file sharing with facility operators, staff portal); 90 entries, 100 questions), written blind by a helper in session 21,
 * fourth batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First run: session 20's
 * code 0.700 / 0.050 / 0.125; session 21's code 0.700 / 0.017 / 0.125.
 */
describe('kotae eval --qa-set (kb-culture, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.66, shown-wrong ≤ 0.05, others shown ≤ 0.16', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-culture-holdout.jsonl', 'test/fixtures/qa/kb-culture');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.66,
      maxShownWrong: 0.05,
      maxOthersShown: 0.16,
    });
  });
});
