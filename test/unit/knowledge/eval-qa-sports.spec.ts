import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * A sports promotion division's IT helpdesk KB (test/fixtures/qa/kb-sports: a town's sports promotion division, gymnasium and pool (facility booking, entrance gates and IC cards, tournament entry forms and results, in-house displays, the designated manager's file sharing); 90 entries, 100 questions), written blind by a helper
 * in session 23, fifth batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First run:
 * session 22's code 0.600 / 0.050 / 0.125; session 23's code 0.600 / 0.050 / 0.125.
 */
describe('kotae eval --qa-set (kb-sports, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.55, shown-wrong ≤ 0.07, others shown ≤ 0.16', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-sports-holdout.jsonl', 'test/fixtures/qa/kb-sports');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.55,
      maxShownWrong: 0.07,
      maxOthersShown: 0.16,
    });
  });
});
