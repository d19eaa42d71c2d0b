/** 監査ログの詳細: structured details shown with Japanese names, codes translated, hashes left out. */
import { historyFieldLabel } from './history-labels';
import { ROLE_LABELS } from './messages';

const KEY_LABELS: Readonly<Record<string, string>> = {
  changes: '変更した項目',
  fileName: 'ファイル名',
  kind: '添付した人',
  ticketId: 'チケット',
  role: '権限',
  from: '変更前',
  to: '変更後',
  reason: '理由',
  failures: '連続失敗回数',
  via: '方法',
  error: 'IDプロバイダーのエラー',
  raw: '記録内容（形式不正）',
  // export.report (reports/report-exports.ts).
  report: '出力したもの',
  period: '対象期間',
  format: '形式',
  rows: '行数',
  file: 'ファイル',
  complete: '出力',
  osUser: 'OSユーザー',
  // A scheduled delivery (reports/report-delivery.ts); `channel` is also a question's channel (bot.answer).
  channel: 'チャネル',
  recipients: '宛先数',
  // report.redeliver (jobs/report-delivery-desk.ts): the channels an administrator resent, e.g. `email+teams`.
  channels: '再送したチャネル',
  // Where a sign-in came from (password and single sign-on).
  ip: 'IPアドレス',
  userAgent: 'ブラウザー（User-Agent）',
  instance: 'インスタンス',
  // auth.sign_out of a front-channel logout: how many sessions it ended.
  sessions: '終了したセッション数',
};

/** Incident field names of ticket.update (the history uses incidentCause etc.). */
const CHANGE_LABELS: Readonly<Record<string, string>> = {
  cause: '原因',
  actions: '対応内容',
  prevention: '再発防止策',
};

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: { requester: '依頼者', operator: '担当者' },
  role: ROLE_LABELS,
  from: ROLE_LABELS,
  to: ROLE_LABELS,
  reason: {
    unknown: '存在しないユーザー名',
    locked: 'ロック中',
    disabled: '無効なアカウント',
    password: 'パスワード誤り',
    // Single sign-on (adapters/web/sso/failures.ts).
    no_pending: 'サインインの開始情報なし（期限切れ・別のブラウザー）',
    provider_error: 'IDプロバイダーがエラーを返した',
    rejected: '認可コードまたはIDトークンを拒否',
    unavailable: 'IDプロバイダーに接続できない',
    no_role: '権限の割り当てなし',
    groups_overage: 'グループ数の上限超過',
    groups_lookup_failed: 'グループ数の上限超過（Microsoft Graph でのグループ確認に失敗）',
    malformed_callback: 'コールバックURLの形式不正',
    local_account: 'ローカルアカウントと同じ名前',
    account_disabled: '管理者が無効にしたアカウント',
    front_channel: 'IDプロバイダーでのサインアウト（フロントチャネル）',
    // auth.sso_session_ended (adapters/web/sso/role-recheck.ts).
    role_changed: '割り当てられた権限の変更（より高い権限は次回のサインインで反映）',
    refresh_refused: 'IDプロバイダーが更新を拒否（アカウントの無効化・削除、割り当ての解除など）',
    no_refresh_token: '再確認に必要な情報なし（機能の有効化前に開始したセッションなど）',
    subject_mismatch: 'IDプロバイダーが別のユーザーを返した',
  },
  via: { sso: 'シングルサインオン' },
  report: {
    monthly: '月次報告書',
    halfyear: '半期報告書',
    annual: '年次報告書',
    custom: '期間指定報告書',
    'conversation-log': '会話ログ',
  },
  complete: { true: '全件', false: '途中で中断' },
  channel: { email: 'メール', teams: 'Microsoft Teams', web: 'Webチャット', logo: 'LoGoチャット' },
  format: { link: 'リンクのみ' },
};

/**
 * Keys whose meaning depends on the action: `to` is a role change's new role (account.role), but where a single
 * sign-on went (auth.sign_in_sso: the web chat; a row without it is a console sign-in).
 */
const ACTION_KEYS: Readonly<Record<string, { label: Record<string, string>; value: Record<string, string> }>> = {
  'auth.sign_in_sso': { label: { to: 'サインイン先' }, value: { chat: 'Webチャット', console: '運用コンソール' } },
  'auth.sign_out': { label: { to: 'サインアウト元' }, value: { chat: 'Webチャット', console: '運用コンソール' } },
};

/** Keys not worth showing to a person. */
const HIDDEN = new Set(['sha256']);

function valueText(key: string, value: unknown): string {
  if (key === 'changes' && Array.isArray(value))
    return value.map((f) => CHANGE_LABELS[String(f)] ?? historyFieldLabel(String(f))).join('、') || 'なし';
  if (Array.isArray(value)) return value.map(String).join('、');
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  return VALUE_LABELS[key]?.[text] ?? text;
}

/** `名前: 値` pairs of an audit detail, one string (`action`: the row's, for keys that depend on it). */
export function auditDetailText(detail: Readonly<Record<string, unknown>> | undefined, action?: string): string {
  if (!detail) return '';
  const own = action !== undefined && Object.hasOwn(ACTION_KEYS, action) ? ACTION_KEYS[action] : undefined;
  return Object.entries(detail)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) =>
      own && Object.hasOwn(own.label, k)
        ? `${own.label[k]}: ${own.value[String(v)] ?? String(v)}`
        : `${KEY_LABELS[k] ?? k}: ${valueText(k, v)}`,
    )
    .join(' ／ ');
}
