import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The seventeenth IT-helpdesk KB (test/fixtures/qa/kb-ward: a ward office's intranet IT FAQ as one HTML page —
 * `<h2>` categories, 94 entries as `<details><summary>` with the answer inside, worded as questions or as topics;
 * 100 questions typed like the held-out set), written blind by a helper in session 15 as a held-out check
 * of the session's decision changes. Ids KW-001 … are the summaries in order, mapped to the loader's `faq.html#qN`.
 * First run: the session's starting code 0.483 / 0.033 / 0.050; with the helpdesk prior weights, proposals from
 * 0.4 up and clarify from 0.1: 0.650 / 0.017 / 0.075 (the same with the query's length as a confidence input, a
 * prior fitted without this set or with it). Since then one of the sixteen sets the prior is fitted on.
 */
describe('kotae eval --qa-set (kb-ward, a ward intranet FAQ as one HTML page of <details>, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.62, shown-wrong ≤ 0.04, others shown ≤ 0.11', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-ward-holdout.jsonl', 'test/fixtures/qa/kb-ward');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.62,
      maxShownWrong: 0.04,
      maxOthersShown: 0.11,
    });
  });
});
