import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * An accounting division's IT helpdesk KB (test/fixtures/qa/kb-accounting: a city accounting division and treasury office (financial accounting system, electronic invoices, public-money collection, the designated bank's terminal, petty cash ledger); 90 entries, 100 questions), written blind by a helper
 * in session 23, fifth batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First run:
 * session 22's code 0.650 / 0.017 / 0.150; session 23's code 0.667 / 0.033 / 0.150.
 */
describe('kotae eval --qa-set (kb-accounting, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.62, shown-wrong ≤ 0.06, others shown ≤ 0.18', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-accounting-holdout.jsonl', 'test/fixtures/qa/kb-accounting');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.62,
      maxShownWrong: 0.06,
      maxOthersShown: 0.18,
    });
  });
});
