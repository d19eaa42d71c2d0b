/**
 * 生年月日: a date after 生年月日 / 誕生日 / 生まれ, or directly before 生まれ. Western years and
 * the eras 大正・昭和・平成・令和 (also S/H/R abbreviations). Other dates (an outage, a deadline) stay.
 */
import { valuesAfter } from '../context';
import type { PiiSpan } from '../types';

const NUM = '[\\d〇一二三四五六七八九十]{1,3}';
// An era's initial in either case (h7/6/30 as typed), not a word's last letter (the s of "is 11/05/1986").
const ERA = `(?:(?:明治|大正|昭和|平成|令和|[明大昭平令](?=[\\d元〇一二三四五六七八九十])|(?<![A-Za-z])[MTSHRmtshr])[ \\t]?(?:${NUM}|元))`;
/** A full date, western or Japanese era (exported for dates in brackets after a name). */
// 1952年（昭和27年）3月3日: the era year in brackets after the western one.
// 昭和50年の7月3日: a spoken の between the year and the month.
export const DATE_BODY = `(?:(?:1[89]|20)\\d{2}年[（(]${ERA}年[）)]|(?:(?:1[89]|20)\\d{2}|${ERA})[ \\t]?(?:年の?|[/.\\-]))[ \\t]?${NUM}[ \\t]?[月/.\\-][ \\t]?${NUM}日?`;
// After 誕生日 a month and day alone are enough (２月３日).
// English: 14 MAR 1995, July 4, 2023.
// Any case (JULY, july), spelt out letter by letter: the date patterns take no i flag, which would let an era's
// initial match a lower-case letter (the s of "is 11/05/1986" read as Shōwa 11).
const anyCase = (word: string): string => [...word].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('');
const MONTHS = `(?:${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'].map(anyCase).join('|')})[A-Za-z]*\\.?`;
// After a birth keyword also 12/03/1990 (day or month first, as foreign forms write it).
const ORDINAL = '(?:st|nd|rd|th)?';
// The day spelt out (the fifteenth of August, 1939), as a relative telling it says it.
const ORDINAL_WORD = `(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`;
/**
 * The months in the languages residents write (general knowledge: Spanish, Portuguese — read without accents, março as
 * marco —, Tagalog, Indonesian): 12 Enero 1948, 05 de março de 1994, Hulyo 8, 1985, 17 Agustus 1990.
 */
const FOREIGN_MONTHS = `(?:${[
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?tiembre|octubre|noviembre|diciembre',
  'janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro',
  'pebrero|marso|hunyo|hulyo|setyembre|oktubre|nobyembre|disyembre',
  'januari|februari|maret|mei|juni|juli|agustus|oktober|desember',
]
  .join('|')
  .split('|')
  .map(anyCase)
  .join('|')})`;
const FOREIGN_DATE = `\\d{1,2} (?:de )?${FOREIGN_MONTHS},? (?:de )?(?:19|20)\\d{2}|${FOREIGN_MONTHS} \\d{1,2},? (?:19|20)\\d{2}`;
const ENGLISH_DATE = `\\d{1,2}${ORDINAL} (?:of )?${MONTHS},? (?:19|20)\\d{2}|${MONTHS} \\d{1,2}${ORDINAL},? (?:19|20)\\d{2}|(?:the )?(?:${ORDINAL_WORD}) of ${MONTHS},? (?:19|20)\\d{2}|${FOREIGN_DATE}`;
/** A date in hiragana, as a form filled in for an elderly resident is (しょうわ14ねん 3がつ 2日). */
const KANA_DATE =
  '(?:めいじ|たいしょう|しょうわ|へいせい|れいわ)[ \\t]?(?:\\d{1,2}|がん)[ \\t]?ねん[ \\t]?\\d{1,2}[ \\t]?がつ[ \\t]?\\d{1,2}[ \\t]?(?:にち|日)?';
