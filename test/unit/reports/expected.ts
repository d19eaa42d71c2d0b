/** The figures the fixture must produce, asserted against every ReportData implementation. */
import assert from 'node:assert/strict';
import type { ReportModel } from '../../../reports';

const counts = (items: { key: string; count: number }[]): Record<string, number> =>
  Object.fromEntries(items.map((i) => [i.key, i.count]));

/** Asserts every figure of the May 2026 report. */
export function assertMayReport(m: ReportModel): void {
  assert.equal(m.kind, 'monthly');
  assert.deepEqual(m.period, {
    key: '2026-05',
    from: '2026-04-30T15:00:00.000Z',
    to: '2026-05-31T15:00:00.000Z',
    label: '令和8年5月（2026年5月）',
  });
  assert.equal(m.title, 'ヘルプデスク運用月次報告書');
  assert.equal(m.organization, 'ことのは市 情報政策課');
  const q = m.inquiries;
  assert.deepEqual(
    {
      asked: q.asked,
      answered: q.answered,
      tentative: q.tentative,
      clarified: q.clarified,
      notAnswered: q.notAnswered,
      escalated: q.escalated,
      autoAnswerRate: q.autoAnswerRate,
      feedbackCount: q.feedbackCount,
      feedbackResolved: q.feedbackResolved,
    },
    {
      asked: 8,
      answered: 4,
      tentative: 0,
      clarified: 1,
      notAnswered: 3,
      escalated: 1,
      autoAnswerRate: 0.5,
      feedbackCount: 3,
      feedbackResolved: 2,
    },
  );
  assert.equal(q.resolvedRate, 2 / 3);
  assert.deepEqual([q.deflected, q.deflectionRate], [4, 0.5]);
  assert.deepEqual(
    q.byCategory.map((c) => [c.label, c.count]),
    [
      ['アカウント', 2],
      ['ネットワーク', 2],
      ['メール', 2],
      ['プリンタ', 1],
      ['未分類', 1],
    ],
  );
  assert.deepEqual(
    q.byChannel.map((c) => [c.key, c.label, c.count]),
    [
      ['web', 'Webチャット', 5],
      ['teams', 'Microsoft Teams', 2],
      ['logo', 'LoGoチャット', 1],
      ['cli', 'コマンド', 0],
    ],
  );
  assert.deepEqual(counts(q.byDepartment), { 税務課: 3, 総務課: 2, 市民課: 2, 所属不明: 1 });
  assert.equal(q.byDepartment[0].key, '税務課');

  const t = m.tickets;
  assert.deepEqual(
    { opened: t.opened, resolved: t.resolved, closed: t.closed, backlog: t.backlogAtEnd },
    { opened: 4, resolved: 3, closed: 2, backlog: 3 },
  );
  assert.deepEqual(counts(t.byCategory), { ネットワーク: 1, メール: 1, アカウント: 1, プリンタ: 1 });
  assert.deepEqual(
    t.byType.map((c) => [c.label, c.count]),
    [
      ['問合せ', 2],
      ['障害', 1],
      ['依頼', 1],
    ],
  );
  assert.deepEqual(
    t.byPriority.map((c) => [c.label, c.count]),
    [
      ['緊急', 1],
      ['高', 1],
      ['中', 1],
      ['低', 1],
    ],
  );
  const s = t.sla;
  assert.deepEqual(
    { evaluated: s.evaluated, met: s.met, breached: s.breached, pending: s.pending },
    { evaluated: 3, met: 1, breached: 2, pending: 1 },
  );
  assert.equal(s.complianceRate, 1 / 3);
  assert.deepEqual(s.response, { count: 2, median: 97.5, p95: 165 });
  assert.deepEqual(s.resolution, { count: 3, median: 630, p95: 1050 });
  assert.deepEqual(
    s.breaches.map((b) => [b.number, b.clock, b.state, b.dueAt, b.stoppedAt, b.elapsedBusinessMinutes]),
    [
      ['HD-2026-000002', 'response', 'met_late', '2026/05/13 09:15', '2026/05/13 10:00', 165],
      ['HD-2026-000003', 'resolution', 'breached', '2026/05/27 09:00', '', 4170],
      ['HD-2026-000003', 'response', 'breached', '2026/05/20 11:00', '', 4170],
    ],
  );

  assert.deepEqual(m.incidents, [
    {
      number: 'HD-2026-000001',
      title: 'VPN接続障害',
      priority: '高',
      status: 'クローズ',
      createdAt: '2026/05/08 13:30',
      resolvedAt: '2026/05/08 16:30',
      cause: 'VPN装置の証明書期限切れ',
      actions: '証明書を更新しVPN装置を再起動',
      prevention: '証明書の有効期限を監視対象に追加',
    },
  ]);
  assert.deepEqual(m.workLog, [
    {
      when: '2026/05/15 18:00〜20:30',
      operator: '情報 太郎',
      title: 'ファイルサーバ定期保守',
      content: 'OSセキュリティ更新の適用と再起動',
      remarks: '業務時間外に実施',
    },
    {
      when: '2026/05/27 23:00〜2026/05/28 01:00',
      operator: '情報 花子',
      title: 'バックアップ装置交換',
      content: 'バックアップ装置を新機種に交換し、初回バックアップを確認',
      remarks: '',
    },
  ]);

  const u = m.usage;
  const hours = new Array(24).fill(0);
  for (const h of [0, 9, 10, 13, 13, 16, 8, 23]) hours[h] += 1;
  assert.deepEqual(u.byHour, hours);
  assert.deepEqual(u.byWeekday, [1, 1, 1, 0, 2, 3, 0]);
  assert.equal(u.daily.length, 31);
  assert.deepEqual(
    u.daily.filter((d) => d.count > 0),
    [
      { date: '2026-05-01', count: 1 },
      { date: '2026-05-07', count: 2 },
      { date: '2026-05-08', count: 2 },
      { date: '2026-05-11', count: 1 },
      { date: '2026-05-12', count: 1 },
      { date: '2026-05-31', count: 1 },
    ],
  );
  assert.deepEqual(u.topQuestions, [
    { text: 'VPNがつながらない', count: 2 },
    { text: 'パスワードを忘れました', count: 2 },
    { text: 'プリンタの設定方法', count: 1 },
    { text: 'メールが送れない', count: 1 },
    { text: 'メールの容量を増やしたい', count: 1 },
    { text: '生成AIは使えますか', count: 1 },
  ]);
  assert.deepEqual(u.topUnanswered, [
    { text: 'VPNがつながらない', count: 2 },
    { text: '生成AIは使えますか', count: 1 },
  ]);
  assert.deepEqual(u.trend, []);
  assert.deepEqual(m.jobs, [
    { job: 'backup', runs: 3, failures: 1, lastSuccessAt: '2026/05/03 02:10' },
    { job: 'ingest', runs: 1, failures: 1, lastSuccessAt: '' },
  ]);
}

