/**
 * Words the name tagger reads as a family name that the words right after them make something else: a building named
 * after its owner (鈴木ビル 3F, 佐藤会館), and a document number's office prefix (青総第1234号, 総企第56号 — an office's
 * abbreviation before 第…号, as every public document numbers itself); a bank or an account and a form's field with its
 * value (振替口座 みらい銀行, 国籍 英国); a number read aloud in hiragana, where さん is the digit three (いち ぜろ さん はち);
 * Latin words naming a desk or a business (Kotonoha Helpdesk); a table's header cell (| ボランティア名 | over |---|, 姓⇥名).
 */
import type { PiiSpan } from './types';
import { KNOWN_FAMILY_NAMES } from './family-names';
import { hasNotPersonWord, NAME_LABEL_CELL, notHiraganaGivenName } from './detectors';
import { isCommonGivenName, isListedRomajiFamily, readsAsGivenName } from './detectors';

/** A building's or a facility's word closing the name or right after it. */
// … and a branch office named after its place (北浜支所, 駅前出張所; not its head: 北浜支所長 is after a name too).
// … and a business named after its owner (大谷商店, 鈴木建設, 中村電工).
const BUILDING =
  /^(?:ビル|会館|ハイツ|マンション|アパート|タワー|プラザ|ホール|荘|棟|支所|出張所|営業所|支店|商店|商会|工務店|建設|電工|電機|電気|設備|工業|産業|興業|商事|物産|運輸|不動産|製作所)(?!長)/;
/** A company's legal form right before the name ((有)中川環境サービス, (株)小林電機, 株式会社 大谷商店): the company's. */
const LEGAL_FORM_BEFORE = /(?:[（(][株有合][）)]|[㈱㈲]|株式会社|有限会社|合同会社)[ \t\u3000]?$/;
/**
 * Katakana run straight on from a kanji family name that reads as no given name (山本クリーニング, 田中ベーカリー): the
 * trade of a business named after its owner, not the given name (山本ケンタ reads as one).
 */
const tradeAfterFamily = (normalized: string, s: PiiSpan, text: string): boolean =>
  /^[ァ-ヶー]{3,}[ \t\u3000]*$/.test(text) &&
  [1, 2, 3].some((n) => KNOWN_FAMILY_NAMES.has(normalized.slice(Math.max(0, s.start - n), s.start))) &&
  !readsAsGivenName(text.trim());
const BUILDING_END = /(?:ビル|会館|ハイツ|マンション|アパート|タワー|プラザ|ホール|センター)$/;
/** A bank or an account (振替口座 みらい銀行) and a form's field with its value (国籍 英国, 性別 女): no one's name. */
// … and an office's section (市 福祉課, session 37 c: no name ends in 課 or 係).
const INSTITUTION_OR_FIELD =
  /(?:銀行|信用金庫|信金|信用組合|農協|郵便局|支店|課|係)$|口座|^(?:国籍|性別|続柄|在留資格|職業)[ \u3000]+[一-龥]{1,5}$/;
/**
 * A cell's note in brackets (（共用）, (空き)), an activity a test form was filled in with (お名前：動作確認), a country in
 * brackets after a number (旅券 TK0048821（日本）): no one's name.
 */
const NOTE_IN_BRACKETS = /^[（(][^（）()\n]{1,8}[）)]$/;
const ACTIVITY = /^[一-龥ァ-ヶー]{0,6}(?:確認|試験|テスト|検証|点検|送信)$/;
const COUNTRY =
  /^(?:日本|中国|韓国|台湾|米国|英国|アメリカ|イギリス|フィリピン|ベトナム|ブラジル|ペルー|ネパール|インドネシア|タイ|インド|ミャンマー|カナダ|オーストラリア|ドイツ|フランス)$/;
/** Terms of employment in brackets after a name (Pereira, Lucas（任期付）, 会計年度（非常勤）): no one's name. */
const EMPLOYMENT_TERMS = /^(?:任期付き?|非常勤|常勤|再任用|会計年度|派遣|委託|嘱託|臨時|兼務|育休中|休職中)$/;
const inBrackets = (normalized: string, s: PiiSpan): boolean =>
  /[（(]$/.test(normalized.slice(0, s.start)) && /^[）)]/.test(normalized.slice(s.end));
