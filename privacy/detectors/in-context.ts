/**
 * Numbers that are personal data only after their keyword: 口座番号 (7 digits; 支店番号 3 digits),
 * 基礎年金番号 (4-6), 住民票コード (11 digits), 旅券番号 (see detectPassport) and the numbers of
 * a health or care insurance card (被保険者番号, 保険証の記号・番号).
 */
import { shapedValues, valuesAfter } from '../context';
import type { PiiSpan } from '../types';

/**
 * 口座番号 and 支店番号. A branch's number is a part of someone's account only beside the account's number: alone (金融機関
 * コード 0000、支店コード 123 のまま登録されている, a master table's or a form's fields) it names a bank's branch.
 */
export function detectBankAccount(normalized: string): PiiSpan[] {
  const accounts = accountNumbers(normalized);
  if (accounts.length === 0) return [];
  return [
    ...accounts,
    ...valuesAfter(normalized, 'bank_account', /支店番号|店番号|店番|支店コード/, /(?<!\d)\d{3}(?!\d)/, 6),
  ];
}

function accountNumbers(normalized: string): PiiSpan[] {
  return [
    ...valuesAfter(
      normalized,
      'bank_account',
      // Also as voice input writes the label in hiragana (こうざばんごうは ぜろ ぜろ なな …).
      /口座番号|こうざばんごう|口座|普通預金|当座預金|普通|当座|account/i,
      /(?<![\d\-])\d{7}(?![\d\-])|(?<![\d\-])\d{3}-\d{4}(?![\d\-])/,
      16,
    ),
    // In English the number may come a few words after (account number changed to 0098123).
    ...valuesAfter(
      normalized,
      'bank_account',
      /\b(?:bank )?account (?:number|no\.?)/i,
      /(?<![\d\-])\d{7}(?![\d\-])/,
      24,
    ),
    // The account number's label in residents' languages (계좌번호, número de cuenta / da conta, nomor rekening, số tài khoản).
    ...valuesAfter(
      normalized,
      'bank_account',
      /계좌번호|계좌|n[uú]mero de cuenta|n[uú]mero da conta|nomor rekening|so tai khoan|numero ng account/i,
      /(?<![\d\-])\d{7}(?![\d\-])/,
      12,
    ),
    // … and in Vietnamese the bank's name and branch written between the label and the number in the same sentence
    // (Số tài khoản: Ngân hàng …, chi nhánh …, số 5501926).
    ...valuesAfter(normalized, 'bank_account', /s[ốo] t[àa]i kho[ảa]n/i, /(?<![\d\-])\d{7}(?![\d\-])/, 60),
    // The account's word right before the number (agência Centro, conta 2209173), and the transfer's destination
    // (振込先が 7045281).
    ...valuesAfter(normalized, 'bank_account', /\bconta\b|\bcuenta\b|振込先/i, /(?<![\d\-])\d{7}(?![\d\-])/, 4),
    // The kind of account in English, romaji or Korean right before the number (futsu 1038274, Savings 3029184, 보통
    // 1204577), and the account's abbreviation (Acct 2290418).
    ...valuesAfter(
      normalized,
      'bank_account',
      /\b(?:futsu|futsuu|touza|toza|savings|ordinary|checking|current account|acct\.?(?: no\.?)?)(?![A-Za-z])|보통(?:예금)?|당좌/i,
      /(?<![\d\-])\d{7}(?![\d\-])/,
      4,
    ),
    // Six to eight digits right after the kind of account (普通 332058: a record with a digit missing is still one).
    ...valuesAfter(normalized, 'bank_account', /普通|当座/, /(?<![\d\-])\d{6,8}(?![\d\-年月日件円人回])/, 2),
    // A number of six or eight digits right after 口座番号 (a record with a digit missing is still the account's).
    ...valuesAfter(normalized, 'bank_account', /口座番号/, /(?<![\d\-])\d{6,8}(?![\d\-])/, 4),
    // … and seven digits spaced one by one on the line under the label, as a scanned form's text gives them
    // (口座番号⏎0 4 8 1 1 2 6).
    ...valuesAfter(normalized, 'bank_account', /口座番号[ \t]*\n[ \t]*/, /(?<![\d ])\d(?: \d){6}(?![ ]?\d)/, 0),
    // … and seven digits in groups no account is written in (口座番号：00-31-442, the number mistyped).
    ...valuesAfter(normalized, 'bank_account', /口座番号/, /(?<![\d\-])\d{1,5}(?:-\d{1,5}){1,3}(?![\d\-])/, 4).filter(
      (s) => normalized.slice(s.start, s.end).replace(/\D/g, '').length === 7,
    ),
    // ゆうちょ銀行: 記号 5 digits and 番号 up to 8 digits.
    // 記号 and 番号 written as one (10170-28461951), before 記号 alone: the first span kept wins.
    ...valuesAfter(
      normalized,
      'bank_account',
      /ゆうちょ|通常貯金|振替口座|\b(?:Yucho|JP Bank|Japan Post Bank)\b/i,
      /(?<!\d)\d{5}[ \-]\d{6,8}(?!\d)/,
      16,
    ),
    // … and after 記号番号 in the sentence after the one naming the bank (ゆうちょに変えたいです。記号番号 10280-00417352).
    ...valuesAfter(normalized, 'bank_account', /記号番号/, /(?<!\d)\d{5}[ \-]\d{6,8}(?!\d)/, 4).filter((span) =>
      /ゆうちょ|通常貯金|振替口座/.test(sentenceBefore(normalized, span.start)),
    ),
    ...valuesAfter(normalized, 'bank_account', /ゆうちょ|通常貯金|振替口座/, /(?<!\d)\d{5}(?!\d)/, 8),
    // 記号 and 番号 said apart after a ゆうちょ account is mentioned, also in the next sentence (…登録できません。記号 12340、番号 56789012).
    ...yuchoParts(normalized),
  ];
}

