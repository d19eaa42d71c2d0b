/**
 * Family names of no list where a message's shape already says a person (session 32, the forty-second blind batch):
 * forwarded mails, minutes and chat copied whole put a colleague's name in places only a person stands — a speaker's tag
 * after a role ([窓口 久高], [14:02] 市民課窓口 東江:), a quoted header after the section (> From: 人事課 松葉; To: 仲間 勇気),
 * a signature under the office and the desk (情報政策課 ヘルプデスク 堀之内) or after a dash closing the message (— 瀬底), a
 * minute's taker (・記録 喜納), an absentee after the section (欠席：福祉課 土師), someone after a post and の (課長補佐の安里
 * より) or before a post after a space (オーナーは 宮坂 課長補佐), a transcript's speaker after the transcript's note
 * (（会議の自動文字起こし）大城：) or in Latin letters (David：).
 * Where the place is less sure, the word must be made of the listed family names' kanji (family-names.ts `surnameLike`);
 * words that fill such a place without being anyone (全員, 未定, 本日, 以上) and offices and posts are never names.
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { isCommonLatinName } from './given-names';

/** Words that stand where a name would and are no one: everyone, nobody yet, a day, a closing word. */
const NOT_A_NAME =
  /^(?:全員|一同|各位|皆様|未定|不明|不在|別紙|別途|本人|代理|代行|委託|外注|業者|応援|交代|以上|欠員|全体|複数|多数|同上|省略|予定|確認|対応|完了|担当|職員|各課|事務局|管理者|当番|追記|補足|参考|続き|終了|敬具|草々|記入|記載|作成|入力|済み?)$|(?:参照|予定|確認|対応|作成|記載|記入|省略|不要|同上|済|中)$|[日名人員者課係部室局所庁社校院館署班会店団隊省長]$/;
/** Posts that follow or precede a colleague's name (also an assembly's members and their secretaries: 議員, 秘書). */
const POST =
  '(?:課長補佐|課長代理|課長|係長|部長|次長|室長|所長|局長|主査|主任|主事|主幹|参事|補佐|班長|副班長|会長|技師|専門員|指導主事|議員|議長|秘書)';

/** A word that may be a name where the place says a person: at least two letters, none of the words above. */
export const fillsNameSlot = (word: string): boolean => word.length >= 2 && word.length <= 4 && !NOT_A_NAME.test(word);
/** … and, where the place is less sure, a listed family name or one made of their kanji. */
const familyLike = (word: string): boolean =>
  fillsNameSlot(word) && (KNOWN_FAMILY_NAMES.has(word) || surnameLike(word));

const NAME = '([一-龥々ヶ]{2,4})';
/** A speaker's tag in square brackets, a role or a section before the name ([窓口 久高], [通訳 …] is Latin elsewhere). */
const TAGGED_SPEAKER = new RegExp(`^[ \\t]*\\[[一-龥ァ-ヶー]{1,10}[ \\t\\u3000]+${NAME}\\]`, 'dgm');
/** A chat head with a time, then a section or a role, then the name and a colon ([14:02] 市民課窓口 東江:). */
const TIMED_SPEAKER = new RegExp(
  `^[ \\t]*[[(（]?\\d{1,2}:\\d{2}[\\])）]?[ \\t]*(?:[一-龥ァ-ヶーA-Za-z]{1,16}[ \\t\\u3000]+){1,2}${NAME}[ \\t]*[:：]`,
  'dgm',
);
/** A transcript's speaker after the transcript's own note at the line's start (（会議の自動文字起こし）大城：…). */
const NOTED_SPEAKER = new RegExp(`^[ \\t]*[（(][^）)\\n]{1,24}[）)][ \\t]*${NAME}[ \\t]*[:：]`, 'dgm');
/** A speaker in Latin letters, a common given name alone before a colon at a line's start (David：I can help). */
const LATIN_SPEAKER = /^[ \t]*([A-Z][a-z]{2,11})[ \t]*[:：](?=[ \t]*\S)/dgm;
/** A mail header, maybe quoted, with the section before a name or a full name (> From: 人事課 松葉; To: 仲間 勇気). */
const HEADER =
  /^[ \t>]*(?:From|To|Cc|CC|差出人|宛先)[ \t]*[:：][ \t]*(?:([一-龥ァ-ヶー]{1,12}[課係室部局班])[ \t\u3000]+)?([一-龥々ヶ]{2,4})(?:[ \u3000]([一-龥々ヶ]{1,3}))?[ \t]*(?=$|\n|<)/gm;
