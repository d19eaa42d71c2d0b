/** Japanese texts of `kotae ingest`. */
import type { IngestSummary } from '../../ingest';

const n = (count: number): string => `${count.toLocaleString('ja-JP')}件`;
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Messages of the ingest command. */
export const INGEST_MESSAGES = Object.freeze({
  usage: [
    '使い方: npx kotae ingest <フォルダ> [--force] [--allow-empty] [--max-file-mb <MB>]',
    '  FAQ（CSV・XLSX）とマニュアル（Markdown・TXT・HTML・DOCX・PDF）を取り込み、索引を作り直します。',
    '  --force          変更がなくても索引を作り直します（埋め込みの設定を変えたときなど）',
    '  --allow-empty    フォルダが空でも取り込み、今の索引を空にします（指定しないと、空のフォルダで',
    '                   索引を置き換える取り込みは中止します。共有フォルダの未接続と区別できないため）',
    '  --max-file-mb N  N MBを超えるファイルを読み飛ばします（既定 50）',
  ].join('\n'),
  badOption: (arg: string) => `不明なオプションです: ${arg}`,
  badNumber: (arg: string) => `--max-file-mb には正の数を指定してください: ${arg}`,
  noFolder: '取り込むフォルダを指定してください。',
  starting: (folder: string) => `取り込みを開始します: ${folder}`,
  phase: { parse: 'ファイル解析', build: '索引作成' } as const,
  progressLine: (phase: string, done: number, total: number, file?: string) =>
    `${phase} ${done}/${total}${file ? ` ${file}` : ''}`,
  failed: (message: string) => `取り込みに失敗しました: ${message}`,
  allowEmptyHint: 'ナレッジをすべて削除してよい場合は、--allow-empty を付けてもう一度実行してください。',
  published: (generation: number) =>
    `稼働中のKotae（すべてのインスタンス）に新しい索引を通知しました（世代 ${generation}）。数秒で各インスタンスが索引を読み込み直します。`,
  publishFailed: (message: string) =>
    `索引は作成しましたが、稼働中のインスタンスへの通知に失敗しました: ${message} 各インスタンスを再起動するか、もう一度取り込んでください。`,
  summary: (s: IngestSummary): string[] => [
    s.rebuilt
      ? `取り込みが完了しました（${(s.durationMs / 1000).toFixed(1)}秒）。`
      : `変更はありませんでした。索引はそのままです（${(s.durationMs / 1000).toFixed(1)}秒）。`,
    ...(s.repaired ? ['現在の索引が読み込めなかったため、作り直しました。'] : []),
    `  ファイル数:           ${n(s.files)}`,
    `  新規・変更:           ${n(s.indexed)}`,
    `  変更なし:             ${n(s.unchanged)}`,
    `  削除:                 ${n(s.removed)}`,
    `  チャンク数:           ${n(s.chunks)}`,
    `  索引:                 ${s.indexDir}`,
    ...(s.calibration
      ? [
          `  回答のしきい値:       回答 ${s.calibration.thresholds.answer.toFixed(2)} / 回答候補 ${s.calibration.thresholds.tentative.toFixed(2)} / 確認 ${s.calibration.thresholds.clarify.toFixed(2)}`,
          `  （自己校正: 目標精度 ${pct(s.calibration.precisionTarget)}、試験質問での精度 ${pct(s.calibration.precision)}、` +
            `試験質問 ${n(s.calibration.probes.answerable + s.calibration.probes.unanswerable + s.calibration.probes.offTopic)}、${(s.calibration.ms / 1000).toFixed(1)}秒）`,
        ]
      : []),
    ...(s.skipped.length === 0
      ? []
      : [
          `取り込めなかったファイル・行（${n(s.skipped.length)}）:`,
          ...s.skipped.map((k) => `  - ${k.path}: ${k.reason}`),
        ]),
    ...(s.warnings?.length
      ? [
          `取り込みましたが確認が必要なファイル・行（${n(s.warnings.length)}）:`,
          ...s.warnings.map((k) => `  - ${k.path}: ${k.reason}`),
        ]
      : []),
  ],
});
