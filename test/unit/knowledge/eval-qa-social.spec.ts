import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * An IT helpdesk KB (test/fixtures/qa/kb-social/faq.json: a city's social assistance division (case records, home-visit tablets, faxes to hospitals, shared mailboxes) and ordinary office IT, in a terse website style; a JSON array, 90 entries, keywords on half; 100 questions, a near miss among every two or three
 * unanswerable ones), written blind by a helper in session 25, sixth batch; a clean held-out set (not in
 * bench/dev-sets.ts' dev sets: no mining or fitting reads it). First run, session 24's and session 25's code alike:
 * 0.750 / 0.083 / 0.350.
 */
describe('kotae eval --qa-set (kb-social, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.7, shown-wrong ≤ 0.13, others shown ≤ 0.4', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-social-holdout.jsonl', 'test/fixtures/qa/kb-social');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.7,
      maxShownWrong: 0.13,
      maxOthersShown: 0.4,
    });
  });
});
