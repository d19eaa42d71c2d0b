import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The fourteenth IT-helpdesk KB (test/fixtures/qa/kb-campus: a university IT centre's public FAQ handed over as
 * one CSV — カテゴリ / 質問 / 回答 / 関連リンク / 更新日, 94 entries with close neighbours; 100 questions typed the
 * way staff type them: paraphrase, hiragana loanwords, typos, numbers, long context, "why"), written blind by a
 * helper in session 14 in the shape of the issue's held-out set. Its ids (KC-001 …) are rows of the CSV: the
 * integrator mapped them to the loader's `faq.csv:<line>`. First run, with session 14's starting code: 0.283 /
 * 0.083 / 0.075 — like the held-out figure the issue measured (0.27); only 39 of the 60 answerable find the right
 * entry first at all, so the ranking, not the threshold, bounds it. With the IT / office vocabulary and
 * loanword keys: 0.333 / 0.100 / 0.125.
 */
describe('kotae eval --qa-set (kb-campus, a public IT centre FAQ as CSV, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.38, shown-wrong ≤ 0.12, others shown ≤ 0.21', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-campus-holdout.jsonl', 'test/fixtures/qa/kb-campus');
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.417 / 0.100 / 0.175.
    assertQaFloors(report, {
      counts: [60, 28, 12],
      minShownCorrect: 0.38,
      maxShownWrong: 0.12,
      maxOthersShown: 0.21,
    });
  });
});
