import { strict as assert } from 'node:assert';
import { qaSetReport } from './qa-set-report';

/**
 * The second held-out-style IT-helpdesk KB (test/fixtures/qa/kb-univ: an FAQ sheet without alternates and
 * two FAQ pages) through `kotae eval --qa-set`, with the issue-13 targets as floors.
 */
describe('kotae eval --qa-set (kb-univ, an FAQ sheet without alternates and FAQ pages)', () => {
  it('meets the IT-helpdesk targets: shown-correct ≥ 0.75, shown-wrong ≤ 0.05, others shown ≤ 0.15', async () => {
    const report = await qaSetReport('test/fixtures/qa/kb-univ-holdout.jsonl', 'test/fixtures/qa/kb-univ');
    assert.equal(report.questions, 134);
    assert.deepEqual([report.answerable.n, report.unanswerable.n, report.off_topic.n], [92, 26, 16]);
    assert.ok(report.answerable.shown_correct >= 0.75, JSON.stringify(report.answerable));
    assert.ok(report.answerable.shown_wrong <= 0.05, JSON.stringify(report.answerable));
    // Target 0.15, met since the known-but-missing feature (6 of 42, 0.143; 7 of 42 before); 5 of 42
    // (0.119) with the product-name rule.
    assert.ok(report.others.shown <= 0.15, JSON.stringify(report.others));
  });
});
