import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The sixth IT-helpdesk KB (test/fixtures/qa/kb-town: a town hall's FAQ page, 94 entries, 86 of them without
 * alternates), written blind by a helper on 2026-12-04 (session 12) — it did not read the retrieval code, the
 * other sets or run anything — through `kotae eval --qa-set`. Its questions are never edited; the floors are
 * the first measured figures minus a small margin: the held-out figure of the issue-13 kind, far under the
 * 0.75 target (the right entry is first for 0.80 of the answerable questions, mostly at confidence 0.25–0.55).
 */
describe('kotae eval --qa-set (kb-town, a town hall FAQ page written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.63, shown-wrong ≤ 0.05, others shown ≤ 0.06', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-town-holdout.jsonl', 'test/fixtures/qa/kb-town');
    // Measured 0.360 / 0.027 / 0.057 on first run (clarify with the right entry 0.48, no answer 0.12).
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.667 / 0.027 / 0.029.
    assertQaFloors(report, {
      counts: [75, 20, 15],
      minShownCorrect: 0.63,
      maxShownWrong: 0.05,
      maxOthersShown: 0.06,
    });
  });
});
