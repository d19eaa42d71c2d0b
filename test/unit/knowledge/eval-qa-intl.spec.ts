import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * An international exchange division's IT helpdesk KB (test/fixtures/qa/kb-intl: a city's international exchange and multicultural division and foreign residents' desk (machine translation, multilingual web pages, interpreter tablets, multilingual mail, sister-city web meetings, consultation records); 90 entries, 100 questions), written blind by a helper
 * in session 23, fifth batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First run:
 * session 22's code 0.717 / 0.050 / 0.100; session 23's code 0.700 / 0.050 / 0.100.
 */
describe('kotae eval --qa-set (kb-intl, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.65, shown-wrong ≤ 0.07, others shown ≤ 0.13', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-intl-holdout.jsonl', 'test/fixtures/qa/kb-intl');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.65,
      maxShownWrong: 0.07,
      maxOthersShown: 0.13,
    });
  });
});
