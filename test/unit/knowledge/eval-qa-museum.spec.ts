import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The thirty-ninth IT-helpdesk KB (test/fixtures/qa/kb-museum: a city museum and art gallery (collections database, digital archive, climate monitoring, ticketing, audio guides, signage, image loans); 90 entries, 100 questions), written blind by a helper
 * in session 19, second batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First
 * run: session 19's code 0.517 / 0.150 / 0.150 (session 18's code 0.500 / 0.167 / 0.175).
 */
describe('kotae eval --qa-set (kb-museum, a city museum’s IT FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.48, shown-wrong ≤ 0.17, others shown ≤ 0.18', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-museum-holdout.jsonl', 'test/fixtures/qa/kb-museum');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.48,
      maxShownWrong: 0.17,
      maxOthersShown: 0.18,
    });
  });
});
