/**
 * Names in the everyday text staff type to the bot and write on tickets, where the name's shape or its place gives it
 * away (session 31, the fortieth blind batch):
 * - a listed family name joined to a hiragana given name before an honorific (木村ゆりこさん);
 * - a hiragana first name introducing the writer after a greeting, as chat on a phone is typed (お疲れさまです😊 りょうた
 *   です);
 * - a name quoted with an emoji before its honorific, as a chat's display name shows it (「はやし🌸」さん);
 * - a full name after 対象 (対象 森本 優; in a text about a person's record also a rare family name when both words may be
 *   a name's: 対象 大貫 陽向), on a signature's own line under the writer's office (…課 …係⏎竹之内 遥);
 * - the kanji form of a name in brackets after its reading (（漢字：東海林 葵）);
 * - a name in Latin letters before its kanji form in brackets and an honorific (Wang Lei（王 磊）さん).
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { isName } from './labelled-names';
import { hasNotPersonWord } from './not-person-words';
import { fillsNameSlot } from './rare-names';

const HONORIFIC_AHEAD = '(?=さん|様(?!々)|さま|ちゃん|くん)';
const JOINED_KANA_GIVEN = new RegExp(`(?<![一-龥々ヶ])([一-龥々ヶ]{1,3})([ぁ-ゖ]{2,4})${HONORIFIC_AHEAD}`, 'dg');
/** Hiragana that goes on with the sentence, not a given name (鈴木からさん is no one; 田中のさん, 山田とかさん). */
const NOT_GIVEN_START = /^(?:[のはがをにともへでや]|から|まで|より|など|たち|だけ|とか|ども)/;
/** A verb's or an adjective's ending before 様 (関する様に, 決めた様): no given name. */
const NOT_GIVEN_END = /(?:する|した|して|れる|れた|られ|ない|ます|です|った|いる|ある|える|しい)$/;

const GREETING =
  '(?:お疲れ(?:さま|様)です|おつかれさまです|お世話になって(?:おります|います)|こんにちは|おはようございます)';
const EMOJI = '(?:\\p{Extended_Pictographic}|\\p{Emoji_Modifier}|\\uFE0F|\\u200D)';
const GREETING_KANA_INTRO = new RegExp(
  `${GREETING}[。、!！]?${EMOJI}*[ \\t\\u3000、]*([ぁ-ゖ]{2,5})(?:です|でーす|でございます)(?=[ \\t\\u3000。、!！\\n]|${EMOJI}|$)`,
  'dgu',
);
/** Hiragana words that introduce no one (お疲れさまです そうです, ほんとです, まだです). */
const EVERYDAY_KANA =
  /^(?:そう|ほんと|ほんとう|まだ|だめ|むり|いや|ここ|そこ|あした|きょう|いま|わたし|ぼく|おれ|じぶん|よろしく|ありがとう)$/;

const QUOTED_WITH_EMOJI = new RegExp(
  `「([ぁ-ゖ]{2,6}|[一-龥々ヶ]{1,4}(?:[ \\u3000][一-龥々ヶぁ-ゖ]{1,4})?|[ァ-ヶー]{2,8})${EMOJI}+」${HONORIFIC_AHEAD}`,
  'dgu',
);

const FULL_NAME = '[一-龥々ヶ]{1,4}[ \\u3000][一-龥々ヶ]{1,3}';
const TARGET_NAME = new RegExp(
  `対象者?(?:[ \\t\\u3000]*[:：][ \\t\\u3000]*|[ \\t\\u3000]+)(${FULL_NAME})(?=[ \\t\\u3000]*(?:$|\\n)|[、。，,（(])`,
  'dg',
);
const SIGNATURE_NAME = new RegExp(
  `[課係室班][ \\t\\u3000]*\\n[ \\t\\u3000]*(${FULL_NAME})[ \\t\\u3000]*(?=\\n|$)`,
  'dg',
);
const KANJI_FORM = new RegExp(
  `[（(](?:漢字|漢字氏名|漢字表記)[ \\t\\u3000]*[:：][ \\t\\u3000]*(${FULL_NAME})[ \\t\\u3000]*[）)]`,
  'dg',
);
const LATIN_WITH_KANJI = new RegExp(
  `(?<![A-Za-z'’-])((?:[A-Z][a-z'’-]+|[A-Z]{2,})(?: (?:[A-Z][a-z'’-]+|[A-Z]{2,})){1,2})[ \\t]?[（(](${FULL_NAME}|[一-龥々ヶ]{2,4})[）)]${HONORIFIC_AHEAD}`,
  'dg',
);

/** Whether a kanji full name's family part is a listed family name or made of their kanji. */
function familyFirst(name: string): boolean {
  const family = name.split(/[ \u3000]/)[0] ?? '';
  return KNOWN_FAMILY_NAMES.has(family) || (family.length >= 2 && surnameLike(family));
}

/** Words of a scope or a kind that fill 対象's place without being anyone (対象 一部 業務, 対象 庁内 端末). */
const SCOPE_WORD =
  /^(?:一部|全部|全体|全庁|庁内|各課|各部|全課|新規|既存|業務|端末|機器|期間|範囲|以外|以下|全件|一覧|全て|個別|一括)$/;
/** A text about a person's record (本人確認, 住民票, 個人番号 …), where 対象 is a person rather than a thing. */
const PERSON_RECORD = /本人確認|住民票|個人番号|マイナンバー|生年月日|被保険者|氏名|戸籍|世帯/;
/** Whether both words of a kanji full name may be a name's (not 全庁 端末, 本庁 職員, 一部 業務) in a person's record. */
function bothNames(name: string, normalized: string): boolean {
  const [family = '', given = ''] = name.split(/[ \u3000]/);
  return (
    PERSON_RECORD.test(normalized) &&
    fillsNameSlot(family) &&
    isName(family) &&
    isName(given) &&
    !/[課係室部局庁員長]$/.test(given)
  );
}

/** Finds the names above. */
export function detectEverydayNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(JOINED_KANA_GIVEN))
    if (KNOWN_FAMILY_NAMES.has(m[1]!) && !NOT_GIVEN_START.test(m[2]!) && !NOT_GIVEN_END.test(m[2]!))
      spans.push({ type: 'person_name', start: m.indices![1]![0], end: m.indices![2]![1] });
  for (const m of normalized.matchAll(LATIN_WITH_KANJI)) {
    if (hasNotPersonWord(m[1]!)) continue;
    for (const at of [m.indices![1]!, m.indices![2]!]) spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  spans.push(
    ...captured(normalized, GREETING_KANA_INTRO, (name) => !EVERYDAY_KANA.test(name)),
    ...captured(normalized, QUOTED_WITH_EMOJI),
    // After 対象 a full name's shape closing the line is enough (対象 大貫 陽向): its two words must each be a name's.
    ...captured(
      normalized,
      TARGET_NAME,
      (name) =>
        !name.split(/[ \u3000]/).some((w) => SCOPE_WORD.test(w)) && (familyFirst(name) || bothNames(name, normalized)),
    ),
    ...captured(normalized, SIGNATURE_NAME, familyFirst),
    ...captured(normalized, KANJI_FORM),
  );
  return spans;
}
