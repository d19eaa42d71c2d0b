/**
 * Personal data found through what was already found, or through the shape of the text:
 * - a name's reading or birth date in brackets right after it (上田 あゆみ（うえだ あゆみ）, 申請者 グエン・ティ・ホア（Nguyen Thi Hoa）);
 * - rows pasted from a roster or a CSV export: a header row naming personal-data columns (姓,名,姓カナ,生年月日)
 *   marks those cells of the rows below; without a header, a column holding a name found in one row holds
 *   names in the others (same separator, same number of cells), and a katakana cell next to a name is its
 *   reading (中島 里美<TAB>ナカジマ サトミ).
 * Pure; runs on the normalised text after the detectors.
 */
import {
  COMPACT_DATE,
  DATE_BODY,
  fillsNameSlot,
  hasNotPersonWord,
  keyType,
  READING_AFTER_NAME,
  roleNotReading,
  STAFF_AND_TRADES,
} from './detectors';
import { KNOWN_FAMILY_NAMES } from './family-names';
import { alignedRow, rowsOf, type Cell, type Row } from './table-rows';
import { PII_TYPES, type PiiSpan, type PiiType } from './types';

/** A date in brackets right after a name (大谷 涼子 さん（H2/9/18）, 山田 太郎（昭和45年1月2日生）): the birth date. */
const DATE_AFTER_NAME = new RegExp(
  `^[ \\t]?(?:さん|様|氏|くん|ちゃん)?[ \\t]?[（(][ \\t]?(${DATE_BODY})(?=[ \\t]?(?:生|生まれ)?[ \\t]?[）)、,，])`,
  'd',
);

/**
 * A date right after a name without brackets — after a space or an underscore (申請書_高田ゆり子_H071023.pdf, 扶養：小池
 * 真央 H20.6.3) or, written as one number, straight after it (遠藤美穂子19900115): the birth date, when its year can be
 * one (before 2016, or an era before 令和); a later date beside a name is more likely an event's.
 */
const DATE_BESIDE_NAME = new RegExp(
  `^(?:(?:[ \\t]{1,3}|_)(${DATE_BODY}|${COMPACT_DATE})|(${COMPACT_DATE}))(?![\\d年]|[/.\\-]\\d)`,
  'd',
);
const BIRTH_YEAR = /^(?:19\d{2}|20(?:0\d|1[0-5])|[MTSH明大昭平]|明治|大正|昭和|平成)/;

/** Header cells naming a personal-data column (exactly, after trimming); other headers are left alone. */
const HEADER_TYPES: ReadonlyArray<[RegExp, PiiType]> = [
  [
    /^(?:氏名|姓名|名前|お名前|姓|名|氏|名字|苗字|フリガナ|ふりがな|カナ|かな|ｶﾅ|ﾌﾘｶﾞﾅ|よみ|読み|ヨミ|よみがな|読み仮名|ヨミガナ|(?:氏名|姓|名|セイ|メイ|名義|口座名義)[ \t]?(?:カナ|ｶﾅ|かな|\(カナ\)|（カナ）)|(?:カナ|ｶﾅ|フリガナ|ﾌﾘｶﾞﾅ)[ \t]?(?:氏名|姓名|名前)|[一-龥]{1,5}(?:氏名|名前)(?:カナ|ｶﾅ|かな)?|セイ|メイ|ローマ字|氏名\(ローマ字\)|ローマ字氏名|name|(?:first|last|family|given|full|english|roman|romaji|latin|payee|owner|holder|account|applicant|guardian|parent|contact|member|staff|employee|customer|client|tenant|patient|student|resident|insured|spouse)[ _]?name|name[ _-]?(?:en|eng|english|roman|romaji|latin|ja|jp|kana)|氏名[ \t]?[(（](?:英字|ローマ字|英語|アルファベット|カナ|漢字)[)）]|guardian|parent|applicant|beneficiary|payee|account[ _]holder|contact[ _]name|emergency[ _]contact|borrower|requester|attendee|participant)$/i,
    'person_name',
  ],
  [/^(?:生年月日|誕生日|生年月日\(西暦\)|生年月日（西暦）|birth ?date|date of birth|dob)$/i, 'birth_date'],
  [/^(?:住所|現住所|自宅住所|address)$/i, 'address'],
  [/^(?:電話|電話番号|自宅電話|携帯|携帯電話|携帯番号|連絡先電話番号|TEL|tel|phone)$/i, 'phone'],
  [/^(?:メール|メールアドレス|e-?mail|mail)$/i, 'email'],
  [/^(?:郵便番号|〒)$/, 'postal_code'],
  [/^(?:口座番号|口座|口座No\.?|支店番号|店番号?|支店コード)$/, 'bank_account'],
  [/^(?:旅券番号|パスポート番号|passport(?: no\.?| number)?)$/i, 'passport'],
  [/^(?:個人番号|マイナンバー)$/, 'my_number'],
  [
    /^(?:被保険者番号|被保番号|被保険者No\.?|保険者番号|保険証番号|(?:被保険者証|保険証)(?:の)?(?:記号|番号))$/,
    'insurance_number',
  ],
  [/^(?:基礎年金番号|年金番号)$/, 'pension_number'],
  [/^(?:住民票コード)$/, 'resident_code'],
  [
    /^(?:支払先|受取人|口座名義|名義|名義人|貸出者|借用者|借受人|利用者|使用者|申請者|届出人|被保険者|被扶養者)$/,
    'person_name',
  ],
];

