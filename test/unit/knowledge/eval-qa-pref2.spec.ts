import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The twenty-eighth IT-helpdesk KB (test/fixtures/qa/kb-pref2: a prefecture's helpdesk for thirty branch offices — WAN
 * lines, branch printers, the 情報化リーダー, e-approval, official-car booking, typhoon continuity; 90 entries, 100
 * questions), written blind by a helper in session 17. First run (clean): session 16's code 0.467 / 0.067 / 0.150, with
 * the paraphrases of twenty-two dev sets 0.517 / 0.067 / 0.150. A dev set since (bench/dev-sets.ts): the same.
 */
describe('kotae eval --qa-set (kb-pref2, a prefecture’s branch-office helpdesk FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.48, shown-wrong ≤ 0.07, others shown ≤ 0.16', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-pref2-holdout.jsonl', 'test/fixtures/qa/kb-pref2');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.48,
      maxShownWrong: 0.07,
      maxOthersShown: 0.16,
    });
  });
});
