/**
 * Street addresses: an optional 都道府県, one to three 市区町村郡 names, a town name and a block
 * number (3丁目5番2号, 5番地の1, 2-3-4). Without the number it is a place, not an address.
 */
import type { PiiSpan } from '../types';
import { PREFECTURE } from './prefectures';

const NAME = '[一-龥ぁ-んァ-ヶ々ヶー]';
const KANJI_NUM = '[\\d一二三四五六七八九十]{1,3}';
// A prefecture's shape not in the list (a fictional one of a sample, 東浜県) when a city or a county follows it.
const LOCALITY = `(?:(?:${PREFECTURE}|(?<![一-龥])[一-龥]{2,3}県(?=${NAME}{1,6}?[市郡]))(?:${NAME}{1,6}?[市区町村郡]){0,3}|(?:${NAME}{1,6}?(?:[市町村郡]|(?<!投票|選挙|学|校)区)(?!役所|役場|民|長|議|内|外|場|立|営|政|有|分|画|間|切|域|別|販|会|域|部)){1,3}|大?字${NAME}{1,6}?(?=[ \\t]?\\d))`;
// Kyoto's streets (西洞院通塩小路下る東塩小路町) and Hokkaido's 条 (北3条西7丁目) before the block.
// 大字白岩字堤下小字前田: up to 14 characters of town before the block.
const KYOTO_STREET = `${NAME}{1,8}?通${NAME}{0,8}?(?:上る|下る|入る|上ル|下ル|入ル|東入ル?|西入ル?)`;
const TOWN = `(?:${KYOTO_STREET}${NAME}{0,8}?|${NAME}{0,14}?(?:[東西南北]?\\d{1,2}条(?:通)?[東西南北]?)?)`;
// A block or lot number: digits, or kanji numerals (三丁目五番地, 一丁目十二番地). Dashed numbers have no leading zero
// (青葉市 2023-0872 is an asset label); a PDF's copy may space the dashes out (一番町 4 - 6 - 1).
const N = '(?:\\d{1,4}|[一二三四五六七八九十〇]{1,4})';
// 旭川市4条通16丁目右2号: Asahikawa numbers the houses right and left of the street.
// After 丁目 the lot may follow with a dash (2丁目-8-11) or with nothing (本城1丁目1560).
const BLOCK = `(?:${KANJI_NUM}丁目?(?:[ \\t]?-?[右左]?${N}(?:(?:番地?の?|-|号)(?:[ \\t]?${N}(?:-${N})?号?)?)?)?|(?:\\d{1,4}番地?|[一二三四五六七八九十〇]{1,4}番地)(?:の?${N}号?)?|[1-9]\\d{0,3}(?:-[1-9]\\d{0,3}(?:-[1-9]\\d{0,3}){0,2}|(?: - [1-9]\\d{0,3}){1,3})|無番地)`;
// A space may part the city from the town (さくら台市 桜木町2-19-3, 東町 4-11-6).
const ADDRESS = new RegExp(`${LOCALITY}(?:[ \\t\\u3000](?=${NAME}))?${TOWN}[ \\t]?${BLOCK}(?![\\d\\w])`, 'g');
/** Address labels of English and of the languages residents write (general knowledge: Portuguese, Spanish, Tagalog,
 * Vietnamese read without diacritics, Indonesian, Chinese, Korean, Nepali). */
