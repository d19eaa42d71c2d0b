/**
 * Japanese telephone numbers: fixed lines (10 digits), mobile and IP phones (070/080/090/050, 11
 * digits), free dial, with or without hyphens, spaces, parentheses or +81. A desk's 4-digit 内線
 * number, IP addresses, error codes and ticket numbers never have this shape. A slash before the number
 * makes it part of a path or a date, unless the slash follows an extension (内線2231／090-…).
 */
import type { PiiSpan } from '../types';
import { mainNumberCells } from './main-number-columns';

const PHONE =
  /(?<![\d\-+])(?<!(?<!(?:内線|ext\.?)[ \t]*\d{1,6})\/)(?<![\d]\.)(?<![\da-fA-F]:)(?<!::)(?:\+81[ \-.]?(?:\(0\)[ \-]?)?\d{1,4}|\(0\d{1,4}\)|0\d{1,4})(?:(?:-\n|[ \-.])?\(?\d{1,4}\)?)?(?:-\n|[ \-.])?\d{3,4}(?![\w])(?![\-.:]\d)(?!\/(?=(\d+))\1[\/\-.:]\d)/g;

const FORMAT_WORDS = /形式|書式|フォーマット|のような|のように|例[:：）)]|（例|\(例|正規表現|format|e\.g\./i;

/**
 * A format named right after a number as what it is like: the number shows a shape (「…」のような形式, … みたいなフォーマット);
 * not a number entered in a format (090.5566.2231 という形式で入力された電話番号 is someone's).
 */
const SHAPE_AFTER = /^[」』"']?[ \t]*(?:のような|みたいな|などの)[ \t]*(?:形式|書式|フォーマット|形|桁数)/;

/**
 * An office's main number (代表 045-210-1111, 代表番号：…, 代表の …), a facility's (施設電話 …), and the fax number given
 * right after a main number: the organisation's, published, no one's.
 */
const MAIN_NUMBER_BEFORE =
  /(?:代表(?:番号|電話(?:番号)?)?|施設電話)[ \t]*(?:の|は|[:：])?[ \t]*[（(]?$|(?:代表(?:番号|電話)?[ \t]*[:：]?[ \t]*[\d\-() ]{10,14}|[\d\-]{10,14}[ \t]*[（(][^）)\n]{0,4}代表[）)])[ \t]*(?:と|、|,|\/|／)?[ \t]*(?:FAX|ＦＡＸ|ファクス)[ \t]*[:：]?[ \t]*$/;
/**
 * A geographic line named by the office it rings, right before it (福祉課 0466-…, ヘルプデスク直通 …, 市民課：…) or in brackets
 * after it (…（税務課）): a section's published number, no one's. A person's direct line names the person instead.
 */
const OFFICE = '[一-龥ぁ-ゖァ-ヶー]{1,12}(?:課|係|室|局|部|センター|デスク|出張所|支所)';
// … also the office's own line said with の (上下水道課の夜間緊急連絡先 …, 保育課の直通番号は …).
const OFFICE_BEFORE = new RegExp(
  `(?:^|[\\s:：／/、,（(])${OFFICE}(?:直通|代表|の[一-龥]{0,6}(?:連絡先|電話|番号)(?:は|[:：])?)?[ \\t]*[:：]?[ \\t]*$`,
);
/**
 * A service's centre, desk or dial, then at most a few words of the same sentence (its operator in brackets, は); also the
 * centre's word in residents' languages (Korean 센터, Chinese 中心, Nepali केन्द्र).
 */
const SERVICE_LINE_BEFORE =
  /(?:センター|(?<!フリー|ナビ)ダイヤル|デスク|[Hh]otline|[Cc]ent(?:er|re)|[Ss]upport|센터|中心|केन्द्र)[^。]{0,24}$/;
const OFFICE_AFTER = new RegExp(`^[ \\t]*[（(]${OFFICE}[）)]`);
const PHONE_ONCE = new RegExp(PHONE.source);
/**
 * A phone number mistyped in its grouping (090-004-41827) right after a phone's label: its digits still make one.
 * (And above: the fax number after a main number marked as such, 0467-00-1234（課代表） FAX ….)
 */
const LABELLED_ANY_GROUPING =
  /(?:電話|携帯|TEL|Tel|連絡先)[^。\n\d]{0,4}(?<![\d\-])((?:\d{2,5}-){2,3}\d{2,5})(?![\d\-])/dg;

/**
 * The label of a procedure's or a record's own number right before it (受付番号 / 問い合わせ番号が 090-2025-0417): a
 * number a system issued in a phone's shape, no one's phone.
 */
const OTHER_NUMBER_BEFORE =
  /(?:受付|申請|問い?合わ?せ|整理|管理|予約|伝票|注文|契約|到達|チケット|案件|会員|照会|資産|備品|機器|製造)番号[ \t]*(?:が|は|[:：])?[ \t]*[「『]?$/;

const EXTENSION = /^[ \t]*(?:内線|ext\.?|x)[ \t]*[:：]?[ \t]*\d{1,6}(?![\d\-])/i;

/** Whether the digits (national form) are a Japanese telephone number. */
export function isJapanesePhone(national: string): boolean {
  return (
    /^0[5789]0\d{8}$/.test(national) ||
    /^0120\d{6}$/.test(national) ||
    /^0800\d{7}$/.test(national) ||
    /^0570\d{6}$/.test(national) ||
    /^0[1-9]\d{8}$/.test(national)
  );
}

/** A number dialled from abroad (+1 415-555-0132, +44 20 7946 0958): the plus and 8–15 digits in groups. */
const INTERNATIONAL = /(?<![\w+])\+(?!81)[1-9]\d{0,2}(?:[ \-.]?\(?\d{1,4}\)?){2,5}(?![\w\-])/g;

/**
 * A Korean mobile (010-1234-5678): eleven digits after 010 in 3-4-4, a shape no Japanese number has (010 is only the
 * prefix dialled abroad), in a text written in Hangul or about Korea.
 */
const KOREAN_MOBILE = /(?<![\d\-+.])010[ \-]\d{4}[ \-]\d{4}(?![\d\-])/g;
const KOREAN_TEXT = /[가-힣]|韓国|Korea/;

/** Finds telephone numbers. */
export function detectPhone(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(INTERNATIONAL)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 8 && digits <= 15) spans.push({ type: 'phone', start: m.index, end: m.index + m[0].length });
  }
  if (KOREAN_TEXT.test(normalized))
    for (const m of normalized.matchAll(KOREAN_MOBILE))
      spans.push({ type: 'phone', start: m.index, end: m.index + m[0].length });
  const mainCells = mainNumberCells(normalized);
  for (const m of normalized.matchAll(PHONE)) {
    if (mainCells.some((c) => c.start <= m.index && m.index < c.end)) continue;
    let digits = m[0].replace(/\D/g, '');
    if (m[0].startsWith('+81')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
    if (!isJapanesePhone(digits)) continue;
    // The textbook example (090-1234-5678) or zeros given as a format (「090-1234-5678」のような形式) are no one's.
    const around = normalized.slice(Math.max(0, m.index - 16), m.index + m[0].length + 16);
    if (/12345678$|0{8}$/.test(digits) && FORMAT_WORDS.test(around)) continue;
    // Any number said to be a format's shape (受付番号が 080-2231-0045 のような形式なので) stands for the shape, no one's.
    if (SHAPE_AFTER.test(normalized.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    if (/^0[5789]0\d{7}$/.test(digits)) continue;
    if (MAIN_NUMBER_BEFORE.test(normalized.slice(Math.max(0, m.index - 36), m.index))) continue;
    if (OTHER_NUMBER_BEFORE.test(normalized.slice(Math.max(0, m.index - 16), m.index))) continue;
    // A free dial (0120, 0570, 0800) named by the centre, desk or dial it rings (サポートセンター（…）, 予約専用ダイヤル（…）,
    // ヘルプデスク⏎TEL …, Hotline for …:) is a service's published line (session 36; batches 14–53 leave it unlabelled); one
    // given as a caller's number (折り返し先, 連絡先) or by its kind alone (フリーダイヤル, ナビダイヤル) is still masked.
    // (0800 takes ten digits: 080-0000-… is a mobile; the window reaches past the dial's kind: フリー|ダイヤル.)
    const free = /^0(?:120|570)/.test(digits) || (/^0800/.test(digits) && digits.length === 10);
    if (free && SERVICE_LINE_BEFORE.test(normalized.slice(Math.max(0, m.index - 40), m.index))) continue;
    // Geographic numbers only: free dials (0120, 0570, 0800) of a vendor's desk are labelled either way across batches.
    const fixed = /^0[1-9]/.test(digits) && !/^0(?:[5789]0|120|570|800)/.test(digits);
    if (fixed && OFFICE_BEFORE.test(normalized.slice(Math.max(0, m.index - 20), m.index))) continue;
    if (fixed && OFFICE_AFTER.test(normalized.slice(m.index + m[0].length, m.index + m[0].length + 20))) continue;
    // An extension dialled after the number is part of it (0263-48-1192 内線3315, … ext. 214).
    const extension = EXTENSION.exec(normalized.slice(m.index + m[0].length))?.[0].length ?? 0;
    spans.push({ type: 'phone', start: m.index, end: m.index + m[0].length + extension });
  }
  for (const m of normalized.matchAll(LABELLED_ANY_GROUPING)) {
    const at = m.indices?.[1];
    // Only a grouping no phone number has: one in the usual shape was read (or left as a format's) above.
    if (at && isJapanesePhone(m[1]!.replace(/\D/g, '')) && !PHONE_ONCE.test(m[1]!))
      spans.push({ type: 'phone', start: at[0], end: at[1] });
  }
  return spans;
}