/** Two or more Latin words and nothing else. */
const LATIN_WORDS = /^[A-Za-z][A-Za-z.'’-]*(?:[ \t]+[A-Za-z][A-Za-z.'’-]*)+$/;
/** A document number's body: 第, a number in digits or kanji, 号. */
const DOCUMENT_NUMBER = /^第[\d〇一二三四五六七八九十百千]+号/;

/** Numbers read aloud in hiragana (voice input): digits, tens, the ordinal だい. */
const KANA_NUMERAL =
  '(?:ぜろ|れい|いち|にい|に|さん|よん|し|ご|ろく|なな|しち|はち|きゅう|く|じゅう|ひゃく|びゃく|ぴゃく|せん|ぜん|まん|だい)';
const ALL_KANA_NUMERALS = new RegExp(`^${KANA_NUMERAL}+(?:[ \u3000]+${KANA_NUMERAL}+)*$`);
const TWO_KANA_NUMERALS = new RegExp(`^(?:${KANA_NUMERAL}[ \u3000]*){2,}$|だい$`);
/** A numeral word no short name is made of (にし, くに are names; いち, ぜろ, はち are not). */
const CLEAR_KANA_NUMERAL = /ぜろ|いち|よん|ろく|なな|はち|きゅう|じゅう|ひゃく|せん|だい/;
/** さん that is the digit three: a counter or a further digit is joined to it (さんちょうめ, さんよん, さんがつ). */
const SAN_AS_THREE =
  /^[ \u3000]*さん(?:ちょうめ|ばんち|がつ|にち(?![ゃゅょ])|ねん|じ(?=はん|[ \u3000]|$)|よん|ぜろ|はち|きゅう|なな|ろく|じゅう|ひゃく|びゃく|ぜん)/;

/** A time said in kana (じゅうじ, さんじはん, ごふん): numeral words before the counter of hours or minutes. */
const KANA_TIME = new RegExp(`^${KANA_NUMERAL}+(?:じ(?:はん)?|ふん|ぷん)(?=[ \u3000]|$)`);
/** Words for a class of people (小学生 男児, 高齢の女性 of an incident report): who someone is, not a name. */
// … and a household's members by their place in it (世帯員 長男, 世帯主): a form's row label or a table's header cell.
const PEOPLE_CLASS =
  /^(?:[ \u3000]*(?:男児|女児|男性|女性|男子|女子|児童|生徒|園児|乳児|幼児|高齢者|小学生|中学生|高校生|大学生|成人|未成年|世帯員|世帯主|本人|長男|長女|次男|次女|三男|三女|配偶者)[ \u3000]*)+$/;
/**
 * A lower-case identifier (jyuki_prod, svc_batch01 after name=) none of whose parts is a listed family or given name: a
 * database's or a service account's, no one's (miki_nishimura, tanaka_h stay names).
 */
const IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z]+\d+$/;
const identifier = (text: string): boolean =>
  IDENTIFIER.test(text) && !text.split(/[_\d]+/).some((w) => isListedRomajiFamily(w) || isCommonGivenName(w));
/** Letters set apart one by one (児 童 of a spaced-out OCR line), read without the spaces. */
const unspaced = (text: string): string =>
  /^(?:\S[ \u3000]+)+\S?[ \u3000]*$/.test(text) ? text.replace(/[ \u3000]/g, '') : text;

/** さん read as a digit among digits said one by one (… ぜろ さん よん, … よん さん に いち). */
const SAN_THEN_DIGIT =
  /^[ \u3000]*さん[ \u3000]+(?:に[ \u3000]+)?(?:ぜろ|いち|よん|ろく|なな|はち|きゅう|じゅう|ひゃく)/;

/**
 * A name before さん that is a number read aloud: two or more numeral words, one of them no short name's (いち ぜろ さん,
 * いちにさん, だいさん), numeral words before a さん that more digits follow (ぜろ さん よん), or a hiragana one whose
 * さん is the digit three going on into a number (あおいし ほんまち さんちょうめ).
 */