const YUCHO = /ゆうちょ|通常貯金|振替口座|\b(?:Yucho|JP Bank|Japan Post Bank)\b/gi;

/** 記号 (5 digits) and 番号 (6–8 digits) within 80 characters after a ゆうちょ account's keyword. */
function yuchoParts(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const k of normalized.matchAll(YUCHO)) {
    const from = k.index + k[0].length;
    const window = normalized.slice(from, from + 80);
    for (const m of window.matchAll(
      /(?:記号|番号|[Ss]ymbol|[Nn]umber|[Cc]ode)[ \t]*[:：]?[ \t]*(?:は[ \t]*)?(\d{5,8})(?!\d)/dg,
    )) {
      const digits = m[1] ?? '';
      const at = m.indices?.[1];
      if (!at || (/^(?:記号|[Ss]ymbol|[Cc]ode)/.test(m[0]) ? digits.length !== 5 : digits.length < 6)) continue;
      spans.push({ type: 'bank_account', start: from + at[0], end: from + at[1] });
    }
  }
  return spans;
}

/** 基礎年金番号: 4 + 6 digits. */
export function detectPensionNumber(normalized: string): PiiSpan[] {
  const near = valuesAfter(
    normalized,
    'pension_number',
    // Also as voice input writes it in hiragana, and in romaji (the nenkin number is …).
    /基礎年金番号|年金番号|年金の番号|年金手帳|ねんきん定期便|(?:きそ)?ねんきんばんごう|pension (?:number|no\.?)|nenkin (?:number|no\.?|bango)|연금번호/i,
    // Ten digits, copied from the book in any grouping (12-34 567890) — but a phone's shape is the phone's.
    /(?<!\d)\d{4}(?:[ \-]| - )?\d{6}(?!\d)|(?<![\d-])\d(?:[ \-]?\d){9}(?![\d-])/,
    14,
  ).filter((x) => {
    const value = normalized.slice(x.start, x.end);
    // A phone's shape is the phone's; zeros are a dummy (基礎年金の番号は 0000-000000 のダミー).
    return !/^0\d{1,4}-\d{1,4}-\d{4}$/.test(value) && !/^0{4}[ \-]?0{6}$/.test(value);
  });
  // In a text about a pension, the number's own shape (4302-815967) further on: no other number is written so (also in
  // English: a pension notice with number …; session 36: in residents' languages as the normaliser writes them — Portuguese
  // pensão, Spanish pensión, Vietnamese lương hưu, Indonesian pensiun, Tagalog pensyon).
  if (!/基礎年金|年金番号|年金手帳|\bpension\b|\bpens(?:ao|ion|iun|yon)\b|\bluong huu\b/i.test(normalized)) return near;
  const shaped = shapedValues(normalized, 'pension_number', /(?<![\d\-])\d{4}-\d{6}(?![\d\-])/g);
  // Zeros and the counting digits (1234-567890) show the shape, no one's number.
  return [...near, ...shaped.filter((x) => !/^0{4}-0{6}$|^1234-567890$/.test(normalized.slice(x.start, x.end)))];
}

