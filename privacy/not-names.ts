/**
 * Words the name tagger reads as a family name that the words right after them make something else: a building named
 * after its owner (鈴木ビル 3F, 佐藤会館), and a document number's office prefix (青総第1234号, 総企第56号 — an office's
 * abbreviation before 第…号, as every public document numbers itself).
 */
import type { PiiSpan } from './types';

/** A building's or a facility's word closing the name or right after it. */
const BUILDING = /^(?:ビル|会館|ハイツ|マンション|アパート|タワー|プラザ|ホール|荘|棟)(?!長)/;
const BUILDING_END = /(?:ビル|会館|ハイツ|マンション|アパート|タワー|プラザ|ホール|センター)$/;
/** A document number's body: 第, a number in digits or kanji, 号. */
const DOCUMENT_NUMBER = /^第[\d〇一二三四五六七八九十百千]+号/;

/** The spans without person names that are a building's or a document number's. */
export function withoutNonNames(normalized: string, spans: PiiSpan[]): PiiSpan[] {
  return spans.filter((s) => {
    if (s.type !== 'person_name') return true;
    const after = normalized.slice(s.end, s.end + 12);
    return (
      !BUILDING_END.test(normalized.slice(s.start, s.end)) && !BUILDING.test(after) && !DOCUMENT_NUMBER.test(after)
    );
  });
}
