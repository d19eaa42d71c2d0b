import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The tenth IT-helpdesk KB (test/fixtures/qa/kb-xlsx: a city's inquiry list in Excel, 80 entries on three
 * sheets under a title, an update line and a blank row, headed 問い合わせ内容 / 回答・対処方法 / 問合せ内容,
 * merged categories, a merged ※ note closing each sheet; 110 questions), written blind by a helper in session
 * 13 who read neither the loaders nor the retrieval. First run, with the session's starting code: nothing
 * answered — no header was recognised, the workbook was skipped. With header words read as such and merged
 * notes skipped: 0.413 / 0.040 / 0.029. Floors: those figures minus a small margin.
 */
describe('kotae eval --qa-set (kb-xlsx, a department’s Excel inquiry list, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.67, shown-wrong ≤ 0.07, others shown ≤ 0.12', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-xlsx-holdout.jsonl', 'test/fixtures/qa/kb-xlsx');
    // Session 15 (helpdesk prior weights with the query's length, proposals from 0.4 up, clarify from 0.1):
    // 0.707 / 0.040 / 0.086.
    // Session 17 (paraphrases learned from twenty-five dev sets, this one among them): 0.747 / 0.067 / 0.086 — one
    // more wrong proposal of 75.
    assertQaFloors(report, {
      counts: [75, 20, 15],
      minShownCorrect: 0.67,
      maxShownWrong: 0.07,
      maxOthersShown: 0.12,
    });
  });
});
