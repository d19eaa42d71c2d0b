/**
 * Japanese reasons shown to operators when a file or row is left out of the knowledge base,
 * kept in one catalogue so the CLI summary and the web console say the same thing.
 */
import { KotaeError } from '../core';

/** Every reason a file or FAQ row can be skipped. */
export const SKIP_REASONS = Object.freeze({
  empty: '空のファイル',
  tooLarge: (limit: string) => `${limit}を超えるファイル`,
  unsupported: '未対応の形式',
  /** Office 97–2003 files: the loaders read their successors; saving as such is what fixes them. */
  legacyOffice: (ext: string, successor: string) =>
    `旧形式の${ext}ファイル（Office 97-2003 形式）は読み込めません。${successor}形式で保存し直してください`,
  unknownEncoding: '文字コードを判別できない',
  binary: 'テキストではないファイル',
  pdfEncrypted: '暗号化されたPDF',
  pdfCorrupt: '壊れたPDF',
  pdfNoText: '文字を抽出できないPDF（画像のみ）',
  docxCorrupt: '壊れたWord文書',
  docxProtected: 'パスワード付きまたは旧形式のWord文書',
  xlsxCorrupt: '壊れたExcelファイル',
  pptxCorrupt: '壊れたPowerPointファイル',
  pptxProtected: 'パスワード付きまたは旧形式のPowerPointファイル',
  jsonInvalid: 'JSONとして読めないファイル',
  noFaqHeader: 'FAQの見出し行（質問・回答）が見つからない',
  /** A workbook's hidden or very hidden sheet (a draft, the list behind a drop-down): never indexed. */
  sheetHidden: '非表示のシート（取り込む場合はExcelでシートを再表示してください）',
  noVisibleFaqSheet:
    '表示されているシートにFAQの見出し行（質問・回答）が見つからない（非表示のシートは取り込みません。Excelでシートを再表示してください）',
  noText: '本文が空のファイル',
  rowMissingQa: '質問または回答が空の行',
  rowUnpublished: '非公開・下書きの行',
  rowDuplicateId: (id: string) => `IDの重複（${id}）`,
  readFailed: '読み込み中にエラーが発生した',
  unreadable: 'ファイルを読み取れない',
  /** A symbolic link to a file outside the knowledge folder (or hidden in it): /kb would not open it, so it is no source. */
  linkOutside:
    'リンク（シンボリックリンク）の先がナレッジフォルダの外か隠しファイルのため、回答の出典として開けません。取り込むにはファイルをフォルダ内にコピーしてください',
});

/** `a、b、c` — at most `max` items, then ほかn件. */
function listOf(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).join('、');
  return items.length > max ? `${shown} ほか${items.length - max}件` : shown;
}

/** Japanese notes on files or rows that were indexed but deserve a look, beside the skip reasons. */
export const INGEST_WARNINGS = Object.freeze({
  /** FAQ ids this file shares with an earlier file: both are indexed, this file's as `<file>#<id>`. */
  faqIdShared: (heldBy: string, ids: readonly string[], file: string) =>
    `「${heldBy}」と同じID（${listOf(ids)}）の行があるため、このファイルの行はID「${file}#（ID）」として取り込みました。` +
    '両方のFAQが回答に使われます（古い写しのファイルなら削除してください）',
  /** A CSV row with more cells than the header: usually a comma typed in a cell without quotes. */
  extraCells: (header: number, cells: number, keptInAnswer: boolean) =>
    `見出し（${header}列）より列が多い行です（${cells}列）。引用符（"）で囲まれていないカンマがないか確認してください` +
    (keptInAnswer ? '（はみ出した部分は最後の列の「回答」に含めました）' : '（はみ出した部分は取り込んでいません）'),
});

/** A KotaeError that tells the pipeline to skip one file, with the Japanese reason as userMessage. */
export function skipFile(reason: string, internalMessage: string, cause?: unknown): KotaeError {
  return new KotaeError('INGEST_FILE_SKIPPED', internalMessage, { userMessage: reason, cause });
}
