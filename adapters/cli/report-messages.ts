/** Japanese messages of the `kotae report` command. */
export const REPORT_CLI_MESSAGES = {
  usage: [
    '使い方: kotae report <種類> <期間> [--out <フォルダ>] [--json]',
    '  monthly YYYY-MM   月次報告書（例: monthly 2026-05）',
    '  halfyear FY[H1|H2] 半期報告書（H1・省略時は上半期 4月〜9月、H2 は下半期 10月〜翌年3月。例: halfyear 2026H2）',
    '  annual FY         年次報告書（4月〜翌年3月。例: annual 2026）',
    '  custom --from YYYY-MM-DD --to YYYY-MM-DD',
    '                    期間指定の作業実績報告書・利用状況分析（両日を含む。終了日は今日以前、366日以内。今日までの期間は下書き）',
    '  log --from YYYY-MM-DD --to YYYY-MM-DD [--out <ファイル>]',
    '                    会話ログ（質問ごと、個人情報はマスク）を CSV で出力します（--out なしは標準出力）',
    '  --out <フォルダ>  指定したフォルダに xlsx・pdf・csv を出力します（報告書一覧には登録しません）',
    '  --json            集計結果を JSON で標準出力に表示します（ファイルは作成しません）',
  ].join('\n'),
  unknownOption: (opt: string) => `不明なオプションです: ${opt}`,
  missingOutDir: '--out にはフォルダを指定してください。',
  missingArgs: '報告書の種類と期間を指定してください。',
  missingDate: (name: string) => `--${name} には日付（YYYY-MM-DD）を指定してください。`,
  customArgs:
    '--from と --to は「kotae report custom --from 2026-04-01 --to 2026-04-15」のように両方を指定してください。',
  written: (dir: string, count: number) => `報告書を作成しました（${count} ファイル）: ${dir}`,
  logWritten: (file: string) => `会話ログを出力しました: ${file}`,
  stored: '報告書一覧に下書きとして登録しました。課題・対策は管理画面で編集できます。',
} as const;
