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
  noText: '本文が空のファイル',
  rowMissingQa: '質問または回答が空の行',
  rowUnpublished: '非公開・下書きの行',
  rowDuplicateId: (id: string) => `IDの重複（${id}）`,
  readFailed: '読み込み中にエラーが発生した',
  unreadable: 'ファイルを読み取れない',
});

/** A KotaeError that tells the pipeline to skip one file, with the Japanese reason as userMessage. */
export function skipFile(reason: string, internalMessage: string, cause?: unknown): KotaeError {
  return new KotaeError('INGEST_FILE_SKIPPED', internalMessage, { userMessage: reason, cause });
}
