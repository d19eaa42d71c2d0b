/**
 * People named in what staff type to the bot and operators write into tickets, where the sentence's structure gives
 * the name away (session 32, the forty-fourth blind batch). In Japanese:
 * - a family name set apart by spaces after the section, a post ending in 員 or a contractor, before a particle or the
 *   end of the clause (職員 山際 が, 学芸員 松尾 から, 総務課 森 と, 福祉課 西田 あて, ひかりシステム 加藤。);
 * - a listed family name joined by の to the section and followed by a particle (人事課の佐藤に送った);
 * - a listed family name someone works with (岡田と二人で, 村田と一緒に);
 * - the given names in a list of relatives (長女の結衣、次男の大翔; 夫の 浩二と 娘の 真央);
 * - a name on the line under its label, the given name on a line of its own too (氏名⏎坂口 蓮; 借用者⏎平井⏎拓海（総務課）).
 * In Latin letters:
 * - a name in lower case after a form's Name: label on its own line (Name: emily clark), or after a person's role in
 *   English with a listed family name or a common given name (applicant kimura aoi, resident gurung sita);
 * - the name on the line after a signature's "--" (--⏎Megan O'Neill);
 * - a lower-case name before its Chinese characters in brackets and an honorific (li na（李娜）さん).
 * A katakana name of parts joined by ・ in brackets after 方 / さん / 様 (の方（リー・ウェイ／李伟）).
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, PLACE_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { isCommonGivenName } from './given-names';
import { hasNotPersonWord } from './not-person-words';
import { isListedRomajiFamily } from './romaji-name';
import { isLatinFamilyName } from './latin-family-names';
import { fillsNameSlot } from './rare-names';

const SP = '[ \\t\\u3000]';
const KANJI_NAME = '[一-龥々ヶ]{1,4}';
const SECTION = '[一-龥ァ-ヶー]{1,12}(?:課|係|室|班|センター)';
/** A post ending in 員 (職員, 学芸員, 相談員, 会計年度任用職員). */
const STAFF = '(?!(?:定|人|満|欠|全|増|減|動|総|会|社)員)[一-龥]{0,6}員';
/** Spaces within a sentence: a tab parts a table's cells (定員⇥設備), not a post from a name. */
const GAP = '[ \\u3000]';
/** A contractor's or vendor's name (ひかりシステム, 〇〇サービス, 東西商事, ことのは（株）). */
const COMPANY =
  '[ぁ-ゖァ-ヶー一-龥A-Za-z]{1,12}(?:システムズ?|ソリューションズ?|サービス|商事|工業|電機|電気|（株）|\\(株\\))';
/** What follows a person set apart by spaces: a particle of the clause, or the clause's end. */
const CLAUSE_AHEAD = `(?=${GAP}+(?:が|から|より|と|あて|宛て?|に|へ|は)|${GAP}*(?:[。、]|\\n|$))`;
const SPACED_AFTER_SECTION = new RegExp(`(?:${SECTION}|${COMPANY})${GAP}+(${KANJI_NAME})${CLAUSE_AHEAD}`, 'dg');
const SPACED_AFTER_STAFF = new RegExp(`(?<![一-龥])${STAFF}${GAP}+(${KANJI_NAME})${CLAUSE_AHEAD}`, 'dg');
// Also the counter's staff (窓口の林には): a family name of one kanji there too, not a direction (窓口の東に).
const SECTION_NO = new RegExp(`(?:${SECTION}|窓口)の([一-龥々ヶ]{1,3})(?=に|から|へ|と|が|より)`, 'dg');
const WORKS_WITH = /(?<![一-龥々ヶ])([一-龥々ヶ]{2,3})と(?:二人|2人|一緒|私|僕|自分)/dg;
/** Two people going together: a place's name is a person there too (明日、山口と二人で伺います). */
const TWO_OF_US = /(?<![一-龥々ヶ])([一-龥々ヶ]{2,3})と(?:二人|2人|ふたり)で/dg;
const KIN = '(?:妻|夫|息子|娘|長男|長女|次男|次女|三男|三女|父|母|祖父|祖母|孫|弟|妹|兄|姉)';
const KIN_WORD = `${KIN}の${SP}?(?:[一-龥々ヶ]{1,3}|[ぁ-ゖ]{2,4}|[ァ-ヶー]{2,6})`;
const KIN_ITEM = `${KIN}の${SP}?([一-龥々ヶ]{1,3}|[ぁ-ゖ]{2,4}|[ァ-ヶー]{2,6})`;
/** Two relatives or more with their names, one after another (長女の結衣、次男の大翔). */
const KIN_END = `(?=[のをがはも、,。と]|${SP})`;
const KIN_LIST = new RegExp(`${KIN_ITEM}${SP}?[、,と]${SP}?(?=${KIN_WORD}${KIN_END})`, 'dg');
const KIN_LAST = new RegExp(`(?<=${KIN_WORD}${SP}?[、,と]${SP}?)${KIN_ITEM}${KIN_END}`, 'dg');
/**
 * No value is another field's label on the next line (氏名⏎生年月日⏎接種日 of a table copied cell by cell; 氏名（姓）⏎鷹野⏎
 * 氏名（名）⏎千尋: the family name's value ends before the given name's label).
 */
