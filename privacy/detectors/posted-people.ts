/**
 * People whose place in the text says a name, in shapes the older rules missed (session 36, the fifty-fourth blind
 * batch: transfers, childcare enrolment, consultation logs):
 * - a post or a licensed trade set apart before a full name closing the line or the value (係長 浅見 玲子⏎ in a
 *   setting's value, 保育士　いしかわ 由紀子⏎ in a retirement list) — staff lists, approvers in configurations,
 *   signatures; a family name filling a name's place (no state word: 係長 承認 済), or a listed one in hiragana;
 * - two hiragana words after a person's label up to a mark (児童：ふかざわ つむぎ（…）, もうしこみしゃは、くろさわ まいこ、),
 *   neither ending as a phrase does (…して, …ない, a particle) — names typed or dictated without converting them;
 * - one hiragana word after a name's label closing the line, maybe before a note in brackets (なまえ　さかきばら,
 *   お名前：しのはら（漢字不明）, session 37) — the label says what it is;
 * - a name set apart before と名乗る (住民の女性、いけだ と名乗る) — phone memos;
 * - a listed family name in hiragana before せんせい or さま (あらきせんせいに) — dictated consultation notes;
 * - a listed katakana family name right before a post (カトウ課長から) — minutes typed in katakana;
 * - a chat head of a bracketed time and a full name alone ([14:02] 橘 さくら⏎…), a handle before an honorific
 *   (@mizuki さん) and a handle given.family speaking after a time (10:14 yuto.kamiya:), a Latin full name speaking
 *   after a bracketed time, maybe with a role in brackets ([14:02] Tan Wei Ming (vendor):, session 37) — chat exports;
 * - a name in Latin letters after a person's name label (園児名：Santos Rafaela Midori（ふりがな：…）) — forms of any
 *   register with foreign residents;
 * - a katakana name with ・ quoted after a person's name label (園児名「ルナ・ペレイラ」) and a name in Hangul before its
 *   birth date in brackets (이준호 (1978년 4월 2일생)) — rosters of any register;
 * (And the label's name may be a kanji family name and a katakana given name: 本人 砂川 カマド、.)
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES, KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { fillsNameSlot } from './rare-names';
import { KATAKANA_FAMILY_NAMES } from './everyday-people';
import { isCommonGivenName } from './given-names';
import { isListedRomajiFamily } from './romaji-name';
import { hasNotPersonWord } from './not-person-words';
import { POST_WORD } from './outside-people';

/** A post or a licensed trade before a colleague's name (係長, 保育士, 相談員). */
export const POST = `(?:${POST_WORD}|保育士|弁護士|司法書士|行政書士|社会福祉士|看護師|保健師|栄養士|調理員|指導員|相談員)`;
const POST_FULL_NAME = new RegExp(
  `(?<=^|[\\s=:：・])${POST}[ \\t\\u3000]+((?:[一-龥々ヶ]{1,3}|[ぁ-ゖ]{2,5})[ \\t\\u3000][一-龥々]{1,3})(?=[ \\t\\u3000]*(?:\\n|$|[（(]))`,
  'dg',
);
const PERSON_LABEL =
  '(?:[一-龥]{1,3}者|児童|園児|生徒|本人|氏名|名前|もうしこみしゃ|しんせいしゃ|そうだんしゃ|ほごしゃ|じどう)';
const KANA_FULL_AFTER_LABEL = new RegExp(
  `(?<=^|[\\s、])${PERSON_LABEL}(?:は|[:：])?[、 \\t\\u3000]*((?:[ぁ-ゖ]{2,5}|[一-龥々]{1,3})[ \\u3000](?:[ぁ-ゖ]{2,4}|[ァ-ヶー]{2,4}))(?=[、。，,（(\\n]|$)`,
  'dg',
);
/** A listed katakana family name right before a post (カトウ課長から). */
const KATAKANA_BEFORE_POST = /(?<![ァ-ヶー・])([ァ-ヶー]{2,6})(?=課長|係長|部長|室長|所長|局長|主任|主査|主事|補佐)/dg;
/** A chat head holding a full name alone: a bracketed time, the name, the message on the next line ([14:02] 橘 さくら⏎). */
const HEAD_FULL_NAME =
  /^[ \t]*\[(?:\d{4}[/-]\d{1,2}[/-]\d{1,2}[ \t]+)?\d{1,2}:\d{2}\][ \t]*([一-龥々]{1,3}[ \u3000](?:[ぁ-ゖ]{2,4}|[一-龥々]{1,3}|[ァ-ヶー]{2,5}))[ \t]*(?=\n[ \t]*\S)/dgm;
