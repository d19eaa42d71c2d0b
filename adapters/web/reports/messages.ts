/** Japanese texts of the reports pages of the console. */
export const REPORT_PAGE_MESSAGES = {
  listTitle: '運用報告書',
  generateHeading: '報告書を作成',
  kind: '種類',
  period: '対象期間',
  periodHint: '月次: 2026-05 ／ 半期: 2026H1（上半期 4月〜9月）・2026H2（下半期 10月〜翌年3月） ／ 年次: 2026（年度）',
  customHeading: '期間を指定して作成（作業実績報告書・利用状況分析）',
  from: '開始日',
  to: '終了日',
  customHint:
    '開始日・終了日を含む期間を集計します。終了日は今日以前、期間は366日以内で指定してください（今日までの期間は途中までの集計で、下書きになります）。',
  logHeading: '会話ログの出力（CSV）',
  logHint:
    '質問ごとに日時・チャネル・所属・質問（個人情報はマスク済み）・結果・回答元・フィードバックを出力します。機密性3のチケットになった会話は、機密性3の取扱者名簿に登録された担当者と管理者にだけ出力されます。出力は監査ログに記録されます。',
  exportLog: 'CSV を出力',
  generate: '今すぐ作成',
  generating: '作成には数秒かかることがあります。',
  none: 'まだ報告書はありません。',
  columns: ['種類', '対象期間', '状態', '作成日時', '版'],
  draft: '下書き',
  final: '確定',
  open: '表示',
  downloads: 'ダウンロード',
  json: '集計データ（JSON）',
  issues: '課題・対策',
  saveIssues: '課題・対策を保存',
  markFinal: '確定する',
  finalNote: 'この報告書は確定済みのため編集できません。',
  readOnly:
    '監査担当は報告書の閲覧とダウンロードだけができます（作成・課題と対策の編集・確定はオペレーターと管理者が行います）。',
  confirmTitle: '報告書の確定',
  confirmFinal: '確定すると課題・対策を編集できなくなり、報告書は再作成できなくなります。',
  confirmCheck: '内容を確認し、この報告書を確定します',
  confirmSubmit: '確定する',
  cancel: 'やめる',
  back: '報告書一覧へ戻る',
  version: (v: number) => `第${v}版`,
} as const;

/** Japanese texts of a report's scheduled delivery on the list page (status, 再送, its answers). */
export const DELIVERY_PAGE_MESSAGES = {
  column: '配信',
  notConfigured: '配信は設定されていません。',
  channels: { email: 'メール', teams: 'Teams' },
  sent: (at: string) => `送信済み（${at}）`,
  pending: '未送信',
  failed: (attempts: number, reason: string) => `失敗（試行 ${attempts}回、${reason}）`,
  reasons: {
    unreachable: 'サーバーに接続できませんでした',
    refused: '送信先のサーバーが受け取りを拒否しました',
    database: '送信の記録をデータベースに保存できませんでした',
    other: '送信できませんでした',
  },
  resend: '再送',
  noticeSent: (channels: string) => `報告書を再送しました（${channels}）。`,
  noticeFailed: (channel: string, reason: string) =>
    `再送できませんでした（${channel}：${reason}）。しばらくしてからもう一度お試しください。`,
  noticeBusy: '別の処理がこの報告書を送信中です。しばらくしてから状態を確認してください。',
  noticeNothing: 'この報告書はすべての配信先に送信済みです。',
} as const;
