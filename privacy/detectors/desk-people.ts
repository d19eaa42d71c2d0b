/**
 * People named in the help desk's everyday text where the structure around a name gives it away (session 32, the
 * forty-third blind batch). In Latin letters:
 * - a listed romaji family name after an English title, also in lower case (Director Hoshino, helped ms. ueno);
 * - a listed romaji family name a task is handed to (handover to ikeda, escalated to Mori) or a log is kept by
 *   (work log (sato));
 * - a listed romaji family name after a Japanese post, role or section (営業 Watanabe / SE 小林, 税務課 Lopez、);
 * - a mention of two capitalised words a Hepburn spelling can write (@Nakazawa Toru);
 * - a list's cell written Family, Given with a common given name (… / Rodriguez, Ana）, ⇥Brown, Tom⇥);
 * - a dash signature closing the message: a common given name (🙌 — Mike) or a lower-case pair opening with one
 *   (-- jessica lam, tourism).
 * In Japanese:
 * - a hiragana name standing alone after 名前 and a space (子の名前 はるき（漢字は後日）), not 名前は + the rest;
 * - a chat head's speaker with a Latin role in brackets ([16:40] 長瀬（helpdesk）:);
 * - a listed family name joined to the post before it and followed by what the person did (保育課長白鳥の承認);
 * - a family name in brackets after the section under a person's label (借用者：道路維持課（浦上）);
 * - the name on a numbered roster line between the post and the phone, whatever its script (3. 主事 ちば 070-…);
 * - a family name closing the message after the writer's section (…⏎情報政策課 久米; …します。国際交流 阿部).
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, PLACE_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { isCommonGivenName, isCommonLatinName } from './given-names';
import { isLatinFamilyName } from './latin-family-names';
import { hasNotPersonWord } from './not-person-words';
import { isListedRomajiFamily, spelledInJapanese } from './romaji-name';
import { NOT_FAMILY } from './english-context';
import { fillsNameSlot } from './rare-names';

const TITLE_THEN_FAMILY =
  /\b(?:[Dd]irector|[Mm]anager|[Cc]hief|[Ss]upervisor|[Ee]ngineer|[Oo]fficer|[Mm]rs?|[Mm]s|[Dd]r|[Pp]rof)\.? ([A-Za-z]{2,})\b(?![.'’-]?[A-Za-z])/dg;
const HANDED_TO =
  /\b(?:hand(?:ed|s)? ?over to|handover to|escalated to|assigned to|passed (?:it )?to|forwarded to|reported by|checked by)\s+([A-Za-z]{2,})\b(?!['’-]?[A-Za-z])/dgi;
const LOG_KEEPER = /\b(?:log|logs|notes?|memo|report|shift|duty)\s*\(([A-Za-z]{2,})\)/dgi;
/**
 * A listed romaji family name after a Japanese post, role or section and a space, in a list or closing it (営業
 * Watanabe /, 税務課 Garcia、).
 */
