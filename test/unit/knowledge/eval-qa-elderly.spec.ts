import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * An IT helpdesk KB (test/fixtures/qa/kb-elderly/faq.csv: a long-term-care division (care insurance system, assessment tablets, data exchange with community care centres, watch-over terminals, paperless review board) and ordinary office IT; one CSV with No/区分/Q/A/更新日 columns, multi-line cells, 90 entries; 100 questions, a near miss among about every
 * second unanswerable one), written blind by a helper in session 26, seventh batch; a clean held-out set (not in
 * bench/dev-sets.ts' dev sets: no mining or fitting reads it). First run, session 25's code: 0.717 / 0.083 / 0.175.
 */
describe('kotae eval --qa-set (kb-elderly, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.67, shown-wrong ≤ 0.13, others shown ≤ 0.225', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-elderly-holdout.jsonl', 'test/fixtures/qa/kb-elderly');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.67,
      maxShownWrong: 0.13,
      maxOthersShown: 0.225,
    });
  });
});
