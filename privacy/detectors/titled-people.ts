/**
 * People named by a listed family name and a title written with it (session 35, the fifty-second blind batch):
 * - a medical or technical title right after the name (金子医師, 佐藤看護師, 田中技師) or a doctor's title before it
 *   (ドクター柴田, Dr.柴田) — hospital records, ambulance logs, care notes;
 * - a member's or a foreman's post set apart before a full name (団員 浜田 勝, 隊員 小林 拓也, 職長 中村 一樹) — fire
 *   brigade rosters, contractors' worker lists; the given name is taken only when it stands apart and is one to three
 *   kanji.
 * - (session 36) a family name set apart by spaces before 先生 (担任の 瀬戸口 先生から) — a teacher or a doctor named in
 *   school and clinic notes; listed or made of the listed names' kanji, as the spaces already say a name.
 * - (session 36 b) the people of posted-people.ts (a post before a full name, hiragana names after a label).
 * A family name that is also a place (浜田 in 汐見町浜田在住) is a person's only with the title beside it.
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { detectPostedPeople } from './posted-people';

const TITLE_AFTER =
  /(?<![一-龥々])([一-龥々]{1,3})(?=(?:医師|看護師|薬剤師|保健師|助産師|技師|師長|主治医|院長|団長|分団長|隊長)(?![会団室]))/dg;
const TITLE_BEFORE = /(?:ドクター|Dr\.?[ \t]?)([一-龥々]{1,3})(?![一-龥々])/dg;
const POST_BEFORE =
  /(?:団員|隊員|分団長|班長|職長|作業員|技能実習生)[ \t\u3000]+([一-龥々]{1,3}(?:[ \t\u3000][一-龥々]{1,3})?)(?=[ \t\u3000（(、,。\n]|$)/dg;

const SET_APART_BEFORE_SENSEI = /(?<=[\s、。の])[ \t\u3000]*([一-龥々ヶ]{2,4})[ \t\u3000]+(?=先生)/dg;

/** Finds the people above. */
export function detectTitledPeople(normalized: string): PiiSpan[] {
  const family = (name: string): boolean => KNOWN_FAMILY_NAMES.has(name.split(/[ \t\u3000]/)[0]!);
  return [
    ...captured(normalized, TITLE_AFTER, family),
    ...captured(normalized, TITLE_BEFORE, family),
    ...captured(normalized, POST_BEFORE, family),
    ...captured(normalized, SET_APART_BEFORE_SENSEI, (name) => KNOWN_FAMILY_NAMES.has(name) || surnameLike(name)),
    ...detectPostedPeople(normalized),
  ];
}