/** A cell that may be a name: kanji or kana (also half-width kana), at most one space, no digits. */
const NAME_CELL =
  /^[一-龥㐀-䶿豈-﫿々ヶァ-ヶーｦ-ﾟぁ-ゖ・]{1,10}(?:[ \t][一-龥㐀-䶿豈-﫿々ヶァ-ヶーｦ-ﾟぁ-ゖ・]{1,10})?$/;
const KATAKANA_CELL = /^[ァ-ヶーｦ-ﾟ]{2,10}(?:[ ・][ァ-ヶーｦ-ﾟ]{1,10})?$|^[ぁ-ゖ]{2,6} [ぁ-ゖ]{1,6}$/; // or two hiragana words

/** A western date alone in a cell, and the latest year read as a birth year beside a name (no clock: fixed). */
const OLD_DATE = /^((?:19|20)\d{2})[/.\-]\d{1,2}[/.\-]\d{1,2}$/;
/** A date with an era's initial (S45/10/05, H3.4.1) alone in a cell: a birth date beside a name. */
const ERA_DATE = /^[MTSH][ \t]?\d{1,2}[/.\-]\d{1,2}[/.\-]\d{1,2}$/;
/** Personal data in a row that makes a two-part katakana cell of it a person's name (0093,ﾏﾂﾀﾞ ｹｲｺ,S45/10/05,…). */
/**
 * Katakana words of a system's data that are no name's part (メール アドレス, ファイル サーバー); a name's reading
 * has no long mark either (カトウ, not サーバー).
 */
const KANA_NOT_NAME =
  /^(?:メール|アドレス|ファイル|データ|パス|ユーザ|ログイン|システム|ネット|サーバ|フォルダ|プリンタ|テスト|サンプル|ダミー|コード|カード|リスト|グループ|チーム|ポータル|セキュリティ|ウイルス|ソフト|アプリ|デスク|ヘルプ|センター|ネットワーク)$/;
/** A header cell naming a role (受給者, 会長, 世帯主, 児童) or its name column (児童名, 保護者名): no name in the column. */
const ROLE_CELL =
  /^[一-龥]{1,5}(?:者|長|主)$|^(?:児童|本人|続柄|担当)$|^(?:[一-龥]{1,4}者|児童|生徒|園児|学生|本人)名$/;
/** A cell not empty; a number's or a date's only with a digit, a mail's with @ (未提出 under 個人番号 is a state). */
function holdsValue(type: PiiType, text: string): boolean {
  if (!text || EMPTY_CELL.test(text)) return false;
  return /^(?:person_name|address)$/.test(type) || (type === 'email' ? text.includes('@') : /\d/.test(text));
}
/** A company as a bank transfer writes it (カ）ヤマザキショウテン, ﾕ)ﾏﾙﾌｸ): no one's name. */
const KANA_COMPANY = /^[（(]?[カユドシザ][）)]|[（(][カユ][）)]$/;
const kanaName = (text: string): boolean =>
  !/[ーｰ]/.test(text) &&
  !KANA_COMPANY.test(text) &&
  text.split(/[ ・]/).every((part) => part.length >= 2 && !KANA_NOT_NAME.test(part));
const ROW_EVIDENCE = new Set<PiiType>([
  'phone',
  'email',
  'birth_date',
  'my_number',
  'bank_account',
  'address',
  'postal_code',
]);
const OLD_YEAR = 2010;

