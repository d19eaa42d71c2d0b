import assert from 'node:assert/strict';
import { buildReport, InMemoryReportData, keyFigures, reportTables } from '../../../reports';
import { assertHalfYearReport, assertMayReport } from './expected';
import { jst, NOW_AFTER_HALF, NOW_AFTER_MAY } from './fixture';
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

  it('counts as deflected only answered questions without a later ticket or 「解決しない」', async () => {
    const data = new InMemoryReportData();
    const base = memoryData().questionLog[2];
    const ask = (id: string, conv: string, at: string, outcome: 'answered' | 'tentative' | 'no_answer') => ({
      ...base,
      id,
      conversationId: conv,
      askedAt: jst(at),
      outcome,
    });
    data.questionLog.push(
      ask('a1', 'k1', '2026-05-11 10:00', 'answered'), // deflected
      ask('a2', 'k2', '2026-05-11 10:00', 'tentative'), // deflected
      ask('a3', 'k3', '2026-05-11 10:00', 'answered'), // a ticket 5 minutes later
      ask('a4', 'k4', '2026-05-11 10:00', 'answered'), // 「解決しない」
      ask('a5', 'k5', '2026-05-11 10:00', 'no_answer'),
      ask('a6', 'k6', '2026-05-11 10:00', 'answered'), // the ticket came before the question: deflected
    );
    data.feedbackLog.push({
      id: 'f',
      conversationId: 'k4',
      questionId: 'a4',
      resolved: false,
      createdAt: jst('2026-05-11 10:01'),
    });
    const ticket = memoryData().tickets[0];
    data.tickets.push(
      { ...ticket, id: 'x3', conversationId: 'k3', createdAt: jst('2026-05-11 10:05') },
      { ...ticket, id: 'x6', conversationId: 'k6', createdAt: jst('2026-05-11 09:00') },
    );
    const m = await buildReport('monthly', '2026-05', data, options(NOW_AFTER_MAY));
    assert.deepEqual([m.inquiries.asked, m.inquiries.deflected, m.inquiries.deflectionRate], [6, 3, 0.5]);
    assert.equal(keyFigures(m).find((f) => f.id === 'deflectionRate')?.value, '50.0%');
  });

  it('compares the month with the one before and trends the 12 months ending with it', async () => {
    const m = await buildReport('monthly', '2026-05', memoryData(), options(NOW_AFTER_MAY));
    assert.deepEqual(
      m.trend12?.map((x) => x.month),
      [
        '2025-06',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
      ],
    );
    assert.deepEqual(
      m.trend12?.slice(-2).map((x) => [x.label, x.asked, x.answered, x.autoAnswerRate, x.deflectionRate]),
      [
        ['令和8年4月', 1, 1, 1, 1],
        ['令和8年5月', 8, 4, 0.5, 0.5],
      ],
    );
    const table = reportTables(m).find((t) => t.id === 'month-comparison');
    assert.deepEqual(table?.columns, ['項目', '当月（令和8年5月）', '前月（令和8年4月）', '増減']);
    assert.deepEqual(table?.rows, [
      ['問合せ件数', 8, 1, '+7件'],
      ['自動回答件数', 4, 1, '+3件'],
      ['自動回答率', '50.0%', '100.0%', '−50.0ポイント'],
      ['自己解決率（チケット化なし）', '50.0%', '100.0%', '−50.0ポイント'],
      ['チケット起票件数', 4, 2, '+2件'],
    ]);
    const half = await buildReport('halfyear', '2026', memoryData(), options(NOW_AFTER_HALF));
    assert.equal(half.comparison, undefined);
    assert.equal(half.trend12?.[11].month, '2026-09');
  });

  it('keeps the stored 課題・対策 text', async () => {
    const m = await buildReport('monthly', '2026-05', memoryData(), {
      ...options(NOW_AFTER_MAY),
      issuesText: 'VPN証明書の期限監視を追加する。',
    });
    assert.equal(m.issuesText, 'VPN証明書の期限監視を追加する。');
  });
});
