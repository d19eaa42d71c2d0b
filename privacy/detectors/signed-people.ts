/**
 * People named where a question to the desk is signed or a message is to be passed on (session 34, the forty-eighth
 * blind batch):
 * - a listed family name set apart closing the message after a sentence's end (…かわりました …です　大野) — not one that
 *   names a place as often (…です　千葉);
 * - a listed family name in half-width katakana closing the message (…ｵﾈｶﾞｲｼﾏｽ ｼﾐｽﾞ), as one in full-width kana
 *   already was, and a foreign resident's frequent family name in katakana (…どこですか　グエン);
 * - a listed family name in Latin letters with the given name's initial (引継ぎ：Sato K., matsui r.);
 * - the listed family name a message is to be passed on to (村上にPC返却してって伝えといて);
 * - the writer's family name after their staff number and の (職員番号 E17720 の戸塚です).
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, PLACE_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { KATAKANA_FAMILY_NAMES } from './everyday-people';
import { isLatinFamilyName } from './latin-family-names';
import { fillsNameSlot } from './rare-names';
import { isListedRomajiFamily } from './romaji-name';

/** A sentence's end, a space, then a kanji word closing the message (maybe with です). */
const CLOSING_KANJI =
  /(?:です|ます|ません|ました|でした|ください|[かねよ。？！?!])[ \t\u3000]+([一-龥々ヶ]{2,3})(?:[ \t\u3000]*です)?[ \t\u3000。]*$/d;
/** A word in half-width katakana set apart closing the message. */
const CLOSING_HALF_WIDTH = /[ \t\u3000]([ｦ-ﾟ]{2,8})[ \t\u3000。]*$/d;
/** A katakana word set apart closing the message (maybe with です). */
const CLOSING_KATAKANA = /[ \t\u3000]([ァ-ヶー]{3,6})(?:[ \t\u3000]*です)?[ \t\u3000。]*$/d;
/**
 * Frequent family names of foreign residents as written in katakana (general knowledge: Viet Nam, China, Korea, the
 * Philippines, Brazil and Peru, Nepal), three letters or more.
 */
const FOREIGN_KATAKANA_FAMILY: ReadonlySet<string> = new Set(
  `グエン チャン ファム ホアン フイン ファン ヴォー ブイ ズオン ドアン ワン リウ チェン ジャオ ジョウ キム パク チョン ユン
  サントス レイエス クルス ガルシア メンドーサ ラモス シルバ オリベイラ ソウザ ペレイラ フェレイラ ロドリゲス ゴメス
  グルン タマン シュレスタ マガル`.split(/\s+/),
);
/** A family name and the given name's initial, both capitalised or both in lower case (Sato K., matsui r.). */
const WITH_INITIAL = /(?<![A-Za-z'’.-])([A-Z][a-z]{1,14} [A-Z]\.|[a-z]{2,14} [a-z]\.)(?![A-Za-z])/dg;
/** A family name at a clause's start, then に and what to tell them (…って伝えといて, …と言っておいて). */
const TO_BE_TOLD =
  /(?:^|(?<=[\n。！？!?、 \t\u3000「]))([一-龥々ヶ]{2,3})に(?=[^。\n]{0,24}?(?:って|と)(?:伝え|言っ|いっ|言い|伝言))/dg;
/** A staff number or ID, の, then a family name introducing the writer (職員番号 E17720 の戸塚です). */
const AFTER_STAFF_NUMBER =
  /(?:番号|ID|No\.?)[ \t]*[:：]?[ \t]*[A-Za-z]{0,3}-?\d{3,8}[ \t\u3000]*の[ \t\u3000]*([一-龥々ヶ]{1,3})(?=[ \t\u3000]*(?:です|でございます|と申します))/dg;

const listed = (word: string): boolean => KNOWN_FAMILY_NAMES.has(word) || (fillsNameSlot(word) && surnameLike(word));

/** Finds the names above. */
export function detectSignedPeople(normalized: string): PiiSpan[] {
  const spans = [
    ...captured(normalized, WITH_INITIAL, (name) => {
      const family = name.split(' ')[0]!;
      return isListedRomajiFamily(family) || (/^[A-Z]/.test(family) && isLatinFamilyName(family));
    }),
    ...captured(normalized, TO_BE_TOLD, (name) => KNOWN_FAMILY_NAMES.has(name)),
    ...captured(normalized, AFTER_STAFF_NUMBER, listed),
  ];
  const closing = CLOSING_KANJI.exec(normalized);
  const family = closing?.[1] ?? '';
  if (closing && KNOWN_FAMILY_NAMES.has(family) && !PLACE_FAMILY_NAMES.has(family))
    spans.push({ type: 'person_name', start: closing.indices![1]![0], end: closing.indices![1]![1] });
  const foreign = CLOSING_KATAKANA.exec(normalized);
  if (foreign && FOREIGN_KATAKANA_FAMILY.has(foreign[1]!))
    spans.push({ type: 'person_name', start: foreign.indices![1]![0], end: foreign.indices![1]![1] });
  const half = CLOSING_HALF_WIDTH.exec(normalized);
  if (half && KATAKANA_FAMILY_NAMES.has(half[1]!.normalize('NFKC')))
    spans.push({ type: 'person_name', start: half.indices![1]![0], end: half.indices![1]![1] });
  return spans;
}
