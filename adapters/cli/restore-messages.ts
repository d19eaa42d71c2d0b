/** Japanese messages of `kotae restore` (SQLite and PostgreSQL). */
export const RESTORE_CLI_MESSAGES = {
  usage:
    '使い方: kotae restore <バックアップ>\n  <バックアップ> はバックアップファイルのパス、ファイル名、または日時（例: 20260511-020000）です。\n  サーバーを停止してから実行してください。',
  notFound: (arg: string, dir: string) => `バックアップが見つかりません: ${arg}（保存先: ${dir}）`,
  notSupported:
    'kotae restore は SQLite と PostgreSQL のデータベースを復元します。SQL Server はデータベース管理者が復元してください（README「バックアップと復元」）。',
  wrongKind: (file: string, kind: string) =>
    `${file} は現在のデータベース（${kind}）のバックアップではありません。${kind === 'postgres' ? '.dump' : '.sqlite'} のバックアップを指定してください。`,
  otherSessions: (database: string, n: number) =>
    `データベース ${database} に他の接続が ${n} 件あります。すべてのKotaeを停止してから復元してください。`,
  safetyCopy: (file: string) => `  復元前のデータベースのコピー: ${file}（不要になったら削除してください）`,
  running: (message: string) => `${message} サーバーを停止してから復元してください。`,
  needKey: '暗号化されたバックアップです。暗号鍵ファイル KOTAE_BACKUP_KEY_FILE を指定してください。',
  badAnchors: (line: number) =>
    `監査ログのチェックポイントファイル ${line} 行目が改ざんされています。復元を中止しました。`,
  tampered: (seq: number, reason: string) =>
    `バックアップ内の監査ログに改ざんを検出しました（連番 ${seq}：${reason}）。復元を中止しました（現在のデータベースはそのままです）。`,
  countsDiffer: (table: string, expected: number, actual: number) =>
    `復元後の件数がバックアップと一致しません: ${table}（バックアップ ${expected} 件、復元後 ${actual} 件）`,
  restored: (file: string) => `バックアップから復元しました: ${file}`,
  aside: (file: string) => `  復元前のデータベース: ${file}（不要になったら削除してください）`,
  counts: (rows: number, tables: number) => `  件数を確認しました: ${tables} テーブル、計 ${rows} 行`,
  files: (attachments: number, reports: number, faq: boolean) =>
    `  添付ファイル ${attachments} 件、報告書ファイル ${reports} 件${faq ? '、FAQシート' : ''}を戻しました`,
  sessionsEnded: (n: number) => `  サインインし直していただくため、復元したサインイン ${n} 件を無効にしました`,
  audit: (restored: number, previous: number | undefined) =>
    `  監査ログ: 連番 ${restored} まで復元${previous !== undefined ? `（復元前は連番 ${previous} まで）` : ''}し、復元の記録を追加しました`,
  verified: '  監査ログを検証しました: 改ざんは検出されませんでした。',
  verifyFailed: (seq: number, reason: string) => `  監査ログの検証で不整合を検出しました（連番 ${seq}：${reason}）。`,
} as const;
