import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The seventh IT-helpdesk KB (test/fixtures/qa/kb-web: a city's FAQ section as 7 HTML pages, 87 questions in as
 * many markups — Q. headings with ids, <dl>, accordions, a 質問 / 回答 table, bare question headings, Q／A
 * paragraphs, a mixed page), written blind by a helper in session 12 who read neither the loaders nor the
 * retrieval (its list of ids is test/fixtures/qa/kb-web.README.md, outside the KB folder). First run, with the
 * session's starting code: 0.387 / 0.053 / 0.057 — the table's 13 questions and a <dt> stated as a fact were not
 * read as questions; after the loader read them, 0.467 / 0.027 / 0.057. The floors are those figures minus a
 * small margin.
 */
describe('kotae eval --qa-set (kb-web, a city FAQ site in several markups, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.66, shown-wrong ≤ 0.05, others shown ≤ 0.21', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-web-holdout.jsonl', 'test/fixtures/qa/kb-web');
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.693 / 0.027 / 0.171.
    assertQaFloors(report, {
      counts: [75, 20, 15],
      minShownCorrect: 0.66,
      maxShownWrong: 0.05,
      maxOthersShown: 0.21,
    });
  });
});
