/** Japanese texts of the command line. */
export const CLI_MESSAGES = Object.freeze({
  usage: '使い方: npx kotae <コマンド> [オプション]\n\nコマンド:',
  unknownCommand: (name: string) => `不明なコマンドです: ${name}`,
  failed: 'エラー',
  serving: (url: string) => `Kotae を起動しました: ${url}（Webチャット ${url}/ ・運用コンソール ${url}/console）`,
  stopping: '停止しています…',
  chatIntro:
    'Kotae チャット（終了: Ctrl+D または「/exit」、担当者への問い合わせ: 「/ticket 内容」、解決した: 「/yes」、解決しない: 「/no」）',
  chatPrompt: 'あなた> ',
  sources: '出典:',
  choices: '候補（番号で選べます）:',
  actionsHint: '（/yes 解決した ・ /no 解決しない ・ /ticket 担当者に問い合わせる）',
  migrated: (names: string[]) =>
    names.length ? `適用したマイグレーション: ${names.join(', ')}` : 'データベースは最新です。',
  portInUse: (port: number) => `ポート ${port} は使用中です。PORT で別のポートを指定してください。`,
});
