import { strict as assert } from 'node:assert';
import { qaSetReport } from './qa-set-report';

/**
 * The third held-out-style IT-helpdesk KB (test/fixtures/qa/kb-corp: a prefecture helpdesk's knowledge
 * export as an Excel workbook, 91 articles, no alternates) through `kotae eval --qa-set`. Its questions
 * were written before anything was measured and are never edited; the floors are the measured figures
 * minus a small margin; others shown meets the issue-13 target (0.15) since the product-name rule.
 */
describe('kotae eval --qa-set (kb-corp, a helpdesk knowledge export as a workbook)', () => {
  it('keeps its figures: shown-correct ≥ 0.79, shown-wrong ≤ 0.04, others shown ≤ 0.15', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-corp-holdout.jsonl', 'test/fixtures/qa/kb-corp');
    assert.equal(report.questions, 111);
    assert.deepEqual([report.answerable.n, report.unanswerable.n, report.off_topic.n], [81, 15, 15]);
    // Measured 0.815 / 0.025 / 0.167 (off-topic 0.00) on 2026-12-04; others 0.133 (4 of 30) with the
    // product-name rule (「Webexの録画…」 no longer proposed the Teams recording entry).
    assert.ok(report.answerable.shown_correct >= 0.79, JSON.stringify(report.answerable));
    assert.ok(report.answerable.shown_wrong <= 0.04, JSON.stringify(report.answerable));
    assert.ok(report.others.shown <= 0.15, JSON.stringify(report.others));
    assert.ok(report.off_topic.shown <= 0.07, JSON.stringify(report.off_topic));
  });
});