/** A cell without data: a Markdown rule, a placeholder (（空欄）, なし, －), a ditto (同上, 〃: the value above). */
const EMPTY_CELL =
  /^(?:[-:| ]*|[（(［\[]?(?:空欄|空白|なし|未記入|未入力|不明|該当なし|同上|同左|〃|[-－―ー]|n\/a)[）)］\]]?)$/i;

/** Spans found through earlier spans and the text's shape; overlapping ones are dropped by the caller. */
export function relatedSpans(
  normalized: string,
  found: readonly PiiSpan[],
): { fromHeaders: PiiSpan[]; fromNames: PiiSpan[] } {
  const table = tableSpans(normalized, found);
  return {
    fromHeaders: table.fromHeaders,
    fromNames: [
      ...readings(normalized, found),
      ...listed(normalized, found),
      ...namedAfterPhone(normalized, found),
      ...formerValues(normalized, found),
      ...table.fromNames,
    ],
  };
}

/** The next name of a list after a name (宛先：岡山 直樹; 福島 さやか — SANTOS Juliana（妻）、SANTOS Pedro). */
const NEXT_IN_LIST = new RegExp(
  `^(?:[ \\t]?[（(][^）)\\n]{1,12}[）)])?[ \\t]?[、,，;；][ \\t]?(${[
    '(?!(?:生年月日|住所|電話|氏名|性別|年齢|続柄|所属|連絡先|父|母|夫|妻|子|長男|長女|次男|次女|祖父|祖母|孫|兄|姉|弟|妹|[月火水木金土日]|[一-龥]{1,3}[者人])[ \\t])[一-龥々ヶ]{1,4}[ \\t][一-龥々ヶぁ-んァ-ヶー]{1,5}(?![一-龥ぁ-んァ-ヶー\\d])',
    '(?:[A-Z]{2,}|[A-Z][a-z]+)(?: [A-Z][a-z]+){1,3}',
  ].join('|')})`,
);

/**
 * The old or new value in brackets right after a number (新旅券番号 TK7720184（旧 TH3309921）, 090-…（旧：080-…））:
 * the same item when written in the same shape (letters as letters, digits as digits, the same separators).
 */
const FORMER_VALUE =
  /^[ \t]?[（(][ \t]?(?:旧|新|元|前|変更前|変更後|old|new)[ \t]?[:：]?[ \t]?([^）)\s]{4,30})[ \t]?[）)]/i;
/** Items written as one code (numbers, an address): every type but names, street addresses and dates. */
const NOT_CODES: ReadonlySet<PiiType> = new Set<PiiType>(['person_name', 'address', 'postal_code', 'birth_date']);
const NUMBER_TYPES = new Set<PiiType>(PII_TYPES.filter((t) => !NOT_CODES.has(t)));

function shape(value: string): string {
  return value.replace(/[A-Za-z]/g, 'A').replace(/\d/g, '9');
}

function formerValues(normalized: string, found: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const s of found) {
    if (!NUMBER_TYPES.has(s.type)) continue;
    const m = FORMER_VALUE.exec(normalized.slice(s.end, s.end + 48));
    const value = m?.[1];
    if (!value) continue;
    const same =
      s.type === 'email'
        ? /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(value)
        : shape(value) === shape(normalized.slice(s.start, s.end));
    if (!same) continue;
    const start = s.end + (m?.[0].indexOf(value) ?? 0);
    out.push({ type: s.type, start, end: start + value.length });
  }
  return out;
}

/**
 * Whose number it is, in brackets right after a phone number: 090-1234-5678（長谷川）, （タナカ様）, （山本 和也）.
 * A lone word in kanji counts only as a common family name (（土地）（無料）（病院代表） are notes) or with 様 / さん.
 */
const NAME_AFTER_PHONE = /^[ \t]?[（(]((?:[一-龥々ヶ]{1,4}(?:[ \t][一-龥々ヶ]{1,4})?|[ァ-ヶー]{2,8}))(様|さん)?[）)]/;
// Notes on the number, not its owner: 自宅, 日中可, 夜間のみ, 平日, 代表, 総務課.
const NOT_OWNER =
  /^(?:旧|新|元|自宅|携帯|代表|内線|直通|平日|土日|休日|日中|夜間|午前|午後|終日|受付|担当|本人|不在|留守|緊急|FAX)|(?:可|不可|のみ|まで|以降|優先)$|[課係室部局所]$/;

/**
 * Whose number it is, written after it without brackets as a phone memo writes it: half-width katakana (TEL0559211234ｼﾐｽﾞ
 * 至急) or a common family name closing the line (電話番号：(090)4412-8830 柏木).
 */
