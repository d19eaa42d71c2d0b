/** Japanese texts of notifications (e-mail subject and body, Teams post, settings labels). */
import type { NotifyEvent } from './types';

/** Labels of the events (settings page, failure list). */
export const NOTIFY_EVENT_LABELS: Readonly<Record<NotifyEvent, string>> = {
  ticket_created: '新しいチケット',
  requester_replied: '依頼者からの返信',
  assigned: '自分への割り当て',
  sla_at_risk: 'SLA期限間近（残り30営業分以内）',
  sla_breached: 'SLA期限超過',
  job_failed: '定期処理の失敗',
  backup_missing: 'バックアップの未取得（復旧時も通知）',
  channel_down: 'Teams・LoGoチャットへの送信停止（復旧時も通知）',
  malware_detected: 'アップロードされたファイルからのウイルス検出',
  audit_checkpoint_failed: '監査ログのチェックポイントの失敗（復旧時も通知）',
};

/** Subject and body lines per event. */
export const NOTIFY_MESSAGES = {
  ticketCreated: (n: string, title: string) => `【Kotae】新しいチケット ${n}: ${title}`,
  requesterReplied: (n: string, title: string) => `【Kotae】依頼者から返信 ${n}: ${title}`,
  /** Above the text of a message the requester deleted and then restored (it is back on the ticket). */
  restoredMark: '（依頼者が削除したメッセージを元に戻しました）',
  assigned: (n: string, title: string) => `【Kotae】担当に割り当てられました ${n}: ${title}`,
  slaAtRisk: (n: string, clock: string) => `【Kotae】SLA期限間近 ${n}（${clock}）`,
  slaBreached: (n: string, clock: string) => `【Kotae】SLA期限超過 ${n}（${clock}）`,
  jobFailed: (job: string) => `【Kotae】定期処理「${job}」が失敗しました`,
  backupMissing: (day: string) => `【Kotae】${day} のバックアップが取得されていません`,
  backupBack: '【Kotae】バックアップの取得を確認しました（復旧）',
  teamsDown: (minutes: number) => `【Kotae】Teamsへの返信が ${minutes} 分以上届いていません`,
  teamsBack: '【Kotae】Teamsへの返信の送信が回復しました（復旧）',
  logoDown: (minutes: number) => `【Kotae】LoGoチャットとの接続が ${minutes} 分以上切れています`,
  logoBack: '【Kotae】LoGoチャットとの接続が回復しました（復旧）',
  auditCheckpointFailed: '【Kotae】監査ログのチェックポイントを書き込めません',
  auditCheckpointBack: '【Kotae】監査ログのチェックポイントの書き込みが回復しました（復旧）',
  since: (at: string) => `発生: ${at}`,
  recoveredAt: (at: string) => `復旧: ${at}`,
  open: (link: string) => `コンソールで開く: ${link}`,
  requester: (name: string) => `依頼者: ${name}`,
  clocks: { response: '初動', resolution: '解決' },
  /** Below an alert sent after repeats were held back (KOTAE_ALERT_REPEAT_MINUTES). */
  heldBack: (count: number, minutes: number) =>
    `※ この通知の前に同じ通知が ${count} 件ありましたが、前回の送信から${minutes}分以内だったため送信を控えていました（KOTAE_ALERT_REPEAT_MINUTES）。`,
} as const;
