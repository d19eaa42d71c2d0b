/**
 * People named in a busy week's desk text by the structure around them (session 33, the forty-sixth blind batch):
 * - the name closing a report's party line after the section (担当：情報政策課 久留米, 立会：総務課 渡嘉敷, 受：窓口 つじ) —
 *   the line names who did it, so any name's shape there is one;
 * - a full name after a label ending in 者 (交付すべき者：石神 由紀夫, 誤って交付した者：…);
 * - a family name doing the desk's work or away (砂川が対応しました, ミヤザトが今日休み) — listed family names, names made
 *   of their kanji, listed family names in katakana;
 * - a name joined by と to a colleague named with a post (比嘉主査 と 当山 に付与);
 * - a listed family name in hiragana or katakana set apart at the message's end, maybe with です (…ログインできません
 *   ホシノ; …SSID ASAGIRI-GUEST　ひらの);
 * - a chat head whose speaker carries a role joined by a hyphen ([13:05] helpdesk-高畑:);
 * - a katakana name on the line under a name's or an account holder's label (口座名義（カナ）⏎フジシロ カズマ);
 * - a word in hiragana alone on its line right before a line opening with さん / 様 (かたおか⏎さんの件);
 * - the names of a list's rows of two or more, each after a staff ID (・E25001 小松原 奏);
 * - a Chinese name before 先生 / 女士 / 小姐 in Chinese text (吴俊杰先生说…; 林佳蓉 小姐 in traditional script).
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES, KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { KATAKANA_FAMILY_NAMES } from './everyday-people';
import { isName } from './labelled-names';
import { notHiraganaGivenName } from './not-person-words';
import { fillsNameSlot } from './rare-names';

const SECTION = '(?:[一-龥ァ-ヶー]{1,12}(?:課|係|室|班|局|部|センター)|窓口)';
const POST = '(?:課長補佐|課長|係長|部長|次長|室長|所長|主査|主任|主事|主幹|参事|補佐|班長)';
/** A report's line naming who took part: the label, the section, maybe a post, the name closing the line. */
const PARTY_LINE = new RegExp(
  `(?:^|\\n)[ \\t]*(?:担当|立会い?|立ち会い|受付?|対応者?|報告者|発見者|作業者|記録者?|確認者|起票者?)[ \\t]*[:：][ \\t]*` +
    `${SECTION}[ \\t\\u3000]+(?:${POST}[ \\t\\u3000]+)?([一-龥々ヶ]{2,4}|[ぁ-ゖ]{2,5}|[ァ-ヶー]{2,6})[ \\t\\u3000]*(?=\\n|$)`,
  'dg',
);
/** A label ending in 者 (who is concerned), then a kanji full name with a space. */
const PERSON_LABEL_FULL =
  /[一-龥ぁ-ゖ]{0,10}者[ \t]*[:：][ \t\u3000]*([一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶ]{1,4})(?=[ \t\u3000]*(?:[（(、,\n]|$))/dg;
/** A family name doing the work of the desk, or away from it, at a clause's start. */
const DOING =
  /(?:^|(?<=[、。\n は]))([一-龥々]{2,3}|[ァ-ヶー]{3,6})が(?:(?:今日|本日|明日|昨日)は?)?(?:お?休み|休暇|不在|出張|早退|対応し|担当し|作業し|確認し)/dg;
/** A name joined by と to a colleague named with a post, before what both are given or asked. */
const WITH_COLLEAGUE = new RegExp(
  `[一-龥々]{2,4}${POST}[ \\t\\u3000]*と[ \\t\\u3000]*([一-龥々]{2,4})[ \\t\\u3000]*(?=に|へ|が|を|の|で)`,
  'dg',
);
/** A kana family name set apart closing the message, maybe with です. */
const CLOSING_KANA = /[ \t\u3000]([ぁ-ゖ]{3,5}|[ァ-ヶー]{3,6})(?:[ \t\u3000]*です)?[ \t\u3000。]*$/d;
/** A chat head with a time and a speaker carrying a role joined by a hyphen or an underscore. */
const ROLE_JOINED_SPEAKER =
  /(?:^|\n)[ \t]*[[(（]?\d{1,2}:\d{2}[\])）]?[ \t]*[A-Za-z]{2,16}[-_]([一-龥々ヶ]{2,4})[ \t]*[:：]/dg;
/** Hiragana alone on its line, the next line opening with the honorific. */
const BROKEN_BEFORE_HONORIFIC = /(?:^|\n)[ \t]*([ぁ-ゖ]{2,6})[ \t]*\n[ \t]*(?:さん|様|さま)/dg;
/** A name in katakana on the line under a name's or an account holder's label (口座名義（カナ）⏎フジシロ カズマ, カナ氏名). */
const KANA_UNDER_LABEL =
  /(?:^|\n)[ \t]*(?:(?:カナ|ｶﾅ)?氏名|名前|お名前|口座名義人?|名義人?|フリガナ|ふりがな)(?:[（(](?:カナ|カタカナ|ｶﾅ|フリガナ)[）)])?[ \t]*[:：]?[ \t]*\n[ \t]*([ァ-ヶー]{2,8}(?:[ \u3000・][ァ-ヶー]{1,8}){0,2})[ \t]*(?=\n|$)/dg;
/**
 * A row of a list of people by their staff or user ID: maybe a bullet, the ID (letters and digits), the full name in kanji
 * or katakana, maybe a note in brackets (・E25001 小松原 奏, ・E25003 ロペス・マリア（会計年度任用）).
 */
const ID_ROW =
  /(?:^|\n)[ \t]*(?:[・•*-][ \t]*)?[A-Za-z]{1,3}-?\d{4,8}[ \t\u3000]+([一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶ]{1,3}|[ァ-ヶー]{2,10}[・＝ ][ァ-ヶー]{2,10})[ \t]*(?=[（(]|\n|$)/dg;
/** A Chinese name before a Chinese honorific, after a boundary. */
// (session 36) also set apart by a space, and in traditional script (林佳蓉 小姐（台灣）想問…: 們這嗎請說問).
const CHINESE_TITLED = /(?:^|(?<=[：:，,。、\s]))([一-龥]{2,4})(?=[ \u3000]?(?:先生|女士|小姐))/dg;
const CHINESE_TEXT = /[说们这吗请您她换們這嗎請說問]|号码|號碼|咨询|諮詢|手机|手機/;

const familyLike = (word: string): boolean =>
  /^[ァ-ヶー]+$/.test(word)
    ? KATAKANA_FAMILY_NAMES.has(word)
    : fillsNameSlot(word) && (KNOWN_FAMILY_NAMES.has(word) || surnameLike(word));

/** Finds the names above. */
export function detectWeekPeople(normalized: string): PiiSpan[] {
  const spans = [
    ...captured(normalized, PARTY_LINE, (name) => isName(name) && (!/^[一-龥]/.test(name) || fillsNameSlot(name))),
    ...captured(normalized, PERSON_LABEL_FULL, (name) =>
      name.split(/[ \u3000]/).every((p) => isName(p) || p.length === 1),
    ),
    ...captured(normalized, DOING, familyLike),
    ...captured(normalized, WITH_COLLEAGUE, (name) => fillsNameSlot(name) && isName(name)),
    ...captured(normalized, ROLE_JOINED_SPEAKER, (name) => fillsNameSlot(name)),
    ...captured(normalized, KANA_UNDER_LABEL, (name) => isName(name)),
    ...captured(normalized, BROKEN_BEFORE_HONORIFIC, (name) => !notHiraganaGivenName(name) && isName(name)),
  ];
  // Two rows make the list (one ID and a name alone may be a machine and its place).
  const rows = captured(normalized, ID_ROW, (name) =>
    name.split(/[ \u3000・＝]/).every((p) => isName(p) || p.length === 1),
  );
  if (rows.length >= 2) spans.push(...rows);
  const closing = CLOSING_KANA.exec(normalized);
  const word = closing?.[1] ?? '';
  if (closing && (HIRAGANA_FAMILY_NAMES.has(word) || KATAKANA_FAMILY_NAMES.has(word)))
    spans.push({ type: 'person_name', start: closing.indices![1]![0], end: closing.indices![1]![1] });
  if (CHINESE_TEXT.test(normalized)) spans.push(...captured(normalized, CHINESE_TITLED));
  return spans;
}