// 住民表: the same reading, a common slip of the input method.
// Also in Chinese (住民票编码 / 編碼 / 代码, session 37 b).
const RESIDENT_CODE_KEYWORD =
  /住民[票表](?:コード|ｺｰﾄﾞ|编码|編碼|代码|代碼)|住民[票表]番号|じゅうみんひょう(?:こーど|ばんごう)|ｼﾞｭｳﾐﾝﾋｮｳ(?:ｺｰﾄﾞ|ﾊﾞﾝｺﾞｳ)|ジュウミンヒョウ(?:コード|バンゴウ)|住基(?:コード|ｺｰﾄﾞ)|j[uū]minh?y[oō][_ -]?code|resident (?:record )?code/i;

/**
 * 住民票コード: 11 digits in any grouping right after its keyword; further on in the same sentence (住民票コード記載
 * ありを選んだら、コード欄に 99397874890), 11 digits in one run that is no mobile number.
 */
export function detectResidentCode(normalized: string): PiiSpan[] {
  const near = valuesAfter(normalized, 'resident_code', RESIDENT_CODE_KEYWORD, /(?<!\d)\d(?:[ \-]?\d){10}(?!\d)/, 14);
  const far = valuesAfter(
    normalized,
    'resident_code',
    RESIDENT_CODE_KEYWORD,
    /(?<![\d\-])(?!0[5789]0)\d{11}(?![\d\-])/,
    60,
  );
  return [...near, ...far.filter((f) => !near.some((n) => n.start === f.start))];
}

const PASSPORT_NUMBER =
  /(?<![A-Za-z0-9])(?:[A-Za-z]{2}[ \-]?\d{6,7}|[A-Za-z]\d{7,8}|[A-Za-z]\d{7}[A-Za-z]|\d{8,9}|(?=[A-Z0-9]{9}(?![A-Za-z0-9]))(?=(?:[A-Z0-9]*\d){4})(?=(?:[A-Z0-9]*[A-Z]){2})[A-Z0-9]{9})(?![A-Za-z0-9])/;

/**
 * 旅券番号: Japan's two letters and seven digits, and the shapes of foreign residents' passports — a
 * letter and 7 or 8 digits (China E12345678, Viet Nam C1234567, Korea M12345678), a letter, 7 digits and a
 * letter (Philippines P1234567A), two letters and 6 digits, 8 or 9 digits (Nepal, USA), nine letters and digits
 * (Germany C4F7K92LT); a residence card's number anywhere. The label also as voice input writes it (ぱすぽーと) and in
 * Nepali (पासपोर्ट, राहदानी; session 37 b).
 */
export function detectPassport(normalized: string): PiiSpan[] {
  const near = valuesAfter(
    normalized,
    'passport',
    /旅券|パスポート|ﾊﾟｽﾎﾟｰﾄ|ぱすぽーと|りょけん|护照|護照|여권|passport|passaporte|pasaporte|paspor|ho chieu|паспорт|หนังสือเดินทาง|पासपोर्ट|राहदानी|جواز/i,
    PASSPORT_NUMBER,
    24,
  );
  // A residence card's number (在留カード: two letters, eight digits, two letters) has a shape no other number has.
  near.push(...shapedValues(normalized, 'passport', /(?<![A-Za-z0-9])[A-Z]{2}\d{8}[A-Z]{2}(?![A-Za-z0-9])/g));
  // In a text about a passport, a Japanese passport's own shape (two capitals and seven digits) further on, and any
  // passport's shape right after No. / 番号 (Passport copy received: Republic of Korea, No. M70415286).
  if (!/旅券|パスポート|ﾊﾟｽﾎﾟｰﾄ|ぱすぽーと|りょけん|여권|passport/i.test(normalized)) return near;
  near.push(
    ...valuesAfter(
      normalized,
      'passport',
      /\b(?:No\.|Number:?)|番号[:：]?/,
      /(?<![A-Za-z0-9])[A-Z]{1,2}\d{7,8}[A-Z]?(?![A-Za-z0-9])/,
      2,
    ),
  );
  const shaped = shapedValues(normalized, 'passport', /(?<![A-Za-z0-9\-])[A-Z]{2}\d{7}(?![A-Za-z0-9\-])/g);
  return [...near, ...shaped];
}

