import assert from 'node:assert/strict';
import { buildReport, InMemoryReportData, keyFigures } from '../../../reports';
import { assertHalfYearReport, assertMayReport } from './expected';
import { NOW_AFTER_HALF, NOW_AFTER_MAY } from './fixture';
import { memoryData, options } from './helpers';

describe('buildReport (in-memory data)', () => {
  it('computes every figure of the May 2026 report', async () => {
    assertMayReport(await buildReport('monthly', '2026-05', memoryData(), options(NOW_AFTER_MAY)));
  });

  it('computes the FY2026 first-half report with its month-by-month trend', async () => {
    assertHalfYearReport(await buildReport('halfyear', '2026', memoryData(), options(NOW_AFTER_HALF)));
  });

  it('counts a question at 2026-04-30T15:30Z (JST May 1 00:30) in May, not April', async () => {
    const april = await buildReport('monthly', '2026-04', memoryData(), options(NOW_AFTER_MAY));
    assert.equal(april.inquiries.asked, 1);
    assert.equal(april.usage.daily.find((d) => d.date === '2026-04-30')?.count, 1);
    const may = await buildReport('monthly', '2026-05', memoryData(), options(NOW_AFTER_MAY));
    assert.equal(may.usage.byHour[0], 1);
  });

  it('gives a valid report of 0 件 for a period without data', async () => {
    const m = await buildReport('annual', '2025', new InMemoryReportData(), options(NOW_AFTER_MAY));
    assert.equal(m.period.label, '令和7年度（2025年4月〜2026年3月）');
    assert.equal(m.inquiries.asked, 0);
    assert.equal(m.inquiries.autoAnswerRate, null);
    assert.equal(m.tickets.sla.complianceRate, null);
    assert.deepEqual(m.workLog, []);
    assert.equal(m.usage.trend.length, 12);
    assert.ok(m.usage.trend.every((x) => x.asked === 0));
    const figures = keyFigures(m);
    assert.equal(figures.find((f) => f.id === 'asked')?.value, 0);
    assert.equal(figures.find((f) => f.id === 'autoAnswerRate')?.value, '—');
  });

  it('keeps the stored 課題・対策 text', async () => {
    const m = await buildReport('monthly', '2026-05', memoryData(), {
      ...options(NOW_AFTER_MAY),
      issuesText: 'VPN証明書の期限監視を追加する。',
    });
    assert.equal(m.issuesText, 'VPN証明書の期限監視を追加する。');
  });
});
