/**
 * The words of a dictated text, as a speech recogniser separates them: by spaces, and by the commas it writes for a
 * pause (ぜろはちぜろ、ぜろぜろろくご、よんきゅういちなな; 2 2 0 4、5 5 1 8、0 9 7 3). Groups of digits joined by の without
 * spaces (折り返しは090の0027の8812で) are words of their own, what stands before and after them in the word others; a date said in kana words
 * (しょうわ よんじゅうごねん、ろくがつ、にじゅうさんにち) is read as its era, digits and counters (昭和 45 年 6 月 23 日).
 */

/** One word of a dictated text and where it stands. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Groups of digits joined by の inside a word (折り返しは090の0031の7755で): what stands before, the groups, the rest. */
const JOINED_GROUPS = /^(.*?)(?<!\d)(\d+(?:の\d+)+)(.*)$/s;

/** Three digit words or more said in kana, の right after them. */
const KANA_GROUP_THEN_NO = /^((?:ぜろ|れい|まる|いち|に|さん|よん|ご|ろく|なな|はち|きゅう){3,})の$/;

/** The words of a dictated text: split at spaces, line breaks and a pause's comma. */
export function dictationTokens(normalized: string): Token[] {
  const tokens: Token[] = [];
  // A sentence's end is a word of its own: no number runs across it (… さん。しょうわ …).
  // A label's colon before kana ends a word (折り返し先:ゼロキューゼロ); a time's (02:13) does not.
  const words = [...normalized.matchAll(/。|(?:[^ \t\n、，,。:]|:(?![ぁ-んァ-ヶ]))+/g)];
  for (let i = 0; i < words.length; i++) {
    const m = words[i]!;
    // A date's part said in kana words stands for its digits and counter, each over the whole word — also with the
    // counter set apart by a space, as a recogniser may write it (せんきゅうひゃくはちじゅうなな ねん).
    const next = words[i + 1];
    const counter =
      next &&
      /^(?:ねん|がつ|にち)$/.test(next[0]) &&
      /^[ \t]+$/.test(normalized.slice(m.index + m[0].length, next.index))
        ? kanaDatePart(m[0] + next[0])
        : undefined;
    if (counter) {
      for (const text of counter) tokens.push({ text, start: m.index, end: next!.index + next![0].length });
      i++;
      continue;
    }
    const date = kanaDatePart(m[0]);
    if (date) {
      for (const text of date) tokens.push({ text, start: m.index, end: m.index + m[0].length });
      continue;
    }
    // A group of digits said in kana with the joiner の run on (ぜろはちぜろの ぜろぜろいちななの …): the group, then の.
    const group = KANA_GROUP_THEN_NO.exec(m[0]);
    if (group) {
      tokens.push({ text: group[1]!, start: m.index, end: m.index + group[1]!.length });
      tokens.push({ text: 'の', start: m.index + group[1]!.length, end: m.index + m[0].length });
      continue;
    }
    const joined = JOINED_GROUPS.exec(m[0]);
    if (!joined) {
      tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
      continue;
    }
    let at = m.index;
    // What stands before: a place's kanji right before the groups is a word of its own (住所は|中野|5の32の8).
    for (const part of /^(.*?)([一-龥々ヶ]*)$/s.exec(joined[1]!)!.slice(1)) {
      if (part) tokens.push({ text: part, start: at, end: at + part.length });
      at += part.length;
    }
    for (const part of joined[2]!.split(/(の)/)) {
      tokens.push({ text: part, start: at, end: at + part.length });
      at += part.length;
    }
    if (joined[3]) tokens.push({ text: joined[3], start: at, end: at + joined[3].length });
  }
  return tokens;
}

/** Digits said as words before a counter (よんじゅうご, しち, く) — a number up to 99. */
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['いち', 1],
  ['に', 2],
  ['さん', 3],
  ['よん', 4],
  ['し', 4],
  ['ご', 5],
  ['ろく', 6],
  ['なな', 7],
  ['しち', 7],
  ['はち', 8],
  ['きゅう', 9],
  ['く', 9],
];

