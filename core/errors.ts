/**
 * The one error class of Kotae. Every failure carries a code from a closed union, a Japanese
 * message that is safe to show to a user, an English internal message for logs, and a cause.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'INPUT_INVALID'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_UNSUPPORTED_MEDIA'
  | 'INPUT_RANGE_NOT_SATISFIABLE'
  | 'INPUT_PRECONDITION_FAILED'
  | 'INPUT_TIMEOUT'
  | 'NOT_FOUND'
  | 'FILE_QUARANTINED'
  | 'CONFLICT'
  | 'AUTH_REQUIRED'
  | 'AUTH_FORBIDDEN'
  | 'AUTH_LOCKED'
  | 'AUTH_CSRF'
  | 'RATE_LIMITED'
  | 'KB_UNAVAILABLE'
  | 'KB_INDEX_CORRUPT'
  | 'INGEST_SOURCE_MISSING'
  | 'INGEST_FILE_SKIPPED'
  | 'INGEST_FAILED'
  | 'DB_UNAVAILABLE'
  | 'DB_LOCKED'
  | 'DB_SCHEMA_NEWER'
  | 'DB_MIGRATION_PENDING'
  | 'DB_MIGRATION_FAILED'
  | 'DATA_DIR_UNWRITABLE'
  | 'DATA_DIR_IN_USE'
  | 'CHANNEL_SEND_FAILED'
  | 'CHANNEL_UNSUPPORTED'
  | 'CLOUD_UNAVAILABLE'
  | 'REPORT_PERIOD_INVALID'
  | 'TICKET_TRANSITION_INVALID'
  | 'INTERNAL';

/** HTTP status each code maps to at the web edge. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = Object.freeze({
  CONFIG_INVALID: 500,
  INPUT_INVALID: 400,
  INPUT_TOO_LARGE: 413,
  INPUT_UNSUPPORTED_MEDIA: 415,
  INPUT_RANGE_NOT_SATISFIABLE: 416,
  INPUT_PRECONDITION_FAILED: 412,
  INPUT_TIMEOUT: 408,
  NOT_FOUND: 404,
  FILE_QUARANTINED: 410,
  CONFLICT: 409,
  AUTH_REQUIRED: 401,
  AUTH_FORBIDDEN: 403,
  AUTH_LOCKED: 423,
  AUTH_CSRF: 403,
  RATE_LIMITED: 429,
  KB_UNAVAILABLE: 503,
  KB_INDEX_CORRUPT: 503,
  INGEST_SOURCE_MISSING: 400,
  INGEST_FILE_SKIPPED: 422,
  INGEST_FAILED: 500,
  DB_UNAVAILABLE: 503,
  DB_LOCKED: 503,
  DB_SCHEMA_NEWER: 503,
  DB_MIGRATION_PENDING: 503,
  DB_MIGRATION_FAILED: 500,
  DATA_DIR_UNWRITABLE: 500,
  DATA_DIR_IN_USE: 500,
  CHANNEL_SEND_FAILED: 502,
  CHANNEL_UNSUPPORTED: 400,
  CLOUD_UNAVAILABLE: 503,
  REPORT_PERIOD_INVALID: 400,
  TICKET_TRANSITION_INVALID: 409,
  INTERNAL: 500,
});

/** Default user-facing (Japanese) messages per code; callers may give a more specific one. */
const USER_MESSAGES: Readonly<Record<ErrorCode, string>> = Object.freeze({
  CONFIG_INVALID: '設定に誤りがあります。管理者にお問い合わせください。',
  INPUT_INVALID: '入力内容に誤りがあります。',
  INPUT_TOO_LARGE: '入力が長すぎます。',
  INPUT_UNSUPPORTED_MEDIA: 'この形式のリクエストには対応していません。',
  INPUT_RANGE_NOT_SATISFIABLE:
    '指定された範囲（Range）はこのファイルにありません。範囲を指定せずに、もう一度ダウンロードしてください。',
  INPUT_PRECONDITION_FAILED: 'ファイルが更新されています。ページを再読み込みしてから、もう一度お試しください。',
  INPUT_TIMEOUT: 'リクエストの受信が時間内に終わりませんでした。もう一度お試しください。',
  NOT_FOUND: '指定されたデータが見つかりません。',
  FILE_QUARANTINED: 'このファイルはウイルスが検出されたため隔離されており、ダウンロードできません。',
  CONFLICT: '他の担当者が先に更新しました。画面を再読み込みしてからやり直してください。',
  AUTH_REQUIRED: 'サインインが必要です。',
  AUTH_FORBIDDEN: 'この操作を行う権限がありません。',
  AUTH_LOCKED: 'サインインの失敗が続いたため、アカウントを一時的にロックしました。しばらくしてからお試しください。',
  AUTH_CSRF: '画面の有効期限が切れました。再読み込みしてからやり直してください。',
  RATE_LIMITED: 'リクエストが多すぎます。しばらく待ってからお試しください。',
  KB_UNAVAILABLE: 'ナレッジベースを利用できません。しばらくしてからお試しください。',
  KB_INDEX_CORRUPT: 'ナレッジベースの索引が壊れています。管理者にお問い合わせください。',
  INGEST_SOURCE_MISSING: '取り込み元のフォルダが見つからないか、読み取れません。',
  INGEST_FILE_SKIPPED: 'ファイルを取り込めませんでした。',
  INGEST_FAILED: 'ナレッジの取り込みに失敗しました。',
  DB_UNAVAILABLE: 'データベースに接続できません。しばらくしてからお試しください。',
  DB_LOCKED: 'データベースが混み合っています。しばらくしてからお試しください。',
  DB_SCHEMA_NEWER:
    'データベースはこのKotaeより新しいバージョンで更新されています。このKotaeを停止し、新しいバージョンに入れ替えてください。',
  DB_MIGRATION_PENDING:
    'データベースの更新（マイグレーション）が未適用です。kotae migrate を実行してから起動してください。',
  DB_MIGRATION_FAILED: 'データベースの更新（マイグレーション）に失敗しました。変更は取り消されています。',
  DATA_DIR_UNWRITABLE: 'データフォルダに書き込めません。',
  DATA_DIR_IN_USE: 'データフォルダは別のKotaeが使用中です。',
  CHANNEL_SEND_FAILED: 'メッセージを送信できませんでした。',
  CHANNEL_UNSUPPORTED: 'このチャネルには対応していません。',
  CLOUD_UNAVAILABLE: '外部サービスに接続できません。しばらくしてからお試しください。',
  REPORT_PERIOD_INVALID: '報告書の対象期間が正しくありません。',
  TICKET_TRANSITION_INVALID: 'この状態には変更できません。',
  INTERNAL: 'システムエラーが発生しました。お手数ですがヘルプデスクにお問い合わせください。',
});

/** Error with a code, a user-safe Japanese message and an internal English message. */
export class KotaeError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    internalMessage: string,
    options: { userMessage?: string; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(internalMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KotaeError';
    this.code = code;
    this.userMessage = options.userMessage ?? USER_MESSAGES[code];
    if (options.details) this.details = Object.freeze({ ...options.details });
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** Wraps anything thrown into a KotaeError, keeping KotaeErrors as they are. */
export function toKotaeError(err: unknown, fallback: ErrorCode = 'INTERNAL'): KotaeError {
  if (err instanceof KotaeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new KotaeError(fallback, message, { cause: err });
}