/** A message's last line: the office and the desk or a role, then the name (情報政策課 ヘルプデスク 堀之内). */
const SIGNED_UNDER_DESK = new RegExp(
  `\\n[ \\t]*[一-龥ァ-ヶー]{1,12}[課係室部局班][ \\t\\u3000]+(?:ヘルプデスク|窓口|担当|デスク|[一-龥]{1,6}係)[ \\t\\u3000]+${NAME}\\s*$`,
  'd',
);
/** A message closed by a dash and a name alone (…です🙆⏎— 瀬底). */
const SIGNED_AFTER_DASH = new RegExp(`\\n[ \\t]*[―—–-]{1,2}[ \\t]*${NAME}\\s*$`, 'd');
/** A minute's taker, maybe as a bullet, with a colon or a space (・記録 喜納, 記録：具志頭). */
const TAKER = new RegExp(
  `(?:^|\\n)[ \\t]*(?:[・•*-][ \\t]*)?(?:記録|記録者|書記|議事録作成|司会)[ \\t]*[:：]?[ \\t\\u3000]*${NAME}[ \\t]*(?=$|\\n|[、,（(])`,
  'dg',
);
/** An absentee or attendee after the section (欠席：福祉課 土師), up to a mark or the line's end. */
const AFTER_SECTION_IN_ROLL = new RegExp(
  `(?:欠席|出席|参加|不在)(?:者)?[ \\t]*[:：][^\\n]{0,80}?[一-龥ァ-ヶー]{1,10}[課係室班][ \\t\\u3000]+${NAME}(?=[ \\t]*(?:$|\\n|[、,／/（(]))`,
  'dg',
);
/**
 * A chat head alone on its line (the message on the next): a bracketed date and time, a section or a role (情シス,
 * ヘルプデスク(委託)), the name closing the line ([2025/04/01 9:05] ヘルプデスク(委託) 千葉⏎確認します…).
 */
const TIMED_HEAD_LINE = new RegExp(
  `^[ \\t]*\\[(?:\\d{4}[/-]\\d{1,2}[/-]\\d{1,2}[ \\t]+)?\\d{1,2}:\\d{2}\\][ \\t]*(?:[^\\s\\[\\]:]{1,16}[ \\t\\u3000]+){1,2}${NAME}[ \\t]*(?=\\n[ \\t]*\\S)`,
  'dgm',
);
/** Someone after a post and の, before a particle (課長補佐の安里より). */
const AFTER_POST = new RegExp(`${POST}の${NAME}(?=より|から|が|に|へ|は|です|さん|と)`, 'dg');
/** Someone before a post after a space, the word set apart by spaces (オーナーは 宮坂 課長補佐). */
// … also opening a sentence (…お願いします。高野 議員の iPad).
const BEFORE_POST = new RegExp(`(?<=[はがのをと、。（(][ \\t\\u3000]*)${NAME}[ \\t\\u3000]+(?=${POST})`, 'dg');

/** Finds family names of no list where the message's shape says a person. */
export function detectRareNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [
    ...captured(normalized, TAGGED_SPEAKER, familyLike),
    ...captured(normalized, TIMED_SPEAKER, familyLike),
    ...captured(normalized, TIMED_HEAD_LINE, familyLike),
    ...captured(normalized, NOTED_SPEAKER, familyLike),
    ...captured(normalized, LATIN_SPEAKER, isCommonLatinName),
    ...captured(normalized, AFTER_POST, familyLike),
    ...captured(normalized, BEFORE_POST, familyLike),
    ...captured(normalized, TAKER, fillsNameSlot),
    ...captured(normalized, AFTER_SECTION_IN_ROLL, fillsNameSlot),
  ];
  for (const re of [SIGNED_UNDER_DESK, SIGNED_AFTER_DASH]) {
    const m = re.exec(normalized);
    const at = m?.indices?.[1];
    // After a dash alone the name is what closes the message; under the desk it must look like a family name.
    if (m && at && (re === SIGNED_AFTER_DASH ? fillsNameSlot(m[1]!) : familyLike(m[1]!)))
      spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  for (const m of normalized.matchAll(HEADER)) {
    const [, section, family = '', given] = m;
    if (!familyLike(family) || (!section && !given)) continue;
    const start = m.index + m[0].indexOf(family, section ? m[0].indexOf(section) + section.length : 0);
    spans.push({ type: 'person_name', start, end: start + family.length + (given ? given.length + 1 : 0) });
  }
  return spans;
}