const NOT_FIELD = `(?!(?:氏名|名前|生年月日|住所|電話|性別|年齢|所属|連絡先|備考|[一-龥]{1,3}日|[一-龥]{0,4}番号)(?:[（(]|${SP}*(?:\\n|$)))`;
const LABEL_LINE = new RegExp(
  `(?:^|\\n)${SP}*(?:(?:[一-龥]{1,4}者)?(?:氏名|名前)|お名前|貸出者|借用者|申請者|対象者|世帯主|届出人|代理人|契約者|名義人)(?:[（(](?:姓|名|氏|せい|めい|セイ|メイ)[）)])?${SP}*[:：]?${SP}*\\n${SP}*((?:${NOT_FIELD}[一-龥々ヶ]{1,4})(?:${SP}+[一-龥々ヶ]{1,3}|\\n${SP}*${NOT_FIELD}[一-龥々ヶ]{1,3})?)(?<!氏名|名前)(?=${SP}*(?:[（(]|\\n|$))`,
  'dg',
);

const LATIN_LABEL_LOWER =
  /(?:^|\n)[ \t]*(?:Name|Full name)[ \t]*:[ \t]*([a-z]{2,15}(?: [a-z]{2,15}){1,2})[ \t]*(?=\n|$)/dg;
/**
 * (session 36) "name" or "name on account/card/form…" inside a sentence, then a value typed all lower case that the text
 * closes at once (name aiko rodriguez-sato (typed…), name on account: rai sunita (…)) — request notes and form dumps.
 */
