import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The forty-first IT-helpdesk KB (test/fixtures/qa/kb-parks: a city parks and roads department (road register GIS, park inspection tablets, residents’ road-damage reports, occupancy e-applications, official-car logs, construction photos, street-tree register); 90 entries, 100 questions), written blind by a helper
 * in session 19, second batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First
 * run: session 19's code 0.633 / 0.050 / 0.200 (session 18's code 0.683 / 0.050 / 0.200).
 */
describe('kotae eval --qa-set (kb-parks, a city parks and roads department’s IT FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.6, shown-wrong ≤ 0.07, others shown ≤ 0.23', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-parks-holdout.jsonl', 'test/fixtures/qa/kb-parks');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.6,
      maxShownWrong: 0.07,
      maxOthersShown: 0.23,
    });
  });
});
