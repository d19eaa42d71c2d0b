import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The twelfth IT-helpdesk KB (test/fixtures/qa/kb-wiki: a town's team wiki exported to Markdown and a Notepad
 * text file — `### Q.` headings, **Q:** / **A:** bold paragraphs, `- Q:` bullets with indented `- A:`, question
 * headings without a marker, 「Ｑ：」/「Ａ：」 lines; 50 entries, 80 questions), written blind by a helper in session
 * 13 who read neither the loaders nor the retrieval. Its ids (WK-01 …) are not in the files: the integrator mapped
 * each to the loader's id by its question text (kb-wiki.README.md). First run, with the session's starting code:
 * 0.560 / 0.140 / 0.067 — the bold and bulleted markers were no questions, so 13 entries were lost or ran into the
 * answer before them; with markers read through their decoration: 0.720 / 0.040 / 0.033.
 */
describe('kotae eval --qa-set (kb-wiki, a team wiki in Markdown and text, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.78, shown-wrong ≤ 0.02, others shown ≤ 0.14', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-wiki-holdout.jsonl', 'test/fixtures/qa/kb-wiki');
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.820 / 0.000 / 0.067. Session 17 (learned paraphrases): 0.840 / 0.000 / 0.133 — a near miss (a password manager
    // app, asked in the words of the password entries) is proposed; leave the set out of the mining: the same.
    assertQaFloors(report, {
      counts: [50, 18, 12],
      minShownCorrect: 0.78,
      maxShownWrong: 0.02,
      maxOthersShown: 0.14,
    });
  });
});
