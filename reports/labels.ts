/** Japanese message catalogue of the reports (every text a report or its files show). */
import type { ChannelKind } from '../conversations';
import type { TicketPriority, TicketType } from '../tickets';
import { TICKET_PRIORITY_LABELS, TICKET_STATUS_LABELS, TICKET_TYPE_LABELS } from '../tickets';

/** The kinds of report. */
export type ReportKind = 'monthly' | 'halfyear' | 'annual' | 'custom';
/** All report kinds, in display order (`custom`: any run of days, see custom-period.ts). */
export const REPORT_KINDS: readonly ReportKind[] = ['monthly', 'halfyear', 'annual', 'custom'];

/** Report titles per kind. */
export const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  monthly: 'ヘルプデスク運用月次報告書',
  halfyear: 'ヘルプデスク運用半期報告書',
  annual: 'ヘルプデスク運用年次報告書',
  custom: 'ヘルプデスク作業実績・利用状況報告書（期間指定）',
};

/** Short names of the kinds (lists, buttons). */
export const KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  monthly: '月次',
  halfyear: '半期',
  annual: '年次',
  custom: '期間指定',
};

/** Channel names. */
export const CHANNEL_LABELS: Readonly<Record<ChannelKind, string>> = {
  web: 'Webチャット',
  teams: 'Microsoft Teams',
  logo: 'LoGoチャット',
  cli: 'コマンド',
};

/** Ticket type, priority and status names: the one catalogue of tickets/ (same words as the console). */
export const TYPE_LABELS: Readonly<Record<TicketType, string>> = TICKET_TYPE_LABELS;
export const PRIORITY_LABELS: Readonly<Record<TicketPriority, string>> = TICKET_PRIORITY_LABELS;
export const STATUS_LABELS: Readonly<Record<string, string>> = TICKET_STATUS_LABELS;

/** Weekday names, Sunday first. */
export const WEEKDAY_LABELS: readonly string[] = ['日', '月', '火', '水', '木', '金', '土'];

/** Job run status names. */
export const JOB_STATUS_LABELS: Readonly<Record<string, string>> = {
  running: '実行中',
  succeeded: '成功',
  failed: '失敗',
};

/** Free-standing texts of the reports. */
export const TEXT = {
  uncategorized: '未分類',
  unknownDepartment: '所属不明',
  none: 'なし',
  notAvailable: '—',
  noWorkLog: '当該期間の作業実績はありません。',
  noIncidents: '当該期間の障害はありません。',
  noBreaches: '当該期間のSLA超過はありません。',
  noJobs: '当該期間の定期処理の実行記録はありません。',
  noIssues: '（未記入）',
  period: '対象期間',
  organization: '作成',
  generatedAt: '作成日時',
  status: '状態',
  draft: '下書き',
  final: '確定',
  keyFigures: '主要指標',
  issues: '課題・対策',
  page: 'ページ',
  firstHalf: '上半期',
  secondHalf: '下半期',
  fiscalYear: '年度',
  clockResponse: '初回応答',
  clockResolution: '解決',
  slaMet: '遵守',
  slaLate: '超過（対応済）',
  slaBreached: '超過（未対応）',
  slaPending: '判定前',
  unitCount: '件',
  unitMinutes: '分',
  points: 'ポイント',
  charts: 'グラフ',
} as const;

/** The conversation-log export (CSV): columns, outcomes, feedback. */
export const LOG_LABELS = {
  columns: ['日時', 'チャネル', '所属', '質問（個人情報はマスク済み）', '結果', '回答元', 'フィードバック', 'チケット'],
  outcomes: {
    answered: '自動回答',
    tentative: '回答候補を提示',
    clarify: '確認質問',
    no_answer: '回答不能',
  } as Readonly<Record<string, string>>,
  resolved: '解決した',
  unresolved: '解決しない',
} as const;

