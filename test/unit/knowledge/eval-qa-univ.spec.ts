import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The second held-out-style IT-helpdesk KB (test/fixtures/qa/kb-univ: an FAQ sheet without alternates and
 * two FAQ pages) through `kotae eval --qa-set`, with the issue-13 targets as floors.
 */
describe('kotae eval --qa-set (kb-univ, an FAQ sheet without alternates and FAQ pages)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.86, shown-wrong ≤ 0.06, others shown ≤ 0.30', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-univ-holdout.jsonl', 'test/fixtures/qa/kb-univ');
    // Others: target 0.15, met since the known-but-missing feature (6 of 42, 0.143; 7 of 42 before); 5 of 42
    // (0.119) with the product-name rule; 7 of 42 (0.167, over the target) since session 14's IT / office
    // vocabulary, which raised shown-correct here from 0.815 to 0.870 and on 11 of 14 sets (README).
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.891 / 0.043 / 0.262.
    assertQaFloors(report, { counts: [92, 26, 16], minShownCorrect: 0.86, maxShownWrong: 0.06, maxOthersShown: 0.3 });
  });
});
