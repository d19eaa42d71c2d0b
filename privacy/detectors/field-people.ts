/**
 * Names by a form's field or a speaker's self-introduction (session 34, the forty-ninth blind batch):
 * - a kana field's value on the label's line (カナ: ウジハラ アヤ, ふりがな：…), as フリガナ on the line under it already was;
 * - a full name on the line under its label, a kanji family name with a given name in any script (氏名：⏎佐久間 ヨシ), or
 *   broken over two lines as a PDF copies a narrow field (氏名欄が…：⏎東條⏎美咲 — one name with its line break);
 * - voice input: the writer after the section said in hiragana and の (しみんかの もりやまです), and a name said twice
 *   before the full name (ほしの、ほしの まゆ です);
 * - the writer set apart between the words before の and です (明日から育休の 宮城 です), a listed family name.
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES } from '../family-names';
import { captured } from './captured';
import { fillsNameSlot } from './rare-names';

/** A kana field's label and its value closing the line. */
const KANA_FIELD =
  /(?:^|\n)[ \t]*(?:カナ|ｶﾅ|フリガナ|ﾌﾘｶﾞﾅ|ふりがな|よみがな)[ \t]*[:：][ \t]*([ァ-ヶー]{2,8}(?:[ \u3000][ァ-ヶー]{1,8}){1,2})[ \t]*(?=\n|$)/dg;
/** A name's label closing its line, then a kanji family name and a given name alone on the next. */
const FULL_NAME_BELOW =
  /(?:^|\n)[ \t]*(?:氏名|名前|お名前)[ \t]*[:：]?[ \t]*\n[ \t]*([一-龥々ヶ]{1,4}[ \u3000](?:[一-龥々ヶ]{1,3}|[ァ-ヶー]{1,6}|[ぁ-ゖ]{1,6}))[ \t]*(?=\n|$)/dg;
/** A line naming the name's field and closing with a colon, then the name's two halves on a line each. */
const BROKEN_BELOW =
  /(?:^|\n)[^\n]{0,20}氏名[^\n]{0,20}[:：][ \t]*\n[ \t]*([一-龥々ヶ]{1,4}\n[ \t]*[一-龥々ヶ]{1,3})[ \t]*(?=\n|$)/dg;
/** The section said in hiragana (しみんか, ほいくか, ぜいむかかり), の, then the writer before です. */
const AFTER_SAID_SECTION =
  /[ぁ-ゖ]{2,8}(?:か|かかり|しつ)の[ \t\u3000]+([ぁ-ゖ]{3,6}?)[ \t]*(?=です|と申します|ともうします)/dg;
/** Words of that place that are no one (担当, the staff). */
const NOT_SAID_NAME = /^(?:たんとう|かかり|しょくいん|もんだい|けんで)$/;
/** A name said, a pause, then said again with the given name before です (ほしの、ほしの まゆ です). */
const SAID_TWICE =
  /(?<![ぁ-ゖァ-ヶー])([ぁ-ゖ]{2,5}|[ァ-ヶー]{2,6})、[ \t\u3000]*\1[ \t\u3000]+[ぁ-ゖァ-ヶー]{1,5}[ \t]*(?=です|と申します)/dg;
/** A listed family name set apart between a phrase ending in の and です (育休の 宮城 です). */
const SPACED_BEFORE_DESU = /の[ \t\u3000]+([一-龥々ヶ]{2,3})[ \t\u3000]+(?=です)/dg;

/** Finds the names above. */
export function detectFieldPeople(normalized: string): PiiSpan[] {
  return [
    ...captured(normalized, KANA_FIELD),
    ...captured(normalized, FULL_NAME_BELOW, (name) => fillsNameSlot(name.split(/[ \u3000]/)[0]!)),
    ...captured(normalized, BROKEN_BELOW, (name) => fillsNameSlot(name.split('\n')[0]!) || /^[一-龥]$/.test(name[0]!)),
    ...captured(normalized, AFTER_SAID_SECTION, (name) => !NOT_SAID_NAME.test(name)),
    ...captured(normalized, SAID_TWICE),
    ...captured(normalized, SPACED_BEFORE_DESU, (name) => KNOWN_FAMILY_NAMES.has(name)),
  ];
}