// 保検: the same reading as 保険, a common slip of the input method. the bao hiem: Vietnamese (thẻ bảo hiểm) unaccented.
// Thai ผู้เอาประกัน (the insured) and บัตรประกัน (insurance card), session 37 b.
// ほけんしょう, ひほけんしゃばんごう: as voice input writes the labels.
const INSURANCE =
  /\b[Ii]nsur(?:er|ed|ance card)(?: person)? (?:[Nn]o\.?|[Nn]umber)|\b[Hh]ealth insurance (?:card )?(?:[Nn]o\.?|[Nn]umber)|\bseguro (?:nacional )?de sa[uú]de|\bn[uú]mero do segurado|\bn[uú]mero de asegurado|\bthe bao hiem|\b(?:[Nn]o\.?|[Nn]omor|[Kk]artu) asuransi|保[险險][证證]|医保卡|ผู้เอาประกัน|บัตรประกัน|ほけんしょう|ひほけんしゃ(?:しょう|ばんごう)|被保[険検]者番号|保[険検]者番号|被保[険検]者証|保[険検]証|(?:介護|健康)保[険検](?![課係室])(?=[^。\n]{0,12}(?:証|番号|記号))|記号番号|保[険検]番号|(?:国保|健保|けんぽ|共済組合|後期高齢者?医療)[^。\n]{0,16}?(?<!口座|金融機関|支店|店)(?=記号|番号)/g;
const CARD_NAMES = /資格確認書|マイナ保険証|組合員証|加入者証/g;
/** Where a card's 記号 and 番号 fields belong to an insured person (被保険者の…, insurance card: 記号 …). */
const INSURED = /被保[険検]者|保[険検]証|国保|健保|後期高齢|insurance/gi;
const BANK_BEFORE = /(?:ゆうちょ|銀行|貯金|口座)[^。\n]*$/;
/** The text before `at` in its sentence and the sentence before it, at most 40 characters (its 。 read as a comma). */
const sentenceBefore = (normalized: string, at: number): string =>
  normalized.slice(Math.max(0, at - 40), at).replace(/。(?=[^。]*$)/, '、');
const OTHER_LABEL =
  /氏名|名前|生年月日|住所|電話|連絡先|折り?返し|携帯|メール|個人番号|マイナンバー|基礎年金番号|口座番号|旅券番号|なまえ|せいねんがっぴ|たんじょうび|じゅうしょ|でんわ/;
const VALUE = /(?<![\w\-])[A-Za-z0-9](?:[\-・]?[A-Za-z0-9]){1,19}(?![\w])/g;

/** A card's 記号 with its prefecture or city written before the digits (記号 奈良01, 札幌01, 宮崎12). */
const KANJI_SYMBOL = /記号[ \t]*[:：]?[ \t]*「?([一-龥]{1,3}[0-9]{1,8})(?![\d])/dg;
/**
 * 記号 and 番号 fields together (記号：01120034　番号：12, 記号 201、番号 4477, 記号「北12」番号「3308」, 記号 あお21; a symbol
 * of kana alone, 記号 ひば, is no number but its 番号 is) within 120
 * characters after an insurance keyword, at a line's or a sentence's start or after で / の / は.
 */
const SYMBOL_LINE =
  /(?:^|(?<=[。、:：\s（(]|[^\n]{0,20}[でのは]))[ \t・]*記号[ \t]*[:：]?[ \t]*「?((?:[一-龥]{1,3}|[ぁ-んァ-ヶ]{1,4})?\d[^\s、,「」）)]{0,11}?|[ぁ-んァ-ヶ]{1,4})」?[ \t]*[、,]?[ \t]*\n?[ \t・]*番号[ \t]*[:：]?[ \t]*「?(\d{1,10})(?![\d])/dgm;