const LATIN_NAME_FIELD_LOWER =
  /\bname(?: on (?:the )?(?:account|card|form|passport|file|record))?[ \t]*:?[ \t]+(?!(?:is|was|of|and|on|to|for|the|in)\b)([a-z]{2,15}(?:[ -][a-z]{2,15}){1,2})(?=[ \t]*(?:[(,;]|\.(?:\s|$)|\n|$))/dg;
const LATIN_ROLE_LOWER =
  /\b(?:applicant|resident|requester|citizen|student|customer|employee|tenant)\s+(?:named\s+|called\s+)?([a-z]{2,15} [a-z]{2,15})\b(?![-'’])/dg;
const AFTER_SIG_DASH =
  /(?:^|\n)--[ \t]*\n[ \t]*([A-Z][a-z]+(?: (?:[A-Z][a-z]+|O['’][A-Z][a-z]+|[A-Z]\.)){1,2})[ \t]*(?=\n|$)/dg;
const LOWER_BEFORE_HANZI = /(?<![A-Za-z])([a-z]{2,12} [a-z]{2,12})[（(]([一-龥]{2,4})[）)](?=さん|様|氏)/dg;
const KATAKANA_IN_BRACKETS =
  /(?:の方|さん|様)[（(]([ァ-ヶー]{1,8}・[ァ-ヶー]{1,10})(?:[／/]([一-龥]{2,4}))?(?=[）)])/dg;

const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const nameWord = (w: string): boolean =>
  isCommonGivenName(cap(w)) || isListedRomajiFamily(w) || isLatinFamilyName(cap(w));
const listedFamily = (w: string): boolean => KNOWN_FAMILY_NAMES.has(w) || (fillsNameSlot(w) && surnameLike(w));
/** Words after a kinship word that are no one's name (息子の分と, 娘の件、). */
const NOT_KIN_NAME =
  /^(?:分|件|方|名前|氏名|分だけ|ため|こと|もの|学校|会社|仕事|実家|家|住所|保険証|就職|進学|入学|結婚|収入|所得|税金|扶養|年金|保険)$/;

/** Finds the names above. */
export function detectTicketPeople(normalized: string): PiiSpan[] {
  const kin = (w: string): boolean => !NOT_KIN_NAME.test(w) && !hasNotPersonWord(w);
  return [
    ...captured(
      normalized,
      SPACED_AFTER_SECTION,
      (w) => KNOWN_FAMILY_NAMES.has(w) || (w.length > 1 && listedFamily(w)),
    ),
    ...captured(
      normalized,
      SPACED_AFTER_STAFF,
      (w) => KNOWN_FAMILY_NAMES.has(w) || (fillsNameSlot(w) && w.length <= 3 && !hasNotPersonWord(w)),
    ),
    ...captured(
      normalized,
      SECTION_NO,
      (w) => KNOWN_FAMILY_NAMES.has(w) && !PLACE_FAMILY_NAMES.has(w) && !/^[東西南北前後横奥]$/.test(w),
    ),
    ...captured(normalized, WORKS_WITH, (w) => KNOWN_FAMILY_NAMES.has(w) && !PLACE_FAMILY_NAMES.has(w)),
    ...captured(normalized, TWO_OF_US, (w) => KNOWN_FAMILY_NAMES.has(w)),
    ...again(normalized, [...captured(normalized, KIN_LIST, kin), ...captured(normalized, KIN_LAST, kin)]),
    ...captured(normalized, LABEL_LINE, (w) => !hasNotPersonWord(w)),
    ...captured(normalized, LATIN_LABEL_LOWER, (w) => w.split(' ').some(nameWord)),
    ...captured(normalized, LATIN_NAME_FIELD_LOWER, (w) => w.split(/[ -]/).some(nameWord) && !hasNotPersonWord(w)),
    ...captured(normalized, LATIN_ROLE_LOWER, (w) => w.split(' ').some(nameWord) && !hasNotPersonWord(w)),
    ...captured(normalized, AFTER_SIG_DASH, (w) => isCommonGivenName(w.split(' ')[0]!) && !hasNotPersonWord(w)),
    ...groups(normalized, KATAKANA_IN_BRACKETS),
    ...groups(normalized, LOWER_BEFORE_HANZI),
  ];
}

/** Every group each match took part with (a name and its other script). */
function groups(normalized: string, re: RegExp): PiiSpan[] {
  return [...normalized.matchAll(re)].flatMap((m) =>
    m
      .map((_, g) => (g > 0 ? m.indices![g] : undefined))
      .filter((at): at is [number, number] => at !== undefined)
      .map(([start, end]) => ({ type: 'person_name' as const, start, end })),
  );
}

/** The names found and their other mentions as whole words (長女の結衣 … 結衣の生年月日). */
function again(normalized: string, found: PiiSpan[]): PiiSpan[] {
  const out = [...found];
  for (const name of new Set(found.map((s) => normalized.slice(s.start, s.end))))
    for (let at = normalized.indexOf(name); at >= 0; at = normalized.indexOf(name, at + name.length)) {
      const end = at + name.length;
      const letter = /^[一-龥々ヶ]/.test(name) ? /[一-龥々ヶ]/ : /[ぁ-ゖァ-ヶー]/;
      if (!letter.test(normalized[at - 1] ?? '') && !letter.test(normalized[end] ?? ''))
        out.push({ type: 'person_name', start: at, end });
    }
  return out;
}
