/**
 * People named in what reaches the IT desk from other departments, residents and contractors, by the structure around
 * them (session 33, the forty-seventh blind batch):
 * - a writer introducing themself after their section or company and の, the name set apart before です (福祉課の 能勢
 *   です, 株式会社…の OGAWA です — capitals when they spell a Japanese name);
 * - a kanji full name opening a line before です (a quoted message's first words: 田淵 弘です。);
 * - a family name stretched before でーす (…でーす, as people type it casually);
 * - a name right before the mobile number given for that person (選管書記の宇野（携帯 070-…）, ⏎小川 携帯 090-…);
 * - a kana name set apart after 名前 before で / です (名前 まつうら で予約した);
 * - a family name after a post ending in 長 or 補佐, or a company or a vendor, and の (館長補佐の 桑原 が立ち会います,
 *   警備会社の川島と);
 * - a full name after a label ending in 者, the sections or the post between (依頼者 上下水道局 営業課 滝本 瑞穂。,
 *   送信者：教諭 藤堂 俊介);
 * - a chat mention (@れいな);
 * - hiragana alone on the message's last line under a section's line (ふくし課⏎しみず) or after a blank line closing a
 *   request (…よろしくお願いします⏎⏎まさみ): the writer signing.
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { isName, VERB_ENDING } from './labelled-names';
import { notHiraganaGivenName } from './not-person-words';
import { fillsNameSlot } from './rare-names';
import { isListedRomajiFamily, spelledInJapanese } from './romaji-name';

const SECTION = '[一-龥ァ-ヶーぁ-ゖ]{1,12}(?:課|係|室|班|局|部|センター)';
const COMPANY =
  '(?:(?:株式会社|有限会社|㈱|[（(]株[）)])[一-龥ァ-ヶーA-Za-z]{1,16}|[一-龥ァ-ヶーA-Za-z]{1,16}(?:株式会社|㈱))';
const SELF_AFTER_OFFICE = new RegExp(
  `(?:${SECTION}|${COMPANY})の[ \\t\\u3000]+([一-龥々]{2,4}|[A-Z]{3,12})[ \\t\\u3000]*(?=です|と申します)`,
  'dg',
);
const FULL_NAME_OPENING = /(?:^|\n)[ \t\u3000]*([一-龥々]{1,3}[ \u3000][一-龥々]{1,3})(?=です)/dg;
const STRETCHED_COPULA = /(?:^|(?<=[\s、。]))([一-龥々]{2,3})(?=でー+す)/dg;
const BEFORE_MOBILE =
  /(?:^|(?<=[\n、の \u3000]))([一-龥々]{2,4})(?:[ \t\u3000]+|[ \t\u3000]*[（(][ \t]*)(?:携帯|ケータイ|スマホ)(?:電話|番号)?[ \t]*[:：]?[ \t]*0[5789]0/dg;
const KANA_AFTER_NAME_WORD = /名前[ \t\u3000]+([ぁ-ゖ]{2,6}|[ァ-ヶー]{2,8})[ \t\u3000]+(?=でした|です|で)/dg;
const AFTER_POST =
  /(?:[一-龥]{1,4}(?:長|長補佐|補佐)|会社|業者|ベンダー|メーカー)の[ \t\u3000]*([一-龥々]{2,3})[ \t\u3000]*(?=が|に|は|を|と|も|から|より|、|[（(])/dg;
/** A post said before a name (主任, 技師, 課長補佐). */
export const POST_WORD = '(?:[一-龥]{1,4}(?:長|補佐)|教諭|教頭|講師|主査|主任|主事|主幹|参事|係員|職員|書記|技師)';
const LABEL_PARTY_FULL = new RegExp(
  `(?:^|(?<=[\\n。、 ]))[一-龥]{1,6}者(?:[ \\t]*[:：][ \\t\\u3000]*|[ \\t\\u3000]+)(?:${SECTION}[ \\t\\u3000]+){0,3}(?:${POST_WORD}[ \\t\\u3000]+)?` +
    `([一-龥々]{1,3}[ \\u3000](?:(?![様殿氏])[一-龥々]){1,3})(?:様|さん|殿|氏)?(?=[ \\t\\u3000]*(?:[。（(、,\\n]|$))`,
  'dg',
);
const AFTER_POST_WORD = new RegExp(`${POST_WORD}[ \\t\\u3000]+$`);
const POST_ALONE = new RegExp(`^${POST_WORD}$`);
const MENTION = /(?:^|(?<=\s))@([一-龥々ぁ-ゖァ-ヶー]{2,6})(?=[ \t\u3000]|さん)/dg;
const LAST_LINE_KANA = /\n[ \t\u3000]*([ぁ-ゖ]{2,6})[ \t\u3000]*$/d;
const SECTION_LINE = new RegExp(`(?:^|\\n)[ \\t\\u3000]*${SECTION}[ \\t\\u3000]*$`);
const CLOSING_REQUEST =
  /(?:お願いします|お願いいたします|お願い致します|よろしく)[。！!]?[ \t\u3000]*\n[ \t\u3000]*\n$/;