/** Texts of the scheduled delivery (e-mail subject and body, Teams post). */
export const DELIVERY_TEXT = {
  subject: (title: string, label: string) => `【Kotae】${title} ${label}`,
  status: (final: boolean) => (final ? '確定済みの報告書です。' : '報告書（下書き）を作成しました。添付ファイル:'),
  open: (link: string) => `管理画面で開く: ${link}`,
} as const;

/** Labels of the key figures, in display order. */
export const FIGURE_LABELS = {
  asked: '問合せ件数',
  answered: '自動回答件数',
  tentative: '回答候補の提示件数',
  clarified: '確認質問件数',
  notAnswered: '回答不能件数',
  escalated: '有人対応への引継ぎ件数',
  autoAnswerRate: '自動回答率',
  deflected: 'チケット化せず解決した件数',
  deflectionRate: '自己解決率（チケット化なし）',
  feedback: 'フィードバック件数',
  resolvedRate: '「解決した」回答率',
  opened: 'チケット起票件数',
  resolved: 'チケット解決件数',
  closed: 'チケット完了件数',
  backlog: '期末未完了件数',
  slaEvaluated: 'SLA判定対象件数',
  slaMet: 'SLA遵守件数',
  slaBreached: 'SLA超過件数',
  slaCompliance: 'SLA遵守率（初回応答2営業時間以内）',
  responseMedian: '初回応答時間 中央値（営業分）',
  responseP95: '初回応答時間 95パーセンタイル（営業分）',
  resolutionMedian: '解決時間 中央値（営業分）',
  resolutionP95: '解決時間 95パーセンタイル（営業分）',
  incidents: '障害件数',
  workLogs: '作業実績件数',
  jobRuns: '定期処理 実行回数',
  jobFailures: '定期処理 失敗回数',
} as const;

/** Chart titles of the PDF. */
export const CHART_TITLES = {
  category: 'カテゴリ別問合せ件数',
  daily: '日別問合せ件数',
  monthly: '月別問合せ件数',
  sla: 'SLA遵守状況（初回応答）',
  hourly: '時間帯別問合せ件数（日本時間）',
  trend12: '12か月の問合せ件数と自動回答率・自己解決率',
  trend12Pdf: '12か月の問合せ件数',
} as const;

/** Error messages (user-facing) of report periods and the store. */
export const REPORT_ERRORS = {
  badKind: (kind: string) =>
    `報告書の種類「${kind}」は指定できません。monthly・halfyear・annual・custom のいずれかを指定してください。`,
  badMonth: (text: string) => `対象月「${text}」が正しくありません。YYYY-MM の形式（例: 2026-05）で指定してください。`,
  badYear: (text: string) =>
    `対象年度「${text}」が正しくありません。西暦の年度（例: 2026 または FY2026）で指定してください。`,
  badHalf: (text: string) =>
    `対象期間「${text}」が正しくありません。年度と上半期・下半期（例: 2026H1 は2026年4月〜9月、2026H2 は2026年10月〜2027年3月）で指定してください。`,
  future: (label: string) => `対象期間「${label}」はまだ始まっていないため、報告書を作成できません。`,
  badRange: (text: string) =>
    `対象期間「${text}」が正しくありません。開始日と終了日を YYYY-MM-DD の形式（例: 2026-04-01..2026-04-15）で指定してください。`,
  reversed: (from: string, to: string) => `開始日（${from}）が終了日（${to}）より後になっています。`,
  tooLong: (days: number, max: number) =>
    `対象期間が${days}日間あります。期間指定の報告書は${max}日以内で指定してください（それより長い期間は年次報告書をご利用ください）。`,
  notEndedYet: (to: string) =>
    `終了日（${to}）が明日以降のため、報告書を作成できません。終了日には今日以前の日付を指定してください。`,
  notEnded: (label: string) =>
    `対象期間「${label}」が終了していないため、まだ確定できません。期間の終了後に確定してください。`,
  confirmRequired: '確定するには、確認欄にチェックを入れてください。',
  finalized: '確定済みの報告書は再作成できません。',
  notFound: '指定された報告書が見つかりません。',
} as const;

