import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The forty-fourth IT-helpdesk KB (test/fixtures/qa/kb-roads: a city roads and rivers division (road ledger GIS, road-occupancy e-applications, citizen road-report app, field tablets and photo management, river water-level monitor, e-bidding and e-delivery, staff portal); 90 entries, 100 questions), written blind by a helper
 * in session 20, third batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First
 * run: session 19's code 0.650 / 0.033 / 0.200; session 20's code 0.667 / 0.033 / 0.175.
 */
describe('kotae eval --qa-set (kb-roads, a city roads and rivers division’s IT FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.63, shown-wrong ≤ 0.05, others shown ≤ 0.2', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-roads-holdout.jsonl', 'test/fixtures/qa/kb-roads');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.63,
      maxShownWrong: 0.05,
      maxOthersShown: 0.2,
    });
  });
});