const NAME_AFTER_PHONE_BARE =
  /^[ \t]?([ｦ-ﾟ]{2,10}(?:[ \t][ｦ-ﾟ]{2,10})?)(?![ｦ-ﾟ])|^[ \t]+([一-龥々]{1,3})[ \t]*(?=\n|$)/;

/** Notes on a number in half-width katakana (自宅, 携帯, 代表, 内線, 直通, 留守電), not its owner. */
const KANA_NOT_OWNER = /^(?:ｼﾞﾀｸ|ｹｲﾀｲ|ﾀﾞｲﾋｮｳ|ﾅｲｾﾝ|ﾁｮｸﾂｳ|ﾙｽ|ｼｺﾞﾄ|ｼｮｸﾊﾞ|ﾌｧｯｸｽ|ﾃﾞﾝﾜ)/;

function namedAfterPhone(normalized: string, found: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const s of found) {
    if (s.type !== 'phone') continue;
    const bare = NAME_AFTER_PHONE_BARE.exec(normalized.slice(s.end, s.end + 24));
    const kana = bare?.[1] && !KANA_NOT_OWNER.test(bare[1]) ? bare[1] : undefined;
    const bareName = kana ?? (bare?.[2] && KNOWN_FAMILY_NAMES.has(bare[2]) ? bare[2] : undefined);
    if (bare && bareName) {
      const start = s.end + bare[0].indexOf(bareName);
      out.push({ type: 'person_name', start, end: start + bareName.length });
      continue;
    }
    const m = NAME_AFTER_PHONE.exec(normalized.slice(s.end, s.end + 20));
    if (!m?.[1] || NOT_OWNER.test(m[1])) continue;
    const lone = /^[一-龥々ヶ]+$/.test(m[1]) && !m[2];
    if (lone && !KNOWN_FAMILY_NAMES.has(m[1])) continue;
    const start = s.end + m[0].indexOf(m[1]);
    out.push({ type: 'person_name', start, end: start + m[1].length });
  }
  return out;
}

function listed(normalized: string, found: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const s of found) {
    if (s.type !== 'person_name') continue;
    let end = s.end;
    for (let n = 0; n < 10; n++) {
      const m = NEXT_IN_LIST.exec(normalized.slice(end, end + 40));
      if (!m?.[1]) break;
      const start = end + m[0].length - m[1].length;
      out.push({ type: 'person_name', start, end: start + m[1].length });
      end = start + m[1].length;
    }
  }
  return out;
}

/** A name in kanji in brackets after one in Latin letters (WANG XIAOMING（王 小明）, Kim Minji (金 敏智)). */
const KANJI_AFTER_LATIN = /^[ \t]?[（(][ \t]?([一-龥々]{1,4}(?:[ \t][一-龥々]{1,4})?)[ \t]?[）)]/;
/** Relations and roles in brackets after a name: 世帯主, 妻, 長男, 代理人 — no reading. */
const RELATION_IN_BRACKETS =
  /^(?:世帯主|世帯員|本人|妻|夫|父|母|子|長男|長女|次男|次女|三男|三女|祖父|祖母|孫|兄|姉|弟|妹|配偶者|代理人|同居人|[一-龥]{1,4}[者員長係課])$/;

/** A word of two kanji or more that stands where a name would without being anyone (委託, 応援, 業者, a trade: 通訳). */
const notAName = (kanji: string): boolean =>
  kanji.length >= 2 && !kanji.includes(' ') && (!fillsNameSlot(kanji) || STAFF_AND_TRADES.includes(kanji));

