import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * An IT helpdesk KB (test/fixtures/qa/kb-citizen/faq.csv: a city resident affairs division (住民記録, 住基ネット and マイナンバーカード terminals, コンビニ交付, counter systems) and ordinary office IT; one CSV with a FAQ番号 column, 90 entries, keywords on half; 100 questions, a near miss among every two or three
 * unanswerable ones), written blind by a helper in session 25, sixth batch; a clean held-out set (not in
 * bench/dev-sets.ts' dev sets: no mining or fitting reads it). First run, session 24's and session 25's code alike:
 * 0.883 / 0.033 / 0.225.
 */
describe('kotae eval --qa-set (kb-citizen, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.83, shown-wrong ≤ 0.08, others shown ≤ 0.28', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-citizen-holdout.jsonl', 'test/fixtures/qa/kb-citizen');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.83,
      maxShownWrong: 0.08,
      maxOthersShown: 0.28,
    });
  });
});