const ROLE_THEN_ROMAJI =
  /(?<![A-Za-z])(?:営業|担当|主査|主任|主事|係長|課長|部長|SE|PM|PL|[一-龥ァ-ヶー]{1,10}(?:課|係|室|班|部|局|センター))[ \t\u3000]+([A-Z][a-z]+|[A-Z]{2,})(?=[ \t\u3000]*(?:$|[\n/／、,，（(]))/dg;
/** A hiragana name after 名前 and a space, standing alone (子の名前 はるき（漢字は後日）): は opens the name here. */
const NAME_LABEL_KANA = /名前[ \t\u3000]+([ぁ-ゖ]{2,6})(?=[（(、,。]|[ \t\u3000]*(?:\n|$))/dg;
const LATIN_MENTION = /(?<![\w.@])@([A-Z][a-z]{1,14} [A-Z][a-z]{1,14})(?![\w@])/dg;
const FAMILY_COMMA_GIVEN =
  /(?<=(?:^|[\t/／、（(:：|])[ \t]*)([A-Z][a-z]{1,15}(?:-[A-Z][a-z]{1,15})?), ([A-Z][a-z]{1,15})(?=[ \t]*(?:$|[\t/／、）)|\n]))/dg;
const DASH_SIGNOFF =
  /(?:^|[\s\p{Extended_Pictographic}])(?:—|–|--?)[ \t]?([A-Z][a-z]{1,14}|[a-z]{2,14} [a-z]{2,14})(?:,[ \t]?[A-Za-z ]{2,30})?\s*$/du;

const KANJI_NAME = '[一-龥々ヶ]{1,4}';
const CHAT_LATIN_ROLE = new RegExp(
  `(?:^|\\n)[ \\t]*\\[\\d{1,2}:\\d{2}\\][ \\t]*(${KANJI_NAME})[（(][A-Za-z][A-Za-z .&-]{1,20}[）)][ \\t]*[:：]`,
  'dg',
);
const POSTS = '(?:課長|部長|係長|室長|所長|局長|主査|主任|主事|主幹|参事)(?:補佐|代理)?';
const JOINED_TO_POST = new RegExp(
  `${POSTS}(${KANJI_NAME})(?=の(?:承認|確認|指示|了承|決裁|判断|依頼|許可)|から|より)`,
  'dg',
);
const PERSON_LABEL = '(?:借用者|貸出者|返却者|利用者|使用者|担当者?|依頼者|申請者|報告者|作業者|連絡者)';
const SECTION = '[一-龥ァ-ヶー]{1,12}(?:課|係|室|班|センター)';
const SECTION_THEN_BRACKET = new RegExp(
  `${PERSON_LABEL}[ \\t]*[:：][ \\t]*${SECTION}[ \\t]*[（(](${KANJI_NAME})[）)]`,
  'dg',
);
const ROSTER_LINE = new RegExp(
  `(?:^|\\n)[ \\t]*\\d{1,2}[.．)）][ \\t\\u3000]*${POSTS}[ \\t\\u3000]+(${KANJI_NAME}|[ぁ-ゖ]{2,5}|[ァ-ヶー]{2,8})[ \\t\\u3000]+(?=(?:\\+81[ -]?|0)\\d{1,4}-\\d)`,
  'dg',
);
/**
 * The message's last line: the writer's section (or a word for it) or the writer's relation to the person the message is
 * about (…どこに連絡すればいいですか。母 野口) and a family name, after a line break or a sentence's end.
 */
const CLOSING_NAME =
  /(?:^|\n|[。？！?!])[ \t\u3000]*([一-龥ァ-ヶー]{2,12}|[母父妻夫娘姉兄弟妹])[ \t\u3000]+([一-龥々ヶ]{2,3})[ \t\u3000]*$/du;
/** Hiragana words that fill a roster's name place without being anyone (未定, みてい, なし). */
const NOT_ROSTER_NAME = /^(?:みてい|なし|ふめい|あき|ほか|ぜんいん|だれか)$/;

const listedFamily = (word: string): boolean =>
  KNOWN_FAMILY_NAMES.has(word) || (fillsNameSlot(word) && surnameLike(word));
const cased = (word: string): boolean => /^(?:[A-Z][a-z]+|[a-z]+|[A-Z]+)$/.test(word);

/** Finds the names above. */
export function detectDeskPeople(normalized: string): PiiSpan[] {
  const spans = [
    ...captured(normalized, TITLE_THEN_FAMILY, (name) => cased(name) && isListedRomajiFamily(name)),
    ...captured(normalized, HANDED_TO, (name) => cased(name) && isListedRomajiFamily(name)),
    ...captured(normalized, LOG_KEEPER, (name) => cased(name) && isListedRomajiFamily(name)),
    ...captured(
      normalized,
      LATIN_MENTION,
      (name) => !hasNotPersonWord(name) && name.split(' ').every((w) => spelledInJapanese(w.toLowerCase())),
    ),
    // Also a frequent family name of another country (主事 Tran, 主査 Silva).
    ...captured(
      normalized,
      ROLE_THEN_ROMAJI,
      (name) => isListedRomajiFamily(name) || isCommonLatinName(name) || isLatinFamilyName(name),
    ),
    ...captured(
      normalized,
      NAME_LABEL_KANA,
      (name) => !/(?:です|ます|ない|ません|した|だ|です)$|^(?:なし|みてい|ふめい)$/.test(name),
    ),
    ...captured(normalized, CHAT_LATIN_ROLE, listedFamily),
    ...captured(normalized, JOINED_TO_POST, (name) => KNOWN_FAMILY_NAMES.has(name)),
    ...captured(normalized, SECTION_THEN_BRACKET, listedFamily),
    ...captured(
      normalized,
      ROSTER_LINE,
      (name) => !NOT_ROSTER_NAME.test(name) && (!/^[一-龥々ヶ]+$/.test(name) || listedFamily(name)),
    ),
  ];
  for (const m of normalized.matchAll(FAMILY_COMMA_GIVEN)) {
    const [family, given] = [m[1]!, m[2]!];
    if (!isCommonGivenName(given) || NOT_FAMILY.has(family) || hasNotPersonWord(`${family} ${given}`)) continue;
    spans.push({ type: 'person_name', start: m.indices![0]![0], end: m.indices![0]![1] });
  }
  const signed = DASH_SIGNOFF.exec(normalized);
  const name = signed?.[1] ?? '';
  const first = name.split(' ')[0]!;
  if (signed && isCommonGivenName(first[0]!.toUpperCase() + first.slice(1)) && !hasNotPersonWord(name))
    spans.push({ type: 'person_name', start: signed.indices![1]![0], end: signed.indices![1]![1] });
  const closing = CLOSING_NAME.exec(normalized);
  if (closing) {
    const [section, family] = [closing[1]!, closing[2]!];
    const office = /(?:課|係|室|班)$/.test(section);
    const known = KNOWN_FAMILY_NAMES.has(family) && !PLACE_FAMILY_NAMES.has(family);
    if (known || (office && listedFamily(family)))
      spans.push({ type: 'person_name', start: closing.indices![2]![0], end: closing.indices![2]![1] });
  }
  return spans;
}
