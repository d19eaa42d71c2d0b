/**
 * A known fiscal half-year of fictional helpdesk data for ことのは市 (FY2026, mostly May 2026),
 * with boundary cases: a question at 2026-04-30T15:30Z (JST May 1 00:30) and one at JST May 31 23:59.
 */
import type { ChannelKind, FeedbackRecord, Outcome, QuestionRecord } from '../../../conversations';
import type { TicketRecord, TicketPriority, TicketType } from '../../../tickets';
import type { JobRunEntry, WorkLogEntry } from '../../../reports';

/** A JST wall-clock time 'YYYY-MM-DD HH:MM' as an instant. */
export const jst = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+09:00`);

function q(
  id: string,
  conv: string,
  at: Date,
  text: string,
  outcome: Outcome,
  category: string | undefined,
  channel: ChannelKind,
  department?: string,
): QuestionRecord {
  return {
    id,
    conversationId: conv,
    askedAt: at,
    text,
    outcome,
    confidence: outcome === 'answered' ? 0.9 : 0.2,
    answer: '（回答）',
    sources: [],
    categoryGuess: category,
    channel,
    requester: { id: `u-${id}`, name: '職員', department },
    latencyMs: 120,
  };
}

const QUESTIONS: QuestionRecord[] = [
  q('q0', 'c0', jst('2026-04-30 23:59'), 'パスワードを忘れました', 'answered', 'アカウント', 'web', '総務課'),
  q('q1', 'c1', new Date('2026-04-30T15:30:00Z'), 'パスワードを忘れました', 'answered', 'アカウント', 'web', '総務課'),
  q('q2', 'c2', jst('2026-05-07 09:15'), 'パスワードを忘れました。', 'answered', 'アカウント', 'teams', '総務課'),
  q('q3', 'c3', jst('2026-05-07 10:00'), 'メールが送れない', 'clarify', 'メール', 'teams', '税務課'),
  q('q4', 'c4', jst('2026-05-08 13:20'), 'VPNがつながらない', 'no_answer', 'ネットワーク', 'web', '税務課'),
  q('q5', 'c4', jst('2026-05-08 13:25'), 'VPNがつながらない？', 'no_answer', 'ネットワーク', 'web', '税務課'),
  q('q6', 'c6', jst('2026-05-11 16:45'), 'プリンタの設定方法', 'answered', 'プリンタ', 'logo', undefined),
  q('q7', 'c7', jst('2026-05-12 08:05'), 'メールの容量を増やしたい', 'answered', 'メール', 'web', '市民課'),
  q('q8', 'c8', jst('2026-05-31 23:59'), '生成AIは使えますか', 'no_answer', undefined, 'web', '市民課'),
  q(
    'q9',
    'c9',
    new Date('2026-05-31T15:00:00Z'),
    'ファイルサーバに入れない',
    'clarify',
    'ファイル共有',
    'web',
    '総務課',
  ),
];

function f(id: string, at: Date, resolved: boolean): FeedbackRecord {
  return { id, conversationId: 'c1', resolved, createdAt: at };
}
const FEEDBACK: FeedbackRecord[] = [
  f('f1', jst('2026-05-01 09:00'), true),
  f('f2', jst('2026-05-07 09:20'), true),
  f('f3', jst('2026-05-08 13:26'), false),
  f('f4', jst('2026-06-01 09:00'), true),
];

interface TicketSpec {
  n: number;
  created: string;
  type: TicketType;
  priority: TicketPriority;
  category: string;
  title: string;
  conv?: string;
  response?: string;
  resolved?: string;
  closed?: string;
  holds?: [string, string][];
  status: TicketRecord['status'];
  incident?: TicketRecord['incident'];
}
function t(s: TicketSpec): TicketRecord {
  const d = (x?: string) => (x ? jst(x) : undefined);
  return {
    id: `t${s.n}`,
    number: `HD-2026-${String(s.n).padStart(6, '0')}`,
    conversationId: s.conv,
    status: s.status,
    type: s.type,
    priority: s.priority,
    category: s.category,
    title: s.title,
    details: '（詳細）',
    requester: { name: '職員', department: '総務課' },
    channel: 'web',
    createdAt: jst(s.created),
    updatedAt: jst(s.created),
    firstResponseAt: d(s.response),
    resolvedAt: d(s.resolved),
    closedAt: d(s.closed),
    incident: s.incident,
    holds: (s.holds ?? []).map(([a, b]) => ({ from: jst(a), to: jst(b) })),
    version: 1,
  };
}
const TICKETS: TicketRecord[] = [
  t({
    n: 1,
    created: '2026-05-08 13:30',
    type: 'incident',
    priority: 'high',
    category: 'ネットワーク',
    title: 'VPN接続障害',
    conv: 'c4',
    response: '2026-05-08 14:00',
    resolved: '2026-05-08 16:30',
    closed: '2026-05-11 09:00',
    status: 'closed',
    incident: {
      cause: 'VPN装置の証明書期限切れ',
      actions: '証明書を更新しVPN装置を再起動',
      prevention: '証明書の有効期限を監視対象に追加',
    },
  }),
  t({
    n: 2,
    created: '2026-05-12 16:00',
    type: 'inquiry',
    priority: 'normal',
    category: 'メール',
    title: 'メール容量の追加',
    response: '2026-05-13 10:00',
    resolved: '2026-05-14 11:00',
    holds: [['2026-05-13 13:00', '2026-05-13 15:00']],
    status: 'resolved',
  }),
  t({
    n: 3,
    created: '2026-05-20 09:00',
    type: 'request',
    priority: 'low',
    category: 'アカウント',
    title: '共有アカウントの発行',
    status: 'new',
  }),
  t({
    n: 4,
    created: '2026-05-29 17:00',
    type: 'inquiry',
    priority: 'urgent',
    category: 'プリンタ',
    title: '複合機が使えない',
    response: '2026-06-01 08:45',
    status: 'in_progress',
  }),
  t({
    n: 5,
    created: '2026-04-28 10:00',
    type: 'inquiry',
    priority: 'normal',
    category: 'メール',
    title: '迷惑メールの設定',
    response: '2026-04-28 10:30',
    resolved: '2026-05-01 10:00',
    closed: '2026-05-07 09:00',
    status: 'closed',
  }),
  t({
    n: 6,
    created: '2026-04-15 10:00',
    type: 'request',
    priority: 'normal',
    category: 'ネットワーク',
    title: '無線LANの増設',
    status: 'new',
  }),
  t({
    n: 7,
    created: '2026-06-02 10:00',
    type: 'inquiry',
    priority: 'normal',
    category: 'アカウント',
    title: 'ロック解除',
    response: '2026-06-02 10:20',
    resolved: '2026-06-02 11:00',
    closed: '2026-06-03 09:00',
    status: 'closed',
  }),
];

const WORK_LOG: WorkLogEntry[] = [
  {
    id: 'w2',
    startedAt: jst('2026-05-27 23:00'),
    endedAt: jst('2026-05-28 01:00'),
    operatorName: '情報 花子',
    title: 'バックアップ装置交換',
    content: 'バックアップ装置を新機種に交換し、初回バックアップを確認',
  },
  {
    id: 'w1',
    startedAt: jst('2026-05-15 18:00'),
    endedAt: jst('2026-05-15 20:30'),
    operatorName: '情報 太郎',
    title: 'ファイルサーバ定期保守',
    content: 'OSセキュリティ更新の適用と再起動',
    remarks: '業務時間外に実施',
  },
  {
    id: 'w3',
    startedAt: jst('2026-06-05 18:00'),
    endedAt: jst('2026-06-05 19:00'),
    operatorName: '情報 太郎',
    title: '6月の作業',
    content: '対象外',
  },
];

const JOB_RUNS: JobRunEntry[] = [
  {
    id: 'j1',
    job: 'backup',
    startedAt: jst('2026-05-02 02:00'),
    finishedAt: jst('2026-05-02 02:10'),
    status: 'succeeded',
    attempt: 1,
  },
  {
    id: 'j2',
    job: 'backup',
    startedAt: jst('2026-05-03 02:00'),
    finishedAt: jst('2026-05-03 02:01'),
    status: 'failed',
    attempt: 1,
    error: 'DB_LOCKED',
  },
  {
    id: 'j3',
    job: 'backup',
    startedAt: jst('2026-05-03 02:02'),
    finishedAt: jst('2026-05-03 02:10'),
    status: 'succeeded',
    attempt: 2,
  },
  {
    id: 'j4',
    job: 'ingest',
    startedAt: jst('2026-05-10 03:00'),
    finishedAt: jst('2026-05-10 03:05'),
    status: 'failed',
    attempt: 1,
    error: 'INGEST_FAILED',
  },
];

/** The whole fixture. */
export function fixture() {
  return { questions: QUESTIONS, feedback: FEEDBACK, tickets: TICKETS, workLog: WORK_LOG, jobRuns: JOB_RUNS };
}

/** 'now' for the May report: JST 2026-06-10 09:00. */
export const NOW_AFTER_MAY = jst('2026-06-10 09:00');
/** 'now' for the FY2026 first-half report: JST 2026-10-02 09:00. */
export const NOW_AFTER_HALF = jst('2026-10-02 09:00');