/** Names of scheduled jobs (unknown jobs show their id). */
export const JOB_LABELS: Readonly<Record<string, string>> = {
  'report-monthly': '月次報告書作成',
  'report-halfyear': '半期報告書作成',
  'report-annual': '年次報告書作成',
  'report-custom': '期間指定報告書作成',
  'report-delivery': '報告書の配信',
  ingest: 'ナレッジ取込',
  backup: 'バックアップ',
  retention: '保存期間経過データ削除',
  'audit-anchor': '監査ログの日次チェックポイント',
};

/** Column headers and titles of the report tables (xlsx sheets, csv files, pdf tables). */
export const TABLE_LABELS = {
  summary: { title: '主要指標', sheet: '主要指標', columns: ['項目', '値', '単位'] },
  inquiryBreakdown: { title: '問合せ内訳', sheet: '問合せ内訳', columns: ['区分', '項目', '件数'] },
  ticketBreakdown: { title: 'チケット内訳', sheet: 'チケット内訳', columns: ['区分', '項目', '件数'] },
  slaBreaches: {
    title: 'SLA超過一覧',
    sheet: 'SLA超過',
    columns: ['チケット番号', '件名', '優先度', '対象', '起票日時', '期限', '対応日時', '経過営業分', '判定'],
  },
  incidents: {
    title: '障害報告',
    sheet: '障害',
    columns: ['チケット番号', '件名', '優先度', '状態', '発生日時', '解決日時', '原因', '対応内容', '再発防止策'],
  },
  workLog: {
    title: '作業実績報告書',
    sheet: '作業実績',
    columns: ['作業日時（開始・終了）', '担当者', '作業名', '作業内容', '特記事項'],
  },
  hourly: { title: '時間帯別問合せ件数（日本時間）', sheet: '時間帯別', columns: ['時間帯', '件数'] },
  weekday: { title: '曜日別問合せ件数', sheet: '曜日別', columns: ['曜日', '件数'] },
  daily: { title: '日別問合せ件数', sheet: '日別', columns: ['日付', '件数'] },
  topQuestions: { title: 'よくある質問', sheet: 'よくある質問', columns: ['順位', '質問', '件数'] },
  knowledgeUsage: {
    title: 'FAQ・文書の利用状況',
    sheet: 'FAQ・文書の利用状況',
    columns: [
      'FAQ・文書',
      'ID',
      '種類',
      '最上位の回答元',
      '回答',
      '暫定回答',
      '解決した',
      '解決しない',
      'その後の問い合わせ',
    ],
  },
  topUnanswered: {
    title: '回答できなかった質問（ナレッジの不足）',
    sheet: '未回答の質問',
    columns: ['順位', '質問', '件数'],
  },
  trend: {
    title: '月別推移',
    sheet: '月別推移',
    columns: ['月', '問合せ件数', '自動回答件数', '自動回答率', 'チケット起票件数'],
  },
  comparison: { title: '前月との比較', sheet: '前月比較', columns: ['項目', '当月', '前月', '増減'] },
  trend12: {
    title: '12か月の推移',
    sheet: '12か月推移',
    columns: ['月', '問合せ件数', '自動回答件数', '自動回答率', '自己解決率', 'チケット起票件数'],
  },
  jobs: { title: '定期処理の実行状況', sheet: '定期処理', columns: ['処理名', '実行回数', '失敗回数', '最終成功日時'] },
  groupCategory: 'カテゴリ',
  groupChannel: 'チャネル',
  groupDepartment: '所属',
  groupType: '種別',
  groupPriority: '優先度',
  hour: (h: number) => `${h}時台`,
  businessMinutes: '営業分',
} as const;
