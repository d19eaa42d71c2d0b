import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The thirteenth IT-helpdesk KB (test/fixtures/qa/kb-slides: a town's FAQ deck, an operations manual deck and a
 * printer deck in PowerPoint — questions as slide titles with or without 「Q.」, 「Q：」/「A：」 pairs in one text box,
 * a category title over a question box and an answer box, an answer in a table, facts in speaker notes, footers typed
 * into text boxes; 55 entries, 90 questions), written blind by a helper in session 14 who read neither the loaders nor
 * the retrieval. Its ids (SL-01 …) are not in the decks: the integrator mapped each to the loader's id by its
 * question text (kb-slides.README.md); the manual's procedure slides are one manual document. Before session 14 no
 * .pptx was read at all; first run with the new loader: 0.473 / 0.054 / 0.143 (odd half 0.536, even half 0.407); with the IT / office vocabulary
 * 0.582 / 0.054 / 0.171.
 */
describe('kotae eval --qa-set (kb-slides, PowerPoint decks, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.64, shown-wrong ≤ 0.1, others shown ≤ 0.29', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-slides-holdout.jsonl', 'test/fixtures/qa/kb-slides');
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.673 / 0.073 / 0.257. Session 16 (adverbs the KB never uses left out of the word features): 0.691 / 0.091 /
    // 0.257 — one more wrong proposal (「先方からメールが来てないって言われた、ちゃんと送ったのに」).
    assertQaFloors(report, {
      counts: [55, 22, 13],
      minShownCorrect: 0.64,
      maxShownWrong: 0.1,
      maxOthersShown: 0.29,
    });
  });
});