/** Asserts the figures of the FY2026 first-half report. */
export function assertHalfYearReport(m: ReportModel): void {
  assert.equal(m.kind, 'halfyear');
  assert.deepEqual(m.period, {
    key: 'FY2026',
    from: '2026-03-31T15:00:00.000Z',
    to: '2026-09-30T15:00:00.000Z',
    label: '令和8年度 上半期（2026年4月〜2026年9月）',
  });
  assert.equal(m.title, 'ヘルプデスク運用半期報告書');
  assert.deepEqual(
    [m.inquiries.asked, m.inquiries.answered, m.inquiries.escalated, m.inquiries.feedbackCount],
    [10, 5, 1, 4],
  );
  const t = m.tickets;
  assert.deepEqual([t.opened, t.resolved, t.closed, t.backlogAtEnd], [7, 4, 3, 3]);
  assert.deepEqual([t.sla.evaluated, t.sla.met, t.sla.breached, t.sla.pending], [7, 4, 3, 0]);
  assert.equal(t.sla.complianceRate, 4 / 7);
  assert.deepEqual(t.sla.response, { count: 5, median: 30, p95: 165 });
  assert.deepEqual(t.sla.resolution, { count: 4, median: 405, p95: 1050 });
  assert.equal(m.workLog.length, 3);
  assert.deepEqual(
    m.usage.trend.map((x) => [x.month, x.label, x.asked, x.answered, x.ticketsOpened]),
    [
      ['2026-04', '令和8年4月', 1, 1, 2],
      ['2026-05', '令和8年5月', 8, 4, 4],
      ['2026-06', '令和8年6月', 1, 0, 1],
      ['2026-07', '令和8年7月', 0, 0, 0],
      ['2026-08', '令和8年8月', 0, 0, 0],
      ['2026-09', '令和8年9月', 0, 0, 0],
    ],
  );
  assert.equal(m.usage.daily.length, 183);
}