/** A name in Latin letters after a person's name label (園児名：Santos Rafaela Midori（…）, 申請者名: Ana Lima). */
const LATIN_AFTER_PERSON_NAME_LABEL =
  /(?:者|児|童|生徒|人)名[ \t]*[:：][ \t\u3000]*([A-Z][a-z]+(?: [A-Z][a-z]+){1,3})(?=[ \t\u3000]*(?:[（(、,\n]|$))/dg;
/** A katakana name with its ・ quoted after a person's name label (園児名「ルナ・ペレイラ」を入れると…). */
const QUOTED_AFTER_PERSON_NAME_LABEL =
  /(?:者|児|童|生徒|人)名[「『]([ァ-ヶー]{2,10}(?:・[ァ-ヶー]{1,10}){1,3})[」』]/dg;
/** A name in Hangul right before its birth date in brackets (이준호 (1978년 4월 2일생)) — rosters and shelter lists. */
const HANGUL_BEFORE_BIRTH = /(?<![가-힣])([가-힣]{2,4})[ \t]*[（(][ \t]*\d{4}년/dg;
/** A handle in Latin letters mentioned before an honorific (@mizuki さん). */
const HANDLE_HONORIFIC = /(?<![\w@])@([a-z][a-z0-9._]{2,20})(?=[ \t\u3000]*(?:さん|様|くん|ちゃん))/dgi;
/** A chat line's speaker by a handle given.family or family.given after a time ( 10:14 yuto.kamiya: ). */
const TIMED_HANDLE = /^[ \t]*\[?\d{1,2}:\d{2}\]?[ \t]+([a-z]{2,12}[._][a-z]{2,12})[ \t]*:/dgm;
/**
 * A chat line's speaker by a Latin full name after a bracketed time, maybe with a role in brackets, before the colon
 * ([14:02] Tan Wei Ming (vendor): …) — any messenger's or ticket tool's export.
 */
const TIMED_LATIN_SPEAKER =
  /^[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]+([A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){1,3})[ \t]*(?:[（(][^（）()\n]{1,20}[）)])?[ \t]*[:：]/dgm;
const KANA_AFTER_NAME_LABEL =
  /(?<=^|\s)お?(?:なまえ|名前|氏名)(?:は?[ \t\u3000]+|[:：][ \t\u3000]*)([ぁ-ゖ]{2,8})[ \t\u3000]*(?=\n|$|[（(][^）)\n]{0,12}[）)][ \t\u3000]*(?:\n|$))/dg;
const BEFORE_NANORU = /(?<=[、\s])([ぁ-ゖ]{2,6}|[ァ-ヶー]{2,8}|[一-龥々]{2,4})[ \t\u3000]*(?=と名乗)/dg;
const KANA_HONORIFIC = /(?<![ぁ-ゖ])([ぁ-ゖ]{3,5})(?=せんせい|さま)/dg;

/** Words of a state or a step that close a line after a post as a name would (係長 承認 済, 課長 確認 中). */
export const STATE = /(?:済|中|了|可|否|予定|確認|対応|承認|決裁|不在|休暇)$/;
/** Hiragana ending a phrase, not a name (…して, …ない, …です, a particle), or an honorific set apart (山田 さん). */
const PHRASE_END = /(?:[てでをはがへにのもとや]|ない|ます|です|した|する)$|^(?:さん|さま|くん|ちゃん|せんせい|どの)$/;

const familyLike = (family: string): boolean =>
  /^[ぁ-ゖ]/.test(family)
    ? HIRAGANA_FAMILY_NAMES.has(family)
    : KNOWN_FAMILY_NAMES.has(family) || surnameLike(family) || fillsNameSlot(family);
const postedName = (name: string): boolean => {
  const [family = '', given = ''] = name.split(/[ \t\u3000]/);
  return familyLike(family) && !STATE.test(family) && !STATE.test(given);
};
/** A field's filler in hiragana, not a value (名前：ありません, なまえ：ふめい). */
const NO_VALUE = /(?:ません|ない|なし|まだ|ふめい|みてい|みにゅうりょく)$/;
const kanaFullName = (name: string): boolean => name.split(/[ \u3000]/).every((w) => !PHRASE_END.test(w));

/** Finds the people above. */
export function detectPostedPeople(normalized: string): PiiSpan[] {
  return [
    ...captured(normalized, POST_FULL_NAME, postedName),
    ...captured(normalized, KANA_FULL_AFTER_LABEL, kanaFullName),
    ...captured(normalized, KANA_AFTER_NAME_LABEL, (word) => !PHRASE_END.test(word) && !NO_VALUE.test(word)),
    ...captured(normalized, BEFORE_NANORU, () => true),
    ...captured(normalized, KANA_HONORIFIC, (name) => HIRAGANA_FAMILY_NAMES.has(name)),
    ...captured(normalized, KATAKANA_BEFORE_POST, (name) => KATAKANA_FAMILY_NAMES.has(name)),
    ...captured(normalized, HEAD_FULL_NAME, (name) => {
      // One kanji is a family name's whole (橘, 堀); two or three must look like one (not 窓口 大城).
      const [family = '', given = ''] = name.split(/[ \u3000]/);
      const familyOk = family.length === 1 || KNOWN_FAMILY_NAMES.has(family) || surnameLike(family);
      return familyOk && !STATE.test(family) && !PHRASE_END.test(given);
    }),
    ...captured(normalized, LATIN_AFTER_PERSON_NAME_LABEL, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, HANDLE_HONORIFIC, () => true),
    ...captured(normalized, TIMED_LATIN_SPEAKER, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, QUOTED_AFTER_PERSON_NAME_LABEL, () => true),
    ...captured(normalized, HANGUL_BEFORE_BIRTH, () => true),
    ...captured(normalized, TIMED_HANDLE, (handle) =>
      handle.split(/[._]/).some((w) => isCommonGivenName(w) || isListedRomajiFamily(w)),
    ),
  ];
}