/** Every number in the rest of the sentence after an insurance keyword (記号 and 番号 both). */
export function detectInsuranceNumber(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const found = [...normalized.matchAll(INSURANCE)];
  // The card that replaced the insurance certificate (資格確認書) names one too, for the 記号 and 番号 fields only: its
  // sentence speaks of printing and errors, not of numbers.
  const cards = [...found, ...normalized.matchAll(CARD_NAMES)];
  const near = (at: number): boolean => cards.some((k) => k.index < at && at - k.index <= 120);
  const insured = [...normalized.matchAll(INSURED)];
  const nearInsured = (at: number): boolean => near(at) || insured.some((k) => k.index < at && at - k.index <= 120);
  for (const m of normalized.matchAll(KANJI_SYMBOL)) {
    const at = m.indices?.[1];
    if (at && near(m.index + 1)) spans.push({ type: 'insurance_number', start: at[0], end: at[1] });
  }
  for (const m of normalized.matchAll(SYMBOL_LINE)) {
    if (!nearInsured(m.index + 1) || BANK_BEFORE.test(normalized.slice(Math.max(0, m.index - 40), m.index))) continue;
    for (const at of [m.indices?.[1], m.indices?.[2]])
      if (at && /\d/.test(normalized.slice(at[0], at[1])))
        spans.push({ type: 'insurance_number', start: at[0], end: at[1] });
  }
  for (const k of found) {
    // ゆうちょ's 記号番号 is a bank account (detectBankAccount), not an insurance card's — also when the bank is named in
    // the sentence before (…ゆうちょに変えたいです。記号番号 10280-…).
    if (k[0] === '記号番号' && BANK_BEFORE.test(sentenceBefore(normalized, k.index))) continue;
    const from = k.index + k[0].length;
    // The sentence after the keyword, up to another item's label (氏名, 生年月日, a phone's 折り返し …).
    // (An English sentence ends at a full stop and a space: Insured no. 4417-0926. She was born on 22nd July 1979.)
    // A label alone on its line has its number on the next (Health insurance no.⏎38801247, as a form is copied).
    // … also under the card's 番号 field on its own line (国保 被保険者証⏎番号⏎00274415), or in groups (0001 4427 90).
    const below =
      /^[ \t]*[:：]?[ \t]*\n(?:[ \t]*番号[ \t]*[:：]?[ \t]*\n)?([ \t]*(?:\d{6,10}|\d{2,5}(?: \d{2,5}){1,3})[ \t]*)(?=\n|$)/.exec(
        normalized.slice(from, from + 40),
      );
    const rest = below
      ? ' '.repeat(below[0].length - below[1]!.length) + below[1]!
      : ((normalized.slice(from, from + 40).split(/[。\n]|\.\s/)[0] ?? '').split(OTHER_LABEL)[0] ?? '');
    for (const v of rest.matchAll(VALUE)) {
      // A job or file name (JOB-KAIGO-M01) is no card number: numbers have few letters.
      if (!/\d/.test(v[0]) || (v[0].match(/[A-Za-z]/g)?.length ?? 0) >= 3) continue;
      // A number the 40 characters' window cuts short is read whole by the next keyword's window, if any.
      if (/^[A-Za-z0-9]/.test(normalized.slice(from + v.index + v[0].length, from + v.index + v[0].length + 1)))
        continue;
      // A mobile number or a count (14年, 65歳) is no insurance number.
      if (/^0[5789]0-?\d{4}-?\d{4}$/.test(v[0]) || /^[年月日歳才円枚件回人か]/.test(rest.slice(v.index + v[0].length)))
        continue;
      // A value going on with a point and a digit or a percent sign is a ratio or a date (登録率 52.3%, S33.4.1).
      if (/^(?:\.\d|[%％])/.test(rest.slice(v.index + v[0].length))) continue;
      // A number grouped by thousands (22,418件) is a count or an amount.
      if (/^,\d{3}/.test(rest.slice(v.index + v[0].length)) || /\d,$/.test(rest.slice(0, v.index))) continue;
      // An extension or a phone the call went to (→ 保険年金課へ転送（内線2231）) is the office's, not the card's.
      if (/(?:内線|ext\.?|TEL|FAX|電話|代表番号|代表)[ \t:：はが]*$/i.test(rest.slice(0, v.index))) continue;
      // 枝番 (01, 02 …) numbers the people of one card's household: no one's number by itself.
      if (/枝番[ \t:：「]*$/.test(rest.slice(0, v.index))) continue;
      spans.push({ type: 'insurance_number', start: from + v.index, end: from + v.index + v[0].length });
    }
  }
  return joinedGroups(normalized, spans);
}

/**
 * A number printed in groups of digits one space apart (0001 4427 90, as a card prints it) is one value: insurance
 * spans of digits alone with a single space between them are joined.
 */
function joinedGroups(normalized: string, spans: PiiSpan[]): PiiSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: PiiSpan[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    const digits = (x: PiiSpan): boolean => /^\d+(?: \d+)*$/.test(normalized.slice(x.start, x.end));
    if (last && s.start === last.end + 1 && normalized[last.end] === ' ' && digits(last) && digits(s))
      out[out.length - 1] = { ...last, end: s.end };
    else out.push(s);
  }
  return out;
}
