/** Japanese texts of `kotae scan-attachments`. */
import type { QuarantinedFile, RescanFailure, RescanSummary } from '../../tickets';

const KINDS = { attachment: '添付ファイル', manual: 'マニュアル' } as const;

const FAILURES: Record<RescanFailure['code'], string> = {
  too_large: '大きすぎて検査できません（clamd の StreamMaxLength を超えています）',
  unavailable: 'ウイルス検査サーバー（clamd）から応答がありません',
  unreadable: 'ファイルを読み取れません',
};

/** Where a quarantined file was, as the operator reads it. */
function whereText(f: QuarantinedFile): string {
  if (f.kind === 'manual') return 'アップロードしたマニュアル';
  if (f.where.startsWith('conversation:')) return `チケット化前の会話 ${f.where.slice('conversation:'.length)}`;
  return f.where;
}

/** Messages of the command. */
export const SCAN_CLI_MESSAGES = {
  describe:
    '保存済みの添付ファイルとアップロードしたマニュアルをウイルス検査し直し、検出したものを隔離します: kotae scan-attachments [--all]（--all は検査済みも含めてすべて）',
  usage: [
    '使い方: kotae scan-attachments [--all]',
    '  （オプションなし）現在のウイルス定義でまだ検査していない添付ファイル・マニュアルを検査します',
    '  --all             検査済みのものも含め、すべてを検査し直します（中断したときは、オプションなしで続きから検査します）',
    '  ウイルスが見つかったファイルは隔離し（ダウンロード不可・「隔離済み」と表示）、監査ログ（attachment.infected）に記録して、運用担当者に通知します（malware_detected、1回の実行で1通）。',
  ].join('\n'),
  unknownOption: (opt: string) => `不明なオプションです: ${opt}`,
  stopping: '中断しています…（検査中のファイルが終わると止まります）',
  heading: (s: RescanSummary, all: boolean) => {
    const scope = `定義: ${s.version}、対象: ${all ? 'すべてのファイル' : 'この定義で未検査のファイル'}`;
    if (s.stopped === 'signal')
      return `ウイルスの再検査を中断しました（${scope}）。もう一度実行すると、続きから検査します。`;
    if (s.stopped === 'scanner_unavailable')
      return `ウイルス検査サーバー（clamd）に接続できなくなったため、再検査を中断しました（${scope}）。もう一度実行すると、続きから検査します。`;
    return `ウイルスの再検査が終わりました（${scope}）。`;
  },
  counts: (s: RescanSummary) => [
    `  検査したファイル: ${s.scanned} 件（${KINDS.attachment} ${s.scannedByKind.attachment} 件、${KINDS.manual} ${s.scannedByKind.manual} 件）`,
    `  問題なし: ${s.clean} 件`,
    `  ウイルス検出（隔離）: ${s.infected} 件`,
    `  検査できず: ${s.failed} 件`,
    `  検査を省略: ${s.current + s.alreadyQuarantined + s.busy} 件（この定義で検査済み ${s.current} 件、隔離済み ${s.alreadyQuarantined} 件、他の実行が検査中 ${s.busy} 件）`,
  ],
  quarantined: (f: QuarantinedFile & { signature: string }) =>
    `  隔離: 「${f.fileName}」検出名 ${f.signature}（${whereText(f)}）`,
  failed: (f: RescanFailure) => `  検査できず: ${KINDS[f.kind]}「${f.fileName}」${FAILURES[f.code]}`,
  manualsQuarantined:
    '隔離したマニュアルは、ナレッジの管理の一覧と /kb から外しました。回答の索引からは次の取り込み（kotae ingest またはナレッジの管理での取り込み）で外れます。',
  alerted: '運用担当者への通知（malware_detected）を登録しました。稼働中のKotaeが送信します。',
  alertFailed:
    '運用担当者への通知（malware_detected）を登録できませんでした。監査ログ（attachment.infected）を確認してください。',
} as const;
