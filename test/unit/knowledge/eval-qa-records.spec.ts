import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * A general affairs division's IT helpdesk KB (test/fixtures/qa/kb-records: a city's records, disclosure and statistics office (document management, e-approval, disclosure requests and masking, the by-laws site, census tablets, scanning); 90 entries, 100 questions), written blind by a helper
 * in session 23, fifth batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First run:
 * session 22's code 0.600 / 0.083 / 0.150; session 23's code 0.600 / 0.083 / 0.150.
 */
describe('kotae eval --qa-set (kb-records, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.55, shown-wrong ≤ 0.1, others shown ≤ 0.18', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-records-holdout.jsonl', 'test/fixtures/qa/kb-records');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.55,
      maxShownWrong: 0.1,
      maxOthersShown: 0.18,
    });
  });
});