function readings(normalized: string, found: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const s of found) {
    if (s.type !== 'person_name') continue;
    const kanji = /^[A-Za-z][A-Za-z ,'’.-]*$/.test(normalized.slice(s.start, s.end))
      ? KANJI_AFTER_LATIN.exec(normalized.slice(s.end, s.end + 20))
      : null;
    // …（委託）, （会計年度任用）: a note on how the person works with the office, no kanji form of the name.
    if (kanji?.[1] && !RELATION_IN_BRACKETS.test(kanji[1]) && !COUNTRY.test(kanji[1]) && !notAName(kanji[1])) {
      const start = s.end + kanji[0].indexOf(kanji[1]);
      out.push({ type: 'person_name', start, end: start + kanji[1].length });
    }
    const date = DATE_AFTER_NAME.exec(normalized.slice(s.end, s.end + 40))?.indices?.[1];
    if (date) out.push({ type: 'birth_date', start: s.end + date[0], end: s.end + date[1] });
    else {
      const beside = DATE_BESIDE_NAME.exec(normalized.slice(s.end, s.end + 30));
      const at = beside?.indices?.[1] ?? beside?.indices?.[2];
      if (at && BIRTH_YEAR.test(normalized.slice(s.end + at[0], s.end + at[1])))
        out.push({ type: 'birth_date', start: s.end + at[0], end: s.end + at[1] });
    }
    const m = READING_AFTER_NAME.exec(normalized.slice(s.end, s.end + 40));
    // Yuki Tanaka (Nagoya Office), 小川(ベンダー): a place, a section or a role in brackets is no reading; nor an
    // acronym (Tom Whitfield (ALT, …), 森田 (PM)), nor Latin letters after a name in Latin letters.
    if (
      !m?.[1] ||
      hasNotPersonWord(m[1]) ||
      /^[A-Z]{2,5}$/.test(m[1]) ||
      // After the honorific only a kanji name's reading (土屋 さん（ツチヤ ノリコ）); Phạm さん（ベトナム） gives a country.
      (/^[ \t]?(?:さん|様|氏)/.test(m[0]) && !/[一-龥]/.test(normalized.slice(s.start, s.end))) ||
      (/^[A-Za-z]/.test(m[1]) && /[A-Za-z]/.test(normalized.slice(s.start, s.end))) ||
      roleNotReading(m[1], normalized.slice(s.start, s.end)) ||
      COUNTRY.test(m[1])
    )
      continue;
    const start = s.end + m[0].indexOf(m[1]);
    out.push({ type: 'person_name', start, end: start + m[1].length });
  }
  return out;
}

/** A country in brackets after a name says where the person is from (Nguyen Duc Thang（ベトナム）): no reading. */
const COUNTRY =
  /^(?:ベトナム|フィリピン|ネパール|ブラジル|インドネシア|アメリカ|イギリス|インド|タイ|ペルー|ミャンマー|モンゴル|スリランカ|バングラデシュ|カンボジア|マレーシア|シンガポール|オーストラリア|カナダ|フランス|ドイツ|イタリア|スペイン|ポルトガル|ロシア|ウクライナ|トルコ|エジプト|ナイジェリア|ケニア|メキシコ|アルゼンチン|コロンビア|ボリビア|パキスタン|ウズベキスタン|アイルランド|ニュージーランド|韓国|中国|台湾)(?:国籍|人|出身)?$/;

/** Words of a table's title that make its 記号 and 番号 columns an insurance card's. */
const INSURANCE_TITLE = /国保|保険|被保険者|後期高齢|介護/;