const FOREIGN_ADDRESS_LABEL = 'Address|Endereco|Direccion|Domicilio|Tirahan|Dia chi|Alamat|地址|住址|주소|ठेगाना';
/** A town and its block right after an address label (also a building and room after it, 新住所：大和田3-17-2 グランメール 606), the city left out as residents write it (住所：緑が丘3-7-1-204). */
const LABELLED = new RegExp(
  `(?:(?:新|現|旧|前)?住所|所在地|自宅|お?住まい|使用場所|${FOREIGN_ADDRESS_LABEL})(?:[ \\t]*[:：]|は)?[ \\t]*(${NAME}{1,10}?[ \\t]?${BLOCK})(?![\\d\\w])`,
  'dg',
);
// Kyoto's addresses end in a bare lot number after the street's town (烏丸通御池上る二条殿町552).
const KYOTO = new RegExp(`${LOCALITY}${KYOTO_STREET}${NAME}{1,8}?[ \\t]?\\d{1,4}(?![\\d\\w-])`, 'g');
const CHOME = new RegExp(`${NAME}{1,6}?${KANJI_NUM}丁目[ \\t]?${N}(?:番地?の?|-)(?:[ \\t]?${N}号?)?`, 'g');
/**
 * A building and its room or floor after the street address, on the same line or the next, maybe indented under it
 * (メゾン大岡201号, 丹波荘 2F, ザ・鍛冶町タワー1502); a contact line (TEL 03-…) is none, nor a number's label line under it
 * (郵便番号　000-1208, 〒…).
 */
// The name may hold a 条 (グリーンハイツ4条203, メゾン西5条 301号室), an ordinal (第5ビル 6F) or hiragana after its
// first letter, particles aside (ハイツめじろ台 B棟105号室; not 受取人は大正15…) but for が / の inside a place's name (グリーンハイツ緑が丘), or hiragana before a dwelling's word (ひばり荘); a floor may carry the room (7F-701), a block of flats its number (宮前団地 3-204); a room may end in a letter (3-B).
// Not a date's year on the next line (…9番5号⏎異動日 2025年6月9日, session 37 c).
const BUILDING =
  /^(?:[ \t]|\n[ \t]*)?(?!(?:TEL|Tel|tel|FAX|Fax|fax|Mail|mail|E-?mail|携帯|電話|内線)(?![a-z])|〒|郵便|[一-龥ァ-ヶー]{0,6}(?:番号|コード)[ \t:：])(?:[一-龥ァ-ヶー々A-Za-zｦ-ﾟ・]|第\d{1,2}|[ぁ-ん]{1,6}(?=荘|寮|ハイツ|コーポ|ハイム|マンション|アパート|団地|住宅|ハウス|レジデンス))(?:[一-龥ァ-ヶー々A-Za-zｦ-ﾟ・]|(?![はがをにでとへもやの])[ぁ-ん]|(?<=[一-龥])[がの](?=[一-龥])|\d{1,2}条|第\d{1,2}){1,14}(?:[ \t]?[A-Z]棟)?[ \t]?(?:\d{1,2}F-\d{1,4}|\d{1,2}-\d{3,4}|\d{1,2}(?:F|階)|[A-Z]-?\d{1,4}(?:号室|号)?|\d{1,4}-?[A-Z](?![A-Za-z])|\d{1,4}(?:号室|号)?|[〇一二三四五六七八九十壱弐参]{1,4}(?:号室|号))(?![\d\w年]|\/\d)/;
/**
 * A Korean road-name address, as a resident gives the previous one (서울특별시 마포구 성미산로17길 23, 301호): a city or
 * province, a district, maybe a town, a road (로 / 길) and its number, maybe the building's 동 and the room's 호.
 */
const KOREAN_ADDRESS =
  /[가-힣]{1,6}(?:특별시|광역시|특별자치시|특별자치도|도|시)[ \t]+[가-힣]{1,6}(?:구|군|시)[ \t]+(?:[가-힣]{1,6}(?:구|읍|면|동)[ \t]+)?[가-힣\d]{1,10}(?:로|길)[ \t]?\d{1,4}(?:-\d{1,4})?(?:,?[ \t]?\d{1,4}(?:동|호)(?:[ \t]?\d{1,4}호)?)?/g;
/**
 * A Japanese address written in Hangul after 주소 (히바리시 사쿠라초 4-2-9, as a Korean resident or an interpreter spells
 * it): place words, a block number with dashes, maybe a building and its room (…하이츠 302호).
 */
const HANGUL_LABELLED =
  /주소(?:는|은|:|：)?[ \t]*([가-힣]{1,10}(?:[ \t][가-힣]{1,10}){0,3}[ \t]?[1-9]\d{0,3}(?:-[1-9]\d{0,3}){1,3}(?:[ \t][가-힣A-Za-z]{1,12}[ \t]?\d{1,4}호)?)/dg;
