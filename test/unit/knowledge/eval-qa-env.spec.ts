import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * An IT helpdesk KB (test/fixtures/qa/kb-env/faq.csv: a town's environment division (monitoring data, inspection tablets, dumping reports, drone photos) and ordinary office IT; one CSV with No / 区分 / Q / A / 更新日 columns, 90 entries, numbered steps in some answers; 100 questions, a near miss among every two or three
 * unanswerable ones), written blind by a helper in session 25, sixth batch; a clean held-out set (not in
 * bench/dev-sets.ts' dev sets: no mining or fitting reads it). First run, session 24's and session 25's code alike:
 * 0.717 / 0.000 / 0.250.
 */
describe('kotae eval --qa-set (kb-env, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.67, shown-wrong ≤ 0.05, others shown ≤ 0.3', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-env-holdout.jsonl', 'test/fixtures/qa/kb-env');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.67,
      maxShownWrong: 0.05,
      maxOthersShown: 0.3,
    });
  });
});