function spokenNumber(name: string, after: string): boolean {
  if (!/^[ \u3000]*さん/.test(after)) return false;
  if (ALL_KANA_NUMERALS.test(name) && TWO_KANA_NUMERALS.test(name) && CLEAR_KANA_NUMERAL.test(name)) return true;
  if (ALL_KANA_NUMERALS.test(name) && SAN_THEN_DIGIT.test(after)) return true;
  return /^[\u3041-\u309f \u3000]+$/.test(name) && SAN_AS_THREE.test(after);
}

/** A relation called さん / ちゃん set apart before the name (むすこさん たかし さん): who the person is, not the name. */
/** The rest of a section's name right after a word (…未来課, …支援センター), not a post (…課長). */
const SECTION_AFTER = /^[一-龥ァ-ヶー]{1,8}(?:課|係|室|局|センター)(?!長)/;
const KIN_HEAD = /^([ぁ-ゖ]{2,6})(?:さん|ちゃん)[ \u3000]+(?=[ぁ-ゖ一-龥ァ-ヶ])/;

/** A relation in kanji set apart before a kanji name (相手方：元夫 小宮山 達也, 長男 湊): who the person is, not the name. */
const KANJI_KIN_HEAD =
  /^(?:元?(?:夫|妻)|長男|長女|次男|次女|三男|三女|息子|娘|孫|父|母|祖父|祖母|兄|姉|弟|妹|配偶者)[ \u3000]+(?=[一-龥々])/;
function withoutKinHead(normalized: string, s: PiiSpan): PiiSpan {
  if (s.type !== 'person_name') return s;
  const text = normalized.slice(s.start, s.end);
  const head = KIN_HEAD.exec(text);
  if (head && notHiraganaGivenName(head[1]!)) return { ...s, start: s.start + head[0].length };
  const kin = KANJI_KIN_HEAD.exec(text);
  return kin ? { ...s, start: s.start + kin[0].length } : s;
}

/** The spans without person names that are a building's, a bank's, a field's, a document number's or a spoken number. */
export function withoutNonNames(normalized: string, spans: PiiSpan[]): PiiSpan[] {
  const placeCells = placeHeadingCells(normalized);
  return spans
    .map((s) => withoutKinHead(normalized, s))
    .filter((s) => {
      if (s.type !== 'person_name') return true;
      const after = normalized.slice(s.end, s.end + 12);
      const text = normalized.slice(s.start, s.end);
      const bracketed = inBrackets(normalized, s) && (COUNTRY.test(text) || EMPLOYMENT_TERMS.test(text));
      if (NOTE_IN_BRACKETS.test(text) || ACTIVITY.test(text) || bracketed) return false;
      // A display name of Latin words naming a desk or a business (Kotonoha Helpdesk, after 差出人:) is no one's.
      if (LATIN_WORDS.test(text) && hasNotPersonWord(text)) return false;
      if (placeCells.get(s.start) === s.end) return false;
      if (headerCell(normalized, s) || KANA_TIME.test(text) || PEOPLE_CLASS.test(unspaced(text))) return false;
      if (identifier(text)) return false;
      // A kana word goes on past a small kana or a long mark (せんきゅうひ|ゃく, session 37 b): no name ends there.
      if (/[ぁ-ゖァ-ヶ]$/.test(text) && /^[ぁぃぅぇぉゃゅょっゎァィゥェォャュョッー]/.test(after)) return false;
      if (LEGAL_FORM_BEFORE.test(normalized.slice(Math.max(0, s.start - 6), s.start))) return false;
      if (tradeAfterFamily(normalized, s, text)) return false;
      // Hiragana run into an office's name is the office's (こども未来課, not こども).
      if (/^[ぁ-ゖ]+$/.test(text) && SECTION_AFTER.test(after)) return false;
      return (
        !BUILDING_END.test(normalized.slice(s.start, s.end)) &&
        !INSTITUTION_OR_FIELD.test(normalized.slice(s.start, s.end).trimEnd()) &&
        !BUILDING.test(after) &&
        !DOCUMENT_NUMBER.test(after) &&
        !spokenNumber(normalized.slice(s.start, s.end), after)
      );
    });
}

