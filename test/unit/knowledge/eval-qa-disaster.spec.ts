import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The fortieth IT-helpdesk KB (test/fixtures/qa/kb-disaster: a city crisis-management (disaster prevention) section (damage reporting system, disaster radio, emergency mail and app, shelter reception terminals, satellite phones, staff call-up mail, river monitoring); 90 entries, 100 questions), written blind by a helper
 * in session 19, second batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First
 * run: session 19's code 0.717 / 0.067 / 0.150 (session 18's code 0.700 / 0.050 / 0.175). Session 20's one-kanji slips
 * (kanji-readings.ts) show two more of its others: 0.733 / 0.050 / 0.200; guard re-based.
 */
describe('kotae eval --qa-set (kb-disaster, a city disaster-prevention section’s IT FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.68, shown-wrong ≤ 0.09, others shown ≤ 0.22', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-disaster-holdout.jsonl', 'test/fixtures/qa/kb-disaster');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.68,
      maxShownWrong: 0.09,
      maxOthersShown: 0.22,
    });
  });
});