/** The second line of an address form (住所2：3番地4 メゾン西5条 301号室): a lot, building or room. */
const SECOND_LINE = /(?:住所|方書)[ \t]?[2２二][ \t]*[:：][ \t]*([^\n]{2,60})/g;
const LEAD = /(?:現?住所|所在地|送付先|自宅|お?住まい)(?:は|が|:|：)?/g;
const LABEL_THEN_HEAD = /(?:住所|所在地)[ \t]*[:：][ \t]*([一-龥ぁ-んァ-ヶ]{1,3})$/;

/**
 * A public facility's or an office's name: its address in brackets after it, or before 〜の and it, is no one's home
 * (東京都庁（新宿区西新宿2-8-1）, デジタル戦略課（静岡市葵区追手町9-6 県庁内）); nor is a place named with its
 * neighbourhood (旭町4丁目の避難所, 緑町2丁目付近).
 */
const FACILITY =
  '(?:センター|公民館|会館|市役所|区役所|役場|庁舎|都庁|県庁|府庁|道庁|[課局]|支所|出張所|図書館|体育館|学校|保育所|保育園|幼稚園|こども園|病院|診療所|駅|ホール|プラザ|事務所|施設|避難所|集会所|公園|広場|交差点|バス停|停留所|付近|周辺)';
// Also after the facility's name and its postal code on one line (みどり市役所 〒266-0001 千葉県…).
const FACILITY_BEFORE = new RegExp(`${FACILITY}[ \\t]?(?:[（(]|〒?\\d{3}-\\d{4}[ \\t]+)$`);
// A public building named right before its address and a space (新庁舎 ことのは市中央1丁目1番1号): the building's address.
const BUILDING_THEN_SPACE = /(?:庁舎|市役所|区役所|町役場|村役場|役場|公民館|図書館|体育館|支所|出張所)[ \t\u3000]+$/;
const FACILITY_AFTER = new RegExp(`^の?[一-龥ァ-ヶー]{0,10}${FACILITY}`);
/** A 丁目 without its lot before a range or the households of a notice (旭町1丁目〜3丁目, 緑町2丁目の各世帯): an area. */
const AREA_AFTER = /^(?:[ \t]?[〜～~]|の?(?:各世帯|各戸|全戸|全域|一帯|地内|一部))/;
/**
 * A town and its 丁目 alone, with no city before it and no label (北町3丁目 公園前集積所, a garbage round's or a notice's
 * area): a neighbourhood, not anyone's home — a home's address gives the lot, or its city, or follows 住所.
 */
const CITY_OR_PREFECTURE = /[都道府県市区郡]/;
const ADDRESS_LABEL_BEFORE = /(?:住所|所在地|送付先|住まい|自宅|居所|転居先|移転先)[^\n]{0,4}$/;
/**
 * An honorific before the block number (西村さんは北町5丁目: 村 read as a village) makes it a person and a place, not one
 * address; a building after it may hold one (塚口さんさんタウン).
 */
const HONORIFIC_INSIDE = /さん|様|ちゃん|くん/;

/**
 * A Japanese address in Latin letters in the Japanese order (session 36 b): the town's -machi / -cho / -shi / -ku part
 * first (maybe after the prefecture's -to / -ken), up to two place names, then the block number and maybe the room (Kasumino-machi Minamidai 4-2-9, Aoba-ku Sakuragi 2-8-1-306) —
 * English and residents' mails giving a new address as the residence card prints it; a postal code's shape after the
 * places (…Chiyoda-ku, Tokyo 102-0083) is no block number, and one going on after a comma with its building (…2-5-1,
 * Residência Shiomi 304) is left whole to other-scripts.ts.
 */