/** The fields a person's data is asked for by: 会長の名前と連絡先 names no one (名 and 前 are family names' kanji). */
const FIELD_WORD = /^(?:名前|氏名|住所|電話|連絡先|番号|生年月日|年齢|所属|印鑑)$/;
const familyLike = (word: string): boolean =>
  fillsNameSlot(word) && isName(word) && !FIELD_WORD.test(word) && (KNOWN_FAMILY_NAMES.has(word) || surnameLike(word));
const kanjiName = (word: string): boolean => fillsNameSlot(word) && isName(word);

/** Finds the names above. */
export function detectOutsidePeople(normalized: string): PiiSpan[] {
  const spans = [
    ...captured(normalized, SELF_AFTER_OFFICE, (name) =>
      /^[A-Z]+$/.test(name) ? isListedRomajiFamily(name) || spelledInJapanese(name.toLowerCase()) : kanjiName(name),
    ),
    ...captured(normalized, FULL_NAME_OPENING, (name) => {
      const [family = '', given = ''] = name.split(/[ \u3000]/);
      return kanjiName(family) && isName(given);
    }),
    ...captured(normalized, STRETCHED_COPULA, familyLike),
    // Not a name's honorific (清水 恵子様 (携帯 …): the name is found before it).
    ...captured(normalized, BEFORE_MOBILE, (name) => kanjiName(name) && !/[様殿氏]$/.test(name)),
    ...captured(normalized, KANA_AFTER_NAME_WORD, (name) => !VERB_ENDING.test(name) && !notHiraganaGivenName(name)),
    ...captured(normalized, AFTER_POST, familyLike),
    // After a post (教諭 藤堂 俊介) the full name may end like an office's word (堂, 場).
    ...captured(normalized, LABEL_PARTY_FULL, (name, at) =>
      name
        .split(/[ \u3000]/)
        .every(
          (p) =>
            !POST_ALONE.test(p) &&
            (isName(p) || p.length === 1 || (fillsNameSlot(p) && AFTER_POST_WORD.test(normalized.slice(0, at[0])))),
        ),
    ),
    // A mention mixing kanji and katakana is a team's short name (@情シス, @総務チーム), no one's.
    ...captured(
      normalized,
      MENTION,
      (name) => isName(name) && !notHiraganaGivenName(name) && !/[一-龥々][ァ-ヶー]|[ァ-ヶー][一-龥々]/.test(name),
    ),
  ];
  const last = LAST_LINE_KANA.exec(normalized);
  const word = last?.[1] ?? '';
  if (last && isName(word) && !notHiraganaGivenName(word)) {
    const before = normalized.slice(0, last.index + 1);
    if (SECTION_LINE.test(before.slice(0, -1)) || CLOSING_REQUEST.test(before))
      spans.push({ type: 'person_name', start: last.indices![1]![0], end: last.indices![1]![1] });
  }
  return spans;
}
