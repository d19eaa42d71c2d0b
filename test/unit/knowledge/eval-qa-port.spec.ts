import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The forty-sixth IT-helpdesk KB (test/fixtures/qa/kb-port: a prefectural port office (ship arrival and berth management, port-facility e-applications, surveillance-camera terminal, tide and weather screens, field radios and tablets, prefectural WAN and staff portal); 90 entries, 100 questions), written blind by a helper
 * in session 20, third batch; a clean held-out set (not in bench/dev-sets.ts: no mining or fitting reads it). First
 * run: session 19's code 0.567 / 0.150 / 0.175; session 20's code 0.567 / 0.150 / 0.150.
 */
describe('kotae eval --qa-set (kb-port, a prefectural port office’s IT FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.53, shown-wrong ≤ 0.17, others shown ≤ 0.18', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-port-holdout.jsonl', 'test/fixtures/qa/kb-port');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.53,
      maxShownWrong: 0.17,
      maxOthersShown: 0.18,
    });
  });
});
