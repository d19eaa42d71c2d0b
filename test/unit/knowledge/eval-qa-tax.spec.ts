import { assertQaFloors, qaSetReport } from './qa-set-report';

/**
 * The twenty-fourth IT-helpdesk KB (test/fixtures/qa/kb-tax: a city tax department's system desk — the tax system,
 * eLTAX terminals, outsourced data entry, bulk printing, busy-season accounts; 90 entries, 100 questions), written
 * blind by a helper in session 17. First run (clean): session 16's code 0.550 / 0.083 / 0.150, with the paraphrases of
 * nineteen dev sets 0.567 / 0.083 / 0.150. A dev set since (bench/dev-sets.ts).
 */
describe('kotae eval --qa-set (kb-tax, a tax department’s helpdesk FAQ, written blind)', function () {
  // An index build and its calibration, then every question: seconds alone, longer on a loaded machine.
  this.timeout(120_000);
  it('keeps its figures: shown-correct ≥ 0.53, shown-wrong ≤ 0.09, others shown ≤ 0.16', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-tax-holdout.jsonl', 'test/fixtures/qa/kb-tax');
    assertQaFloors(report, {
      counts: [60, 25, 15],
      minShownCorrect: 0.53,
      maxShownWrong: 0.09,
      maxOthersShown: 0.16,
    });
  });
});