const LATIN_JAPANESE_ORDER =
  /(?<![A-Za-z-])(?:[A-Z][a-z]+-(?:to|fu|ken|do),?[ \t]+)?[A-Z][a-z]+-(?:shi|ku|cho|machi|mura|gun)(?:,?[ \t]+[A-Z][a-z]+(?:-(?:cho|machi|ku))?){0,2},?[ \t]+(?!\d{3}-\d{4}(?![\d-]))\d{1,4}(?:-\d{1,4}){1,3}(?![\d-])(?:,?[ \t]+(?:Room|Rm\.?|Unit|Apt\.?|#)[ \t]*\d{1,4}[A-Z]?\b)?(?![ \t]*,)/g;
/** Finds street addresses, not a public facility's. */
export function detectAddress(normalized: string): PiiSpan[] {
  return findAddresses(normalized).filter(
    (a) =>
      !FACILITY_BEFORE.test(normalized.slice(Math.max(0, a.start - 22), a.start)) &&
      // (also a reading that starts inside the address's first word: とのは市… of ことのは市…)
      !BUILDING_THEN_SPACE.test(
        normalized.slice(Math.max(0, a.start - 16), a.start).replace(/[一-龥ぁ-んァ-ヶー]*$/, ''),
      ) &&
      !FACILITY_AFTER.test(normalized.slice(a.end, a.end + 16)) &&
      !(/丁目$/.test(normalized.slice(a.start, a.end)) && AREA_AFTER.test(normalized.slice(a.end, a.end + 4))) &&
      !HONORIFIC_INSIDE.test(normalized.slice(a.start, a.end).split(/\d/)[0] ?? '') &&
      !isBareNeighbourhood(normalized, a),
  );
}

function isBareNeighbourhood(normalized: string, a: PiiSpan): boolean {
  const value = normalized.slice(a.start, a.end);
  return (
    /^[^\d]*\d{1,2}丁目$/.test(value) &&
    !CITY_OR_PREFECTURE.test(value) &&
    !ADDRESS_LABEL_BEFORE.test(normalized.slice(Math.max(0, a.start - 12), a.start))
  );
}

function findAddresses(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(KOREAN_ADDRESS))
    spans.push({ type: 'address', start: m.index, end: m.index + m[0].length });
  for (const re of [ADDRESS, KYOTO, CHOME]) {
    for (const m of normalized.matchAll(re)) {
      // The keyword before an address (住所は…) may be taken by the name pattern; it is not the address.
      const from = Math.max(0, m.index - 4);
      const leads = [...normalized.slice(from, m.index + m[0].length).matchAll(LEAD)];
      const leadEnd = leads.length ? from + (leads.at(-1)?.index ?? 0) + (leads.at(-1)?.[0].length ?? 0) : 0;
      // Right after its label the address starts at the label, whatever the first letters the pattern left out
      // (新住所：西原県こもれび町…: a locality longer than the pattern reads).
      const head = LABEL_THEN_HEAD.exec(normalized.slice(Math.max(0, m.index - 12), m.index))?.[1]?.length ?? 0;
      const end = m.index + m[0].length;
      const building = BUILDING.exec(normalized.slice(end, end + 30))?.[0].length ?? 0;
      spans.push({ type: 'address', start: Math.max(m.index - head, leadEnd), end: end + building });
    }
  }
  for (const m of normalized.matchAll(LABELLED)) {
    const at = m.indices?.[1];
    if (!at) continue;
    const building = BUILDING.exec(normalized.slice(at[1], at[1] + 30))?.[0].length ?? 0;
    spans.push({ type: 'address', start: at[0], end: at[1] + building });
  }
  for (const m of normalized.matchAll(HANGUL_LABELLED)) {
    const at = m.indices?.[1];
    if (at) spans.push({ type: 'address', start: at[0], end: at[1] });
  }
  for (const m of normalized.matchAll(LATIN_JAPANESE_ORDER))
    spans.push({ type: 'address', start: m.index, end: m.index + m[0].length });
  for (const m of normalized.matchAll(SECOND_LINE)) {
    const value = (m[1] ?? '').trimEnd();
    if (!/\d|[号棟室階]/.test(value)) continue;
    const start = m.index + m[0].length - (m[1] ?? '').length;
    spans.push({ type: 'address', start, end: start + value.length });
  }
  return spans;
}
