import assert from 'node:assert/strict';
import type { TicketComment, TicketEvent } from '../../../tickets';
import type { TicketRecord } from '../../../tickets';
import { buildIncidentReport, formatJstWithEra, loadIncidentReport, summaryRows } from '../../../reports/incident';
import { KotaeError } from '../../../core/errors';

const at = (iso: string) => new Date(iso);

const ticket = (over: Partial<TicketRecord> = {}): TicketRecord => ({
  id: 't1',
  number: 'HD-2026-000123',
  status: 'resolved',
  type: 'incident',
  priority: 'urgent',
  category: '',
  title: '庁内メール送信不可',
  details: '外部宛のメールが送信できない。',
  requester: { department: '企画課' },
  channel: 'web',
  assignee: undefined,
  createdAt: at('2026-05-12T00:30:00Z'),
  updatedAt: at('2026-05-12T03:00:00Z'),
  resolvedAt: at('2026-05-12T03:00:00Z'),
  incident: { cause: '送信サーバーの設定誤り', actions: '  ', prevention: undefined },
  holds: [],
  version: 3,
  ...over,
});

const event = (
  field: string,
  before: string | undefined,
  after: string | undefined,
  iso: string,
  actor = '高橋',
): TicketEvent => ({ id: field + iso, ticketId: 't1', at: at(iso), actor, field, before, after });

const comment = (kind: TicketComment['kind'], body: string, iso: string): TicketComment => ({
  id: body,
  ticketId: 't1',
  kind,
  author: '高橋',
  body,
  createdAt: at(iso),
});

const input = {
  comments: [
    comment('reply', '復旧しました。', '2026-05-12T03:00:00Z'),
    comment('note', '内部メモ', '2026-05-12T02:00:00Z'),
  ],
  history: [
    event('created', undefined, 'HD-2026-000123', '2026-05-12T00:30:00Z', 'bot'),
    event('priority', 'normal', 'urgent', '2026-05-12T00:35:00Z'),
    event('resolvedAt', undefined, '2026-05-12T03:00:00.000Z', '2026-05-12T03:00:00Z'),
    event('status', 'in_progress', 'resolved', '2026-05-12T03:00:00Z'),
  ],
  transcript: [
    { role: 'user' as const, text: 'メールが\n送れません', at: at('2026-05-12T00:20:00Z') },
    { role: 'bot' as const, text: '担当者におつなぎします', at: at('2026-05-12T00:21:00Z') },
    { role: 'user' as const, text: '起票後の発言', at: at('2026-05-12T01:00:00Z') },
  ],
  workLogs: [
    {
      id: 'w2',
      startedAt: at('2026-05-12T02:00:00Z'),
      endedAt: at('2026-05-12T02:30:00Z'),
      operatorName: '高橋',
      title: '確認',
      content: '送信試験',
    },
    {
      id: 'w1',
      startedAt: at('2026-05-11T23:00:00Z'),
      endedAt: at('2026-05-12T01:00:00Z'),
      operatorName: '高橋',
      title: '設定修正',
      content: '設定を修正',
      remarks: '夜間',
    },
  ],
  organization: 'ことのは市 情報政策課',
  now: at('2026-06-01T01:00:00Z'),
};

describe('buildIncidentReport', () => {
  it('formats dates in JST with the era beside them (元年 for the first year)', () => {
    assert.equal(formatJstWithEra(at('2026-05-12T15:30:00Z')), '2026/05/13 00:30（令和8年5月13日）');
    assert.equal(formatJstWithEra(at('2019-05-01T00:00:00Z')), '2019/05/01 09:00（令和元年5月1日）');
  });

  it('fills the label/value table and marks blank incident fields （未記入）', () => {
    const m = buildIncidentReport(ticket(), input);
    const rows = new Map(summaryRows(m).map((r) => [r.label, r.value]));
    assert.equal(rows.get('受付番号'), 'HD-2026-000123');
    assert.equal(rows.get('優先度'), '緊急');
    assert.equal(rows.get('分類'), '未分類');
    assert.equal(rows.get('担当者'), '（未割当）');
    assert.equal(rows.get('報告者・影響範囲'), '企画課／受付: Webチャット');
    assert.equal(rows.get('原因'), '送信サーバーの設定誤り');
    assert.equal(rows.get('対応内容'), '（未記入）');
    assert.equal(rows.get('再発防止策'), '（未記入）');
    assert.deepEqual(m.missing, ['actions', 'prevention']);
    assert.equal(m.createdOn, '2026/06/01（令和8年6月1日）');
    assert.equal(buildIncidentReport(ticket({ resolvedAt: undefined }), input).recoveredAt, '（未復旧）');
  });

  it('builds the timeline from chat lines before the ticket, history and replies, oldest first', () => {
    const m = buildIncidentReport(ticket(), input);
    assert.deepEqual(m.timeline, [
      { at: '2026/05/12 09:20', text: '職員からの問合せ（チャット）: メールが 送れません' },
      { at: '2026/05/12 09:30', text: 'チケット起票（HD-2026-000123）（ボット）' },
      { at: '2026/05/12 09:35', text: '優先度を変更: 中 → 緊急（高橋）' },
      { at: '2026/05/12 12:00', text: '状態を変更: 対応中 → 解決（高橋）' },
      { at: '2026/05/12 12:00', text: '依頼者へ回答: 復旧しました。（高橋）' },
    ]);
  });

  it('lists the work log oldest first with the JST range', () => {
    const m = buildIncidentReport(ticket(), input);
    assert.deepEqual(
      m.workLogs.map((w) => [w.when, w.title, w.remarks]),
      [
        ['2026/05/12 08:00〜10:00', '設定修正', '夜間'],
        ['2026/05/12 11:00〜11:30', '確認', ''],
      ],
    );
  });
});

describe('loadIncidentReport', () => {
  const sources = (t: TicketRecord | undefined) => ({
    tickets: {
      get: async () => t,
      comments: async () => [],
      history: async () => [],
      transcript: async () => [],
    },
    workLogs: { listByTicket: async () => [] },
    organization: 'ことのは市',
    now: input.now,
  });

  it('throws NOT_FOUND with a Japanese message for an unknown ticket', async () => {
    await assert.rejects(
      loadIncidentReport('HD-2026-000999', sources(undefined)),
      (e: unknown) =>
        e instanceof KotaeError &&
        e.code === 'NOT_FOUND' &&
        e.userMessage === 'チケット HD-2026-000999 が見つかりません。',
    );
  });

  it('throws INPUT_INVALID for a ticket that is not an incident', async () => {
    await assert.rejects(
      loadIncidentReport('HD-2026-000123', sources(ticket({ type: 'request' }))),
      (e: unknown) => e instanceof KotaeError && e.code === 'INPUT_INVALID' && e.userMessage.includes('「依頼」'),
    );
  });
});