/** A date as Korean writes it (1996년 2월 11일). */
const KOREAN_DATE = '(?:19|20)\\d{2}년[ \\t]?\\d{1,2}월[ \\t]?\\d{1,2}일';
/** A date as Vietnamese writes it, the day first (03 tháng 11 năm 1996: day 3 of month 11 of the year 1996). */
const VIETNAMESE_DATE = '\\d{1,2} th[aá]ng \\d{1,2},? n[aă]m (?:19|20)\\d{2}';
const NUMERIC_DMY = '\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:19|20)\\d{2}';
// A two-digit year as old systems and forms keep it (63/07/21, 85/3/3), after a birth keyword only.
const SHORT_YEAR = '(?<![\\d/.\\-])\\d{2}[/.\\-]\\d{1,2}[/.\\-]\\d{1,2}(?![\\d/.\\-])';
/**
 * A date as one number, as systems and file names keep it: YYYYMMDD, or an era's initial and YYMMDD (19850722, S600722;
 * exported for dates beside a name).
 */
export const COMPACT_DATE = '(?:(?:19|20)\\d{2}|[MTSH]\\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
// After a birth keyword also such a number (生年月日19850722, 生年月日：S600722).
const COMPACT = `(?<!\\d)(?:${COMPACT_DATE})(?!\\d)`;
const DATE = new RegExp(
  `${DATE_BODY}|${NUM}[ \\t]?月[ \\t]?${NUM}[ \\t]?日|${ENGLISH_DATE}|${NUMERIC_DMY}|${SHORT_YEAR}|${COMPACT}|${KANA_DATE}|${KOREAN_DATE}|${VIETNAMESE_DATE}`,
);
/** An era or a calendar's short name (B.S., A.D., 陰暦), then the date in brackets. */
const OTHER_CALENDAR = new RegExp(
  `^[ \\t]*(?:[A-Z][A-Z.]{0,5}[ \\t]*)?[（(][ \\t]*(${DATE_BODY}|${NUMERIC_DMY})[ \\t]*[）)]`,
  'd',
);
/** The month and day of a date (western digits only: kanji numerals are read as digits by the normaliser). */
const MONTH_DAY = /(?:年の?|[/.\-])[ \t]?(\d{1,2})[ \t]?[月/.\-][ \t]?(\d{1,2})/;
/** A date with the year last (07/04/1989): day and month in either order, as writers abroad put them. */
const YEAR_LAST = /^(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{4}$/;
// Also as foreign residents' forms say it (nascimento, fecha de nacimiento, tanggal lahir, ngày sinh, kapanganakan,
// kaarawan, 생년월일, जन्म मिति, дата рождения, วันเกิด, تاريخ الميلاد) and as they tell it (nasci em, nasceu em, nació el, ipinanganak noong, sinh ngày, 태어났,
// Indonesian lahir "born").
const CONTEXT =
  /生年月日|誕生日|生まれ|うまれ|出生日|ｾｲﾈﾝｶﾞｯﾋﾟ|せいねんがっぴ|たんじょうび|birth ?day|birth ?date|date of birth|DOB|born(?: on)?|nascimento|nascid[oa] em|nasci em|nasceu(?: em)?|nacimiento|nacid[oa] el|naci[oó] el|tanggal lahir|\blahir\b|ngay sinh|sinh ngay|kapanganakan|ipinanganak(?: noong)?|kaarawan|생년월일|생일|태어났|जन्म ?मिति|дата рождения|родил(?:ся|ась)|วันเกิด|تاريخ الميلاد|تاريخ الولادة/i;
/** A birth field (label and colon) whose line goes on to an arrow: what follows the arrow corrects the value. */
const CORRECTED_AFTER_LABEL = /(?:生年月日|誕生日|date of birth|DOB)[ \t]*[:：][^\n。]{0,30}?(?:→|->|⇒)/i;
/** A birth label alone on its line, the value on the next (a web form's confirmation screen copied). */
// … maybe after a bullet or in a heading's brackets (■生年月日, 【生年月日】, session 37 c: forms exported as text).
const LABEL_LINE =
  /(?:^|\n)[ \t]*[■□●○◆◇◎・※▼▶＊*#]*[ \t]*[【\[]?(?:生年月日|誕生日|せいねんがっぴ)[】\]]?[ \t]*[:：]?[ \t]*\n[ \t]*/;
/** Another date's label: a date named so (カードの有効期限は 2026年2月11日) is that date, whatever its month and day. */
const OTHER_DATE_LABEL =
  /(?:有効期限|期限|期日|交付日|発行日|更新日|申請日|受付日|予約日|締切|締め切り|満了日?|開始日|終了日|予定日|expir(?:y|es|ation)(?: date)?|valid until)[ \t]*(?:は|が|:|：)?[ \t]*$/i;
const OLD_ERA_SHORT = /(?<![\w.\/=-])([MTS])[ \t]?(\d{1,2})([./])(\d{1,2})\3(\d{1,2})(?![\w.\/-])/g;
const ENGLISH_CONTEXT = /\b(?:DOB|D\.O\.B\.|[Dd]ate of [Bb]irth|[Bb]irth ?[Dd]ate|[Bb]irthday|[Bb]irth(?=\s*:))\b/g;
const DATE_OF_PERSON = new RegExp(`${DATE_BODY}(?=[ \\t]*の(?:人|者|子|男性|女性|お子さん))`, 'g');
// Also a Korean date before 생 (born: 2020년 5월 8일생).
// … and before Chinese 出生 (2021年10月5日出生, "born on").
const BEFORE_BORN = new RegExp(`${DATE_BODY}(?=[ \\t]?(?:生まれ|生|うまれ|出生))|${KOREAN_DATE}(?=생)`, 'g');

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** 「7/21」 of a date written with the year first or in English (July 21, 1979; 21 JUL 1979). */
function monthDayOf(date: string): string[] {
  const last = YEAR_LAST.exec(date);
  if (last) return [`${Number(last[2])}/${Number(last[1])}`, `${Number(last[1])}/${Number(last[2])}`];
  const one = oneMonthDayOf(date);
  return one === undefined ? [] : [one];
}

function oneMonthDayOf(date: string): string | undefined {
  const numeric = MONTH_DAY.exec(date);
  if (numeric) return numeric.slice(1).map(Number).join('/');
  const english = /(\d{1,2}) ([a-z]{3})|([a-z]{3})[a-z]*\.? (\d{1,2})\b/i.exec(date);
  const month = MONTH_NAMES.indexOf((english?.[2] ?? english?.[3] ?? '').toLowerCase()) + 1;
  return english && month > 0 ? `${month}/${Number(english[1] ?? english[4])}` : undefined;
}

/** A system's null date (1900/01/01, 1900-01-01): dummy data, no one's birthday. */
const NULL_DATE = /^1900[/.\-]0?1[/.\-]0?1$/;
/** A western year before 1900: a historical figure's, no living person's (夏目漱石 1867年2月9日). */
const BEFORE_LIVING = /^1[0-8]\d{2}\D/;

/** Finds dates of birth. */
export function detectBirthDate(normalized: string): PiiSpan[] {
  return findBirthDates(normalized).filter((s) => {
    const date = normalized.slice(s.start, s.end);
    return !NULL_DATE.test(date) && !BEFORE_LIVING.test(date);
  });
}

function findBirthDates(normalized: string): PiiSpan[] {
  const spans = valuesAfter(normalized, 'birth_date', CONTEXT, DATE, 10);
  // English puts more words between (DOB field contains 1955-12-03, date of birth on the form is 3rd Dec 1955).
  spans.push(...valuesAfter(normalized, 'birth_date', ENGLISH_CONTEXT, DATE, 28));
  // The value corrected after an arrow on the label's line (生年月日：明治の終わり？→ 本人確認で 大正元年10月1日).
  spans.push(...valuesAfter(normalized, 'birth_date', CORRECTED_AFTER_LABEL, DATE, 12));
  // A form copied label above value (生年月日⏎1976年11月3日).
  spans.push(...valuesAfter(normalized, 'birth_date', LABEL_LINE, DATE, 0));
  // The same date in another calendar in brackets right after it (2049/05/12 B.S. (1992-08-28), 1990.4.17（陰暦）).
  for (const first of [...spans]) {
    const other = OTHER_CALENDAR.exec(normalized.slice(first.end, first.end + 40));
    if (other?.indices?.[1])
      spans.push({ type: 'birth_date', start: first.end + other.indices[1][0], end: first.end + other.indices[1][1] });
  }
  // The same date written another way later in the sentence (1985年7月3日 と入力すると「昭和60年7月3日」と表示).
  for (const first of [...spans]) {
    const monthDay = monthDayOf(normalized.slice(first.start, first.end));
    // The same date said again nearby, also in the next sentence (DOB: 85/3/3 …。1985年3月3日で登録してよいか).
    const sentence = /^[^\n]{0,80}/.exec(normalized.slice(first.end))?.[0] ?? '';
    for (const d of sentence.matchAll(new RegExp(`${DATE_BODY}|${ENGLISH_DATE}`, 'g')))
      if (
        monthDayOf(d[0]).some((md) => monthDay.includes(md)) &&
        !OTHER_DATE_LABEL.test(normalized.slice(Math.max(0, first.end + d.index - 14), first.end + d.index))
      )
        spans.push({ type: 'birth_date', start: first.end + d.index, end: first.end + d.index + d[0].length });
  }
  // An era's initial before a full date (S19.1.9, T14.3.5): how registers and staff abbreviate the birth dates of the
  // elderly; events and deadlines are written in the current era or in full.
  for (const m of normalized.matchAll(OLD_ERA_SHORT)) {
    const [era, year, month, day] = [m[1]!, Number(m[2]), Number(m[4]), Number(m[5])];
    const lastYear = { M: 45, T: 15, S: 64 }[era as 'M' | 'T' | 'S'];
    const version = /(?:バージョン|ver(?:sion)?\.?|リリース|版)[ \t:：]*$/i.test(
      normalized.slice(Math.max(0, m.index - 12), m.index),
    );
    if (year >= 1 && year <= lastYear && month >= 1 && month <= 12 && day >= 1 && day <= 31 && !version)
      spans.push({ type: 'birth_date', start: m.index, end: m.index + m[0].length });
  }
  // In a text about a birth date, a date that says who someone is (…生年月日でしぼりたいのですが、H3.5.21 の人です).
  if (CONTEXT.test(normalized))
    for (const m of normalized.matchAll(DATE_OF_PERSON))
      spans.push({ type: 'birth_date', start: m.index, end: m.index + m[0].length });
  for (const m of normalized.matchAll(BEFORE_BORN)) {
    spans.push({ type: 'birth_date', start: m.index, end: m.index + m[0].length });
  }
  // The dates in the brackets right after a clause about birth dates, each after whose it is (…の生年月日が入れ替わってた
  // （はると：令和2年4月2日、そうま：令和4年1月19日）).
  for (const m of normalized.matchAll(BIRTH_THEN_BRACKET)) {
    const inside = m.index + m[0].length - m[1]!.length - 1;
    for (const d of m[1]!.matchAll(new RegExp(`(?<=[:：][ \t]?)(?:${DATE_BODY})`, 'g')))
      spans.push({ type: 'birth_date', start: inside + d.index, end: inside + d.index + d[0].length });
  }
  return spans;
}

/** A clause about birth dates, then brackets holding them. */
const BIRTH_THEN_BRACKET = /(?:生年月日|誕生日)[^。\n（(]{0,20}[（(]([^（()）\n]{1,100})[）)]/g;
