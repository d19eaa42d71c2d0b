/**
 * Family members named in payroll, allowance and school text by the structure around them (session 34, the
 * forty-eighth blind batch):
 * - a name set apart between a relation and の before a field of that person's data (長男 湊 の個人番号, 配偶者 千尋 の
 *   生年月日) — the field says the word is a person;
 * - a given name after a relation and a colon with a birth date in brackets (長女：結菜（令和元年5月3日生）, 次女 紬
 *   （R4.1.19生）), as an age in brackets already did;
 * - a guardian's full name between the relation and the phone number (（父 あいざわ たくみ 090-…）), and a numbered list's
 *   name before brackets naming the guardian (1 あいざわ そうた（父 …）) — names in any script, hiragana too;
 * - a full name broken after its first kanji on a line of its own, as a mail-merge or a PDF prints it (大⏎槻 由香), when
 *   the two pieces make a listed family name (one kanji per line is as often a list of one-kanji names: 林⏎森 太郎).
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { DATE_BODY } from './birth-date';
import { captured } from './captured';
import { isName } from './labelled-names';
import { notHiraganaGivenName } from './not-person-words';
import { fillsNameSlot } from './rare-names';

const KIN = '(?:長男|長女|次男|次女|三男|三女|息子|娘|孫|妻|夫|配偶者|子|父|母|兄|姉|弟|妹)';
/** One word of a name: kanji, hiragana or katakana. */
const WORD = '(?:[一-龥々]{1,3}|[ぁ-ゖ]{2,4}|[ァ-ヶー]{2,6})';
/** Fields of a person's data that belong to the name before の. */
const OWN_FIELD =
  '(?:個人番号|マイナンバー|生年月日|誕生日|保険証|被保険者証|資格確認書|住所|氏名|名前|年金|口座|旅券|パスポート|在留カード|学生証|扶養)';
const KIN_WORD = new RegExp(`^${KIN}$`);

const BEFORE_FIELD = new RegExp(
  `(?<![一-龥ぁ-ゖァ-ヶー])${KIN}[ \\t\\u3000]+(${WORD})[ \\t\\u3000]*の(?=${OWN_FIELD})`,
  'dg',
);
const BEFORE_BIRTH_DATE = new RegExp(
  `(?<![一-龥ぁ-ゖァ-ヶー])${KIN}[ \\t]*[:：]?[ \\t\\u3000]*(${WORD})[ \\t]*[（(][ \\t]*(?:${DATE_BODY})[ \\t]*(?:生まれ|生)?[ \\t]*[）)]`,
  'dg',
);
/** A full name of two words in one script (あいざわ たくみ, アイザワ タクミ, 相沢 拓海). */
const FULL =
  '(?:[ぁ-ゖ]{2,6}[ \\u3000][ぁ-ゖ]{2,5}|[ァ-ヶ]{2,6}[ \\u3000][ァ-ヶ]{2,5}|[一-龥々ヶ]{1,3}[ \\u3000][一-龥々ぁ-ゖ]{1,3})';
const GUARDIAN = '(?:父|母|祖父|祖母|保護者|父親|母親)';
const GUARDIAN_BEFORE_PHONE = new RegExp(
  `(?<![一-龥ぁ-ゖァ-ヶー])${GUARDIAN}[ \\t\\u3000]+(${FULL})[ \\t\\u3000]+(?=\\(?0\\d{1,4}[-(）)]?\\d{1,4}[-)]?\\d{3,4}(?!\\d))`,
  'dg',
);
const ITEM_BEFORE_GUARDIAN = new RegExp(
  `(?:^|\\n)[ \\t]*\\d{1,3}[.)．]?[ \\t\\u3000]+(${FULL})[ \\t]*(?=[（(][ \\t]*${GUARDIAN}[ \\t\\u3000])`,
  'dg',
);
const BROKEN_AFTER_FIRST =
  /(?:^|\n)[ \t]*([一-龥]\n[ \t]*([一-龥々]{1,2})[ \u3000][一-龥々ぁ-ゖ]{1,3})[ \t]*(?=\n|$)/dg;

/** One kanji that stands after a relation without being a name: an honorific, a word of whose or which (宛, 分, 名義). */
const NOT_ONE_KANJI = /^[様殿氏君宛分用名側方等他宅家者人達各全本現旧新元前後当同上下内外中]$/;
/** Words of whose or where that stand there without being a name (父 名義 の口座, 母 実家 の住所). */
const NOT_KIN_NAME = /^(?:名義|自身|自分|家族|実家|自宅|会社|職場|勤務先?|学校|扶養|世帯)$/;
/** A word that may be a name standing alone after a relation: no kin word, no word that is no one. */
const alone = (word: string): boolean =>
  !KIN_WORD.test(word) &&
  !NOT_ONE_KANJI.test(word) &&
  !NOT_KIN_NAME.test(word) &&
  !/^(?:さま|さん|くん|ちゃん)$/.test(word) &&
  isName(word) &&
  (/^[ぁ-ゖ]+$/.test(word) ? !notHiraganaGivenName(word) : word.length === 1 || fillsNameSlot(word));
/** A full name: a kanji one opens with a listed family name or one made of their kanji; kana ones have no long mark. */
const fullName = (name: string): boolean => {
  const parts = name.split(/[ \u3000]/);
  if (/^[一-龥]/.test(name))
    return KNOWN_FAMILY_NAMES.has(parts[0]!) || (fillsNameSlot(parts[0]!) && surnameLike(parts[0]!));
  return !name.includes('ー') && parts.every((part) => isName(part) && !notHiraganaGivenName(part));
};

/** Finds the names above. */
export function detectKinRows(normalized: string): PiiSpan[] {
  const spans = [
    ...captured(normalized, BEFORE_FIELD, alone),
    ...captured(normalized, BEFORE_BIRTH_DATE, alone),
    ...captured(normalized, GUARDIAN_BEFORE_PHONE, fullName),
    ...captured(normalized, ITEM_BEFORE_GUARDIAN, fullName),
  ];
  for (const m of normalized.matchAll(BROKEN_AFTER_FIRST)) {
    const family = m[1]![0]! + m[2]!;
    if (KNOWN_FAMILY_NAMES.has(family))
      spans.push({ type: 'person_name', start: m.indices![1]![0], end: m.indices![1]![1] });
  }
  return spans;
}