/**
 * The number a kana word says (じゅう, にじゅうさん, よんじゅうご, きゅう, ひゃくご), up to 199; undefined for any other
 * word.
 */
export function kanaNumber(word: string): number | undefined {
  const unit = (w: string): number | undefined => UNITS.find(([said]) => said === w)?.[1];
  if (word.startsWith('ひゃく')) {
    const rest = word.slice(3);
    const below = rest === '' ? 0 : kanaNumber(rest);
    return below === undefined || below >= 100 ? undefined : 100 + below;
  }
  const at = word.indexOf('じゅう');
  if (at < 0) return unit(word);
  const tens = at === 0 ? 1 : unit(word.slice(0, at));
  const rest = word.slice(at + 3);
  const ones = rest === '' ? 0 : unit(rest);
  return tens === undefined || ones === undefined || tens > 9 ? undefined : tens * 10 + ones;
}

/** The hundreds said before a year's last two digits (きゅうひゃく of せんきゅうひゃくはちじゅうご). */
const HUNDREDS: Readonly<Record<string, number>> = {
  ひゃく: 100,
  にひゃく: 200,
  さんびゃく: 300,
  よんひゃく: 400,
  ごひゃく: 500,
  ろっぴゃく: 600,
  ななひゃく: 700,
  はっぴゃく: 800,
  きゅうひゃく: 900,
};

const YEAR_SAID = new RegExp(`^(にせん|せん)(${Object.keys(HUNDREDS).reverse().join('|')})?(.*)$`);

/** A western year said in kana (せんきゅうひゃくさんじゅうはち → 1938, にせんじゅう → 2010); undefined for any other word. */
export function kanaYear(word: string): number | undefined {
  const m = YEAR_SAID.exec(word);
  if (!m) return undefined;
  const hundreds = m[2] ? HUNDREDS[m[2]] : 0;
  const below = m[3] === '' ? 0 : kanaNumber(m[3]!);
  if (hundreds === undefined || below === undefined || below >= 100) return undefined;
  return (m[1] === 'せん' ? 1000 : 2000) + hundreds + below;
}

/** Days of the month said by their own words (ついたち, はつか, じゅうよっか). */
const DAY_WORDS: Readonly<Record<string, number>> = {
  ついたち: 1,
  ふつか: 2,
  みっか: 3,
  よっか: 4,
  いつか: 5,
  むいか: 6,
  なのか: 7,
  ようか: 8,
  ここのか: 9,
  とおか: 10,
  じゅうよっか: 14,
  はつか: 20,
  にじゅうよっか: 24,
};

/** The eras said in hiragana. */
const KANA_ERAS: Readonly<Record<string, string>> = {
  めいじ: '明治',
  たいしょう: '大正',
  しょうわ: '昭和',
  へいせい: '平成',
  れいわ: '令和',
};

/**
 * A date's part said in kana words, as the digits and the counter it stands for (よんじゅうごねん → 45 年, しがつ → 4 月,
 * にじゅうさんにち → 23 日, みっか → 3 日), or an era said in hiragana (しょうわ → 昭和); undefined for any other word.
 */
export function kanaDatePart(word: string): string[] | undefined {
  if (KANA_ERAS[word]) return [KANA_ERAS[word]];
  if (DAY_WORDS[word] !== undefined) return [String(DAY_WORDS[word]), '日'];
  const m = /^(.+?)(ねん|がつ|にち)$/.exec(word);
  const n = m ? ((m[2] === 'ねん' ? kanaYear(m[1]!) : undefined) ?? kanaNumber(m[1]!)) : undefined;
  if (!m || n === undefined || n === 0) return undefined;
  return [String(n), { ねん: '年', がつ: '月', にち: '日' }[m[2] as 'ねん' | 'がつ' | 'にち']];
}
