import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The twenty-sixth IT-helpdesk KB (test/fixtures/qa/kb-counter: a ward office's front-counter systems desk — residents'
 * records, certificate kiosks and convenience-store issuing, the card-issuing terminal, queue tickets; 90 entries, 100
 * questions), written blind by a helper in session 17. First run (clean): session 16's code 0.567 / 0.067 / 0.200, with
 * the paraphrases of twenty-two dev sets 0.583 / 0.083 / 0.200. A dev set since (bench/dev-sets.ts): 0.617 / 0.083 /
 * 0.200.
 */
describe('kotae eval --qa-set (kb-counter, a ward office’s counter-systems FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.58, shown-wrong ≤ 0.09, others shown ≤ 0.21', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-counter-holdout.jsonl', 'test/fixtures/qa/kb-counter');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.58,
      maxShownWrong: 0.09,
      maxOthersShown: 0.21,
    });
  });
});
