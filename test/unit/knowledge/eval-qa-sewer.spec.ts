import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * An IT helpdesk KB (test/fixtures/qa/kb-sewer/faq.csv: a water and sewerage bureau's sewer division (sewer register map, drainage permit system, treatment-plant monitoring, manhole-pump telemetry, works photos) and ordinary office IT; one CSV with a FAQ番号 column, 90 entries, keywords on half; 100 questions, a near miss among about every
 * second unanswerable one), written blind by a helper in session 26, seventh batch; a clean held-out set (not in
 * bench/dev-sets.ts' dev sets: no mining or fitting reads it). First run, session 25's code: 0.767 / 0.067 / 0.175.
 */
describe('kotae eval --qa-set (kb-sewer, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.72, shown-wrong ≤ 0.12, others shown ≤ 0.225', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-sewer-holdout.jsonl', 'test/fixtures/qa/kb-sewer');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.72,
      maxShownWrong: 0.12,
      maxOthersShown: 0.225,
    });
  });
});
