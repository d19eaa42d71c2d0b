import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * A municipal housing section's IT helpdesk KB (test/fixtures/qa/kb-housing: a city housing section for municipal housing (tenant and rent management, direct-debit data exchange, a repair request web form, site survey tablets, a tenant lottery macro, staff portal); 90 entries, 100 questions), written blind by a helper in session 21,
 * fourth batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First run: session 20's
 * code 0.550 / 0.083 / 0.075; session 21's code 0.550 / 0.067 / 0.075.
 */
describe('kotae eval --qa-set (kb-housing, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.51, shown-wrong ≤ 0.10, others shown ≤ 0.11', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-housing-holdout.jsonl', 'test/fixtures/qa/kb-housing');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.51,
      maxShownWrong: 0.1,
      maxOthersShown: 0.11,
    });
  });
});
