import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * An IT helpdesk KB (test/fixtures/qa/kb-planning/faq.json: a prefecture's planning and statistics division (survey tablets, GIS, open data, RPA, BI) and ordinary office IT; a JSON array, 90 entries, alternates on a third; 100 questions, a near miss among every two or three
 * unanswerable ones), written blind by a helper in session 25, sixth batch; a clean held-out set (not in
 * bench/dev-sets.ts' dev sets: no mining or fitting reads it). First run, session 24's and session 25's code alike:
 * 0.617 / 0.083 / 0.325.
 */
describe('kotae eval --qa-set (kb-planning, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.57, shown-wrong ≤ 0.13, others shown ≤ 0.38', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-planning-holdout.jsonl', 'test/fixtures/qa/kb-planning');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.57,
      maxShownWrong: 0.13,
      maxOthersShown: 0.38,
    });
  });
});