function tableSpans(normalized: string, found: readonly PiiSpan[]): { fromHeaders: PiiSpan[]; fromNames: PiiSpan[] } {
  const rows = rowsOf(normalized);
  const out: PiiSpan[] = [];
  const holdsFound = (c: Cell): boolean => found.some((s) => s.start <= c.start && c.end <= s.end);
  // A form's screen of label and value rows (氏名⇥渡邉 早苗⏎フリガナ⇥…⏎性別⇥女) is no roster: no row of it is a header and
  // no column of it holds names; each value has its label's type (フリガナ⇥ワタナベ サナエ).
  const labelRows = new Map<string, number>();
  const labelled: Array<[string, PiiSpan]> = [];
  for (const row of rows) {
    const type = row?.cells.length === 2 ? HEADER_TYPES.find(([re]) => re.test(row.cells[0]!.text))?.[1] : undefined;
    if (!row || !type) continue;
    const key = `${row.separator}2`;
    labelRows.set(key, (labelRows.get(key) ?? 0) + 1);
    const value = row.cells[1]!;
    if (value.text && !EMPTY_CELL.test(value.text)) labelled.push([key, { type, start: value.start, end: value.end }]);
  }
  const sameShape = (a: Row, b: Row | undefined): b is Row =>
    b !== undefined && b.separator === a.separator && b.cells.length === a.cells.length;
  const vertical = (row: Row): boolean => (labelRows.get(`${row.separator}${row.cells.length}`) ?? 0) >= 2;
  for (const [i, header] of rows.entries()) {
    if (!header || vertical(header)) continue;
    // Japanese headers, or English / romanised ones as machine exports name them (name, kana, birthday, zip).
    // 記号 and 番号 alone name an insurance card's fields under a title that speaks of insurance (国保 資格喪失者リスト).
    const insured = INSURANCE_TITLE.test(
      normalized.slice(Math.max(0, header.cells[0]!.start - 80), header.cells[0]!.start),
    );
    const columns = header.cells.map(
      (c) =>
        HEADER_TYPES.find(([re]) => re.test(c.text))?.[1] ??
        keyType(c.text) ??
        (insured && /^(?:記号|番号)$/.test(c.text) ? ('insurance_number' as const) : undefined),
    );
    // A header names at least one personal-data column; its rows follow it with the same shape.
    // A header holds labels, not data (no long numbers, no value found as personal data: 氏名⇥渡邉 早苗 is a form's row).
    if (!columns.some(Boolean) || header.cells.some((c) => /\d{3,}/.test(c.text) || holdsFound(c))) continue;
    for (let j = i + 1; j < rows.length; j++) {
      // A fixed-width screen's row cut at its header's columns when a cell holds a single space (世帯主 渡部 幸雄).
      const row = sameShape(header, rows[j])
        ? rows[j]
        : header.separator === '  ' && rows[j]?.separator === '  '
          ? alignedRow(normalized, header, rows[j]!)
          : undefined;
      if (!row) break;
      for (const [k, cell] of row.cells.entries()) {
        const type = columns[k];
        if (type && holdsValue(type, cell.text) && !HEADER_TYPES.some(([re]) => re.test(cell.text)))
          out.push({ type, start: cell.start, end: cell.end });
      }
    }
  }
  for (const [key, span] of labelled) if ((labelRows.get(key) ?? 0) >= 2) out.push(span);
  const fromHeaders = [...out];
  out.length = 0;
  const covered = (c: Cell): boolean =>
    found.some((s) => s.type === 'person_name' && s.start <= c.start && c.end <= s.end) ||
    fromHeaders.some((s) => s.type === 'person_name' && s.start === c.start);
  // Without a header: a column with a name in one row, and katakana readings beside a name (not on a form's screen).
  const nameColumns = new Map<string, Set<number>>();
  rows.forEach((row) => {
    if (!row) return;
    const key = `${row.separator}${row.cells.length}`;
    if (vertical(row)) return;
    row.cells.forEach((cell, k) => {
      if (cell.text && NAME_CELL.test(cell.text) && covered(cell)) {
        const set = nameColumns.get(key) ?? new Set<number>();
        set.add(k);
        // Its reading in the cell after it, or before it (ﾀﾅｶ ﾋﾛｼ,田中 博).
        for (const j of [k + 1, k - 1]) {
          const beside = row.cells[j];
          if (beside && KATAKANA_CELL.test(beside.text)) set.add(j);
        }
        nameColumns.set(key, set);
      }
    });
  });
  rows.forEach((row) => {
    if (!row) return;
    const names = nameColumns.get(`${row.separator}${row.cells.length}`);
    for (const k of names ?? []) {
      const cell = row.cells[k];
      if (
        cell?.text &&
        NAME_CELL.test(cell.text) &&
        !HEADER_TYPES.some(([re]) => re.test(cell.text)) &&
        !ROLE_CELL.test(cell.text)
      )
        out.push({ type: 'person_name', start: cell.start, end: cell.end });
    }
    // A katakana name in two parts in a row holding a phone, a date of birth, an account … (no kanji name beside it).
    const rowStart = row.cells[0]?.start ?? 0;
    const rowEnd = row.cells.at(-1)?.end ?? 0;
    const evidence =
      row.cells.length >= 3 && found.some((s) => ROW_EVIDENCE.has(s.type) && s.start >= rowStart && s.end <= rowEnd);
    const kanaNames = evidence
      ? row.cells.filter(
          (c) =>
            KATAKANA_CELL.test(c.text) &&
            /[ ・]/.test(c.text) &&
            kanaName(c.text) &&
            !HEADER_TYPES.some(([re]) => re.test(c.text)),
        )
      : [];
    for (const cell of kanaNames) out.push({ type: 'person_name', start: cell.start, end: cell.end });
    // Beside a name, a date decades old is a birth date (谷 恵子,1962/07/21,国保), not a receipt date; so is one
    // written with an era's initial.
    if (names?.size || kanaNames.length > 0)
      for (const cell of row.cells)
        if ((OLD_DATE.test(cell.text) && Number(OLD_DATE.exec(cell.text)?.[1]) <= OLD_YEAR) || ERA_DATE.test(cell.text))
          out.push({ type: 'birth_date', start: cell.start, end: cell.end });
  });
  return { fromHeaders, fromNames: out };
}