/** A number column's heading (No., #, ID, 番号, 組合員番号), and a CSV row of three cells or more holding one. */
const NUMBER_HEADING = /^(?:No\.?|NO\.?|#|ID|[一-龥ァ-ヶー]{0,8}(?:番号|No\.?|ID))$/;
const NUMBER_HEADING_ROW = /^(?=[^\n\d]*$)(?:[^,\n]*,){2,}[^,\n]*$/;

/**
 * Whether a span is a whole cell of a table's header: a Markdown row with its |---| line under it, or a row whose
 * cells all label a name's parts (姓⇥名, セイ⇥メイ).
 */
function headerCell(normalized: string, s: PiiSpan): boolean {
  const lineStart = normalized.lastIndexOf('\n', s.start - 1) + 1;
  const lineEnd = normalized.indexOf('\n', s.end) < 0 ? normalized.length : normalized.indexOf('\n', s.end);
  const line = normalized.slice(lineStart, lineEnd);
  // A comma parts a CSV row's cells only in a header row holding a number column's heading (below).
  const sep = /[\t|]/.test(line) ? /[\t|]/ : line.length <= 1000 && NUMBER_HEADING_ROW.test(line) ? /,/ : null;
  if (!sep) return false;
  const cell = (ch: string | undefined): boolean => ch === undefined || sep.test(ch);
  const before = normalized.slice(lineStart, s.start).replace(/[ \u3000]+$/, '');
  const after = normalized.slice(s.end, lineEnd).replace(/^[ \u3000]+/, '');
  if (!cell(before.at(-1)) || !cell(after[0])) return false;
  const next = normalized.slice(lineEnd + 1, lineEnd + 200).split('\n')[0] ?? '';
  if (line.trimStart().startsWith('|') && /^[ \t]*\|?[ \t]*:?-{3,}/.test(next)) return true;
  const cells = line
    .split(sep)
    .map((c) => c.trim())
    .filter(Boolean);
  // A row of three cells or more without a digit, one of them a number column's heading (No., #, 組合員番号): a header.
  if (cells.length >= 3 && !/\d/.test(line) && cells.some((c) => NUMBER_HEADING.test(c))) return true;
  return cells.length >= 2 && cells.every((c) => NAME_LABEL_CELL.test(c));
}

/** A column's heading that names a place (地区, 所在地, 校区): its cells are places, however much they read as names. */
const PLACE_HEADING = /^(?:地区|地区名|地域|住所|所在地|町名|町内会|自治会|行政区|集落|校区|学区)$/;

/**
 * The cells (start → end, spaces trimmed) of CSV or tab tables' columns headed by a place (組合員番号,氏名,地区 ⏎ …,北原,…):
 * the heading is the first line of a run of lines holding as many cells. One pass over the text.
 */
function placeHeadingCells(normalized: string): Map<number, number> {
  const cells = new Map<number, number>();
  if (!/[\t,]/.test(normalized)) return cells;
  let places: number[] = [];
  let [width, sep] = [0, ''];
  for (let start = 0; start <= normalized.length;) {
    const nl = normalized.indexOf('\n', start);
    const end = nl < 0 ? normalized.length : nl;
    const line = normalized.slice(start, end);
    const lineSep = line.includes('\t') ? '\t' : line.includes(',') ? ',' : '';
    const parts = lineSep ? line.split(lineSep) : [];
    if (!lineSep || lineSep !== sep || parts.length !== width) {
      // A new table (or none): this line is its heading.
      [width, sep] = [parts.length, lineSep];
      places = parts.flatMap((c, k) => (PLACE_HEADING.test(c.trim()) ? [k] : []));
    } else if (places.length > 0) {
      let at = start;
      parts.forEach((c, k) => {
        const lead = c.length - c.trimStart().length;
        if (places.includes(k)) cells.set(at + lead, at + c.trimEnd().length);
        at += c.length + 1;
      });
    }
    start = end + 1;
  }
  return cells;
}
