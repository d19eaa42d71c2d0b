import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The team's own IT-helpdesk dev set over the sample KB (test/fixtures/qa/sample-kb-dev.jsonl, issue 13
 * point 8) through `kotae eval --qa-set`. The floors are the measured figures less a small margin; the
 * set is a dev set (rules were checked on it), the held-out-style proxies have their own specs.
 */
describe('kotae eval --qa-set (sample KB dev set)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.92, shown-wrong ≤ 0.04, others shown ≤ 0.13', async () => {
    const report = await qaSetReport('test/fixtures/qa/sample-kb-dev.jsonl', 'sample-kb');
    // Measured 0.904 / 0.016 / 0 (0 of 44) on 2026-12-04 with the product-name rule; 0.909 with the clause rule;
    // 0.922 / 0.021 / 0 with session 10's probes and Latin slips (it-232…236 written before measuring them).
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.953 / 0.016 / 0.091.
    assertQaFloors(report, { counts: [192, 24, 20], minShownCorrect: 0.92, maxShownWrong: 0.04, maxOthersShown: 0.13 });
  });
});
