import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The fifth IT-helpdesk KB (test/fixtures/qa/kb-pref: a prefecture office's FAQ page, 90 entries, 82 of
 * them without alternates), written blind by a helper on 2026-12-04 — it did not read the retrieval code
 * or run anything — through `kotae eval --qa-set`. Its questions are never edited; the floors are the
 * measured figures minus a small margin. Session 10 changed the calibration probes after reading the
 * failures of the odd-numbered questions only (the even ones were looked at in aggregate).
 */
describe('kotae eval --qa-set (kb-pref, a prefecture FAQ page written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.74, shown-wrong ≤ 0.05, others shown ≤ 0.09', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-pref-holdout.jsonl', 'test/fixtures/qa/kb-pref');
    // Measured 0.533 / 0 / 0.057 with session 9's probes; 0.627 / 0.013 / 0.057 with a second answer
    // sentence per FAQ and no one-phrase probes (2026-12-04); 0.640 with Latin-letter slips (Temas).
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.773 / 0.027 / 0.057.
    assertQaFloors(report, {
      counts: [75, 20, 15],
      minShownCorrect: 0.74,
      maxShownWrong: 0.05,
      maxOthersShown: 0.09,
      maxOffTopicShown: 0.07,
    });
  });
});
