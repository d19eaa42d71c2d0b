/**
 * Text dictated by voice input, as a speech recogniser writes it: words between spaces, numbers read digit by digit
 * (3 0 5 8 8 1 2), groups joined by の or ハイフン (090 ハイフン 3344, 273 の 0005), numbers said in kana (ゼロサン
 * ゴーゴーゴーゴー, いちろくよん の ぜろぜろいちに), letters said in katakana (エム ゼット 4 0 7 7 …), dates and block
 * numbers with their counters apart (2016 年 2 月 29 日, 4 丁目 17 番 9 号). Such runs are rewritten as they would be
 * typed (3058812, 090-3344, 2016年2月29日, 4丁目17番9号, MZ4077…), the words of an address before them joined
 * (神奈川県 相模原市 中央区 淵野辺 → 神奈川県相模原市中央区淵野辺), so the detectors read them; what they find there is mapped
 * back to the original. Everything else is copied as it is.
 */
import type { Reading } from './reading';
import { dictationTokens, type Token } from './dictation-words';

/** Digits as said, in katakana and hiragana (longest spellings first). */
const DIGIT_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['ゼロ', '0'],
  ['ぜろ', '0'],
  ['レイ', '0'],
  ['れい', '0'],
  ['マル', '0'],
  ['まる', '0'],
  ['イチ', '1'],
  ['いち', '1'],
  ['ニー', '2'],
  ['にー', '2'],
  ['にい', '2'],
  ['ニ', '2'],
  ['に', '2'],
  ['サン', '3'],
  ['さん', '3'],
  ['ヨン', '4'],
  ['よん', '4'],
  ['ゴー', '5'],
  ['ごー', '5'],
  ['ゴ', '5'],
  ['ご', '5'],
  ['ロク', '6'],
  ['ろく', '6'],
  ['ナナ', '7'],
  ['なな', '7'],
  ['ハチ', '8'],
  ['はち', '8'],
  ['キュウ', '9'],
  ['きゅう', '9'],
  ['キュー', '9'],
  ['きゅー', '9'],
];

/** Latin letters as said in katakana (passport and card prefixes: エム ゼット). */
const LETTER_WORDS: Readonly<Record<string, string>> = {
  エー: 'A',
  エイ: 'A',
  ビー: 'B',
  シー: 'C',
  ディー: 'D',
  イー: 'E',
  エフ: 'F',
  ジー: 'G',
  エイチ: 'H',
  エッチ: 'H',
  アイ: 'I',
  ジェー: 'J',
  ジェイ: 'J',
  ケー: 'K',
  ケイ: 'K',
  エル: 'L',
  エム: 'M',
  エヌ: 'N',
  オー: 'O',
  ピー: 'P',
  アール: 'R',
  エス: 'S',
  ティー: 'T',
  ユー: 'U',
  ブイ: 'V',
  ダブリュー: 'W',
  エックス: 'X',
  ワイ: 'Y',
  ゼット: 'Z',
};

/** Words said between a number's groups: a hyphen. */
const GROUP_JOINERS = /^(?:の|ハイフン|はいふん|ー|-|たいしの|tai)$/;
/** Counters of dates and block numbers, written right after their number. */
const COUNTERS = /^(?:年|月|日|丁目|番地?|号室?|号|階)$/;
/** An era before a year (昭和 56, S 60, R 5). */
const ERAS = /^(?:明治|大正|昭和|平成|令和|[MTSHR])$/;
/** A word of an address before the block numbers: a prefecture, a city, a ward, a town or a district. */
const ADDRESS_PART = /^[一-龥々ヶぁ-んァ-ヶ]{1,10}(?:都|道|府|県|市|区|町|村|郡)$/;

/** The digits a word of kana digits says (ゼロサン → 03), or undefined when it is not only digits. */
export function kanaDigits(word: string): string | undefined {
  const memo = new Map<number, string | undefined>();
  const from = (i: number): string | undefined => {
    if (i === word.length) return '';
    if (memo.has(i)) return memo.get(i);
    let out: string | undefined;
    for (const [said, digit] of DIGIT_WORDS) {
      if (!word.startsWith(said, i)) continue;
      const rest = from(i + said.length);
      if (rest !== undefined) {
        out = digit + rest;
        break;
      }
    }
    memo.set(i, out);
    return out;
  };
  return word ? from(0) : undefined;
}

/** The digits a token says: digits as written, or kana digits; undefined for anything else. */
function digitsOf(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  if (/^\d+$/.test(token.text)) return token.text;
  // Digits an OCR read box by box ([0][3][4][5]…).
  if (/^(?:\[\d\]){4,}$/.test(token.text)) return token.text.replace(/\D/g, '');
  return kanaDigits(token.text);
}

/** The rewritten text (changed where a run was rewritten), or undefined when nothing in it reads as dictated. */
export function readDictation(normalized: string): Reading | undefined {
  const tokens = dictationTokens(normalized);
  const out = { text: '', from: [] as number[], to: [] as number[], rewritten: [] as boolean[] };
  let copied = 0;
  let any = false;
  const copyTo = (end: number): void => {
    for (let i = copied; i < end; i++) push(normalized[i]!, i, i + 1, false);
    copied = Math.max(copied, end);
  };
  const push = (text: string, from: number, to: number, rewritten: boolean): void => {
    for (const ch of text) {
      out.text += ch;
      out.from.push(from);
      out.to.push(to);
      out.rewritten.push(rewritten);
    }
  };
  for (let i = 0; i < tokens.length;) {
    const run = numberRun(tokens, i);
    if (!run) {
      i++;
      continue;
    }
    any = true;
    copyTo(tokens[run.first]!.start);
    for (const piece of run.pieces) push(piece.text, piece.from, piece.to, true);
    copied = tokens[run.last]!.end;
    i = run.last + 1;
  }
  if (!any) return undefined;
  copyTo(normalized.length);
  const { text, from, to, rewritten } = out;
  return { text, from, to, changed: (start, end) => rewritten.slice(start, end).some(Boolean) };
}

interface Piece {
  text: string;
  from: number;
  to: number;
}

/**
 * The dictated number run starting at token `i` (maybe after an era, letters said in katakana or the words of an
 * address), when it says at least four digits in two groups or more; undefined otherwise.
 */
function numberRun(tokens: readonly Token[], i: number): { first: number; last: number; pieces: Piece[] } | undefined {
  // What may stand before the digits: the words of an address (joined), an era, letters said in katakana.
  let j = i;
  const lead: Piece[] = [];
  while (j < tokens.length && ADDRESS_PART.test(tokens[j]!.text) && j - i < 4) j++;
  // The address words need a place name after them (淵野辺 4 丁目): take one more word of kanji.
  if (j > i && /^[一-龥々ヶ]{1,8}$/.test(tokens[j]?.text ?? '') && digitsOf(tokens[j]!) === undefined) j++;
  for (let k = i; k < j; k++) lead.push({ text: tokens[k]!.text, from: tokens[k]!.start, to: tokens[k]!.end });
  // A word ending in kanji right before block numbers is joined to them (博多駅前 2 丁目, 中野 5 の 32).
  const kanjiLead =
    j === i &&
    !ERAS.test(tokens[i]!.text) &&
    /[一-龥々ヶ]$/.test(tokens[i]!.text) &&
    digitsOf(tokens[i + 1]) !== undefined;
  if (kanjiLead) {
    lead.push({ text: tokens[i]!.text, from: tokens[i]!.start, to: tokens[i]!.end });
    j++;
  }
  if (j === i) {
    while (j < tokens.length && LETTER_WORDS[tokens[j]!.text] !== undefined && j - i < 3) {
      lead.push({ text: LETTER_WORDS[tokens[j]!.text]!, from: tokens[j]!.start, to: tokens[j]!.end });
      j++;
    }
    if (j === i && ERAS.test(tokens[j]?.text ?? '') && /^\d/.test(tokens[j + 1]?.text ?? '')) {
      lead.push({ text: tokens[j]!.text, from: tokens[j]!.start, to: tokens[j]!.end });
      j++;
    }
  }
  const body: Piece[] = [];
  let digits = 0;
  let groups = 0;
  let singles = 0;
  let last = -1;
  let previous: 'digits' | 'joiner' | 'counter' | undefined;
  let previousSingle = false;
  let previousKana = false;
  let blocks = 0;
  let joined = false;
  for (let k = j; k < tokens.length; k++) {
    const t = tokens[k]!;
    const said = digitsOf(t);
    // A kana word of one digit (さん, に, ご) opens no number: it is an honorific or a particle there.
    // Nor after a counter (2024 年 に): only after a joiner or other digits said in kana — or opening four such words
    // in a row, a number read digit by digit (ぜろ ぜろ なな に いち, いち に さん ぜろ).
    const loneKana =
      said?.length === 1 &&
      !/^\d$/.test(t.text) &&
      !(previous === 'joiner' || (previous === 'digits' && previousKana)) &&
      !(previous === undefined && kanaDigitsInRow(tokens, k) >= 4);
    // Nor one closing a number said in groups (ハチニーサンキュー ニ オリカエシ): a particle written in kana after it.
    const particle =
      said?.length === 1 &&
      !/^\d$/.test(t.text) &&
      previous === 'digits' &&
      previousKana &&
      !previousSingle &&
      digitsOf(tokens[k + 1]) === undefined;
    if (particle) break;
    if (said !== undefined && !loneKana) {
      // Digits read one by one join up; groups said apart are a hyphen's groups.
      const single = said.length === 1;
      if (previous === 'digits' && !(single && previousSingle)) body.push({ text: '-', from: t.start, to: t.start });
      body.push(...pieces(t, said));
      digits += said.length;
      if (!(single && previousSingle && previous === 'digits')) groups++;
      if (single) singles++;
      previous = 'digits';
      previousSingle = single;
      previousKana = !/^\d+$/.test(t.text);
      last = k;
      continue;
    }
    if (previous === 'digits' && COUNTERS.test(t.text)) {
      if (/^(?:丁目|番地?|号)$/.test(t.text)) blocks++;
      body.push({ text: t.text, from: t.start, to: t.end });
      previous = 'counter';
      previousSingle = false;
      last = k;
      continue;
    }
    // A speaker's hesitation after a joiner is no part of the number (よんろくいちぜろ の … えー ななにさんはち).
    if (previous === 'joiner' && HESITATION.test(t.text)) continue;
    // の between a counter and a number goes (平成 11 年 の 7 月); between numbers it is a hyphen (9 の 4).
    if (previous && GROUP_JOINERS.test(t.text) && digitsOf(tokens[afterHesitation(tokens, k + 1)]) !== undefined) {
      if (previous === 'digits') body.push({ text: '-', from: t.start, to: t.end });
      joined = true;
      previous = 'joiner';
      previousSingle = false;
      continue;
    }
    break;
  }
  // Four digits at least, or the block numbers of an address after its words (博多駅前 2 丁目 9 の 4).
  const address = blocks > 0 && lead.length > 0 && groups >= 2;
  // A word before other numbers stays apart (普通 3 0 5 8 8 1 2, 内線 2 1 5 3).
  let first = i;
  if (kanjiLead && blocks === 0 && !joined) {
    lead.shift();
    first = i + 1;
  }
  // Digits read box by box are a number on their own.
  const boxed = tokens.slice(j, last + 1).some((t) => t.text.startsWith('['));
  if (last < 0 || (digits < 4 && !address) || (groups < 2 && singles === 0 && lead.length === 0 && !boxed))
    return undefined;
  // A number written as typed (2024, 090-1234-5678) with nothing said around it is no dictation.
  if (body.length === 1 && lead.length === 0 && !boxed) return undefined;
  return { first, last, pieces: [...lead, ...body] };
}

/** Words of hesitation a recogniser writes between a number's groups: an ellipsis, えー, あのー, えっと, んー. */
const HESITATION = /^(?:[…‥・.]+|え[ーぇ〜]*っ?と?|あ[ーぁ〜]+|あの[ーぉ〜]*|ん[ーっ〜]+|う[ーぅ〜]*ん)$/;

/** How many words from `k` on each say one digit in kana (いち に さん ぜろ → 4). */
function kanaDigitsInRow(tokens: readonly Token[], k: number): number {
  let n = k;
  while (n < tokens.length && !/^\d$/.test(tokens[n]!.text) && kanaDigits(tokens[n]!.text)?.length === 1) n++;
  return n - k;
}

/** The index of the first token from `k` that is no hesitation. */
function afterHesitation(tokens: readonly Token[], k: number): number {
  let n = k;
  while (n < tokens.length && n < k + 3 && HESITATION.test(tokens[n]!.text)) n++;
  return n;
}

/** The pieces of one token of digits: itself when written in digits, else each digit for its word. */
function pieces(t: Token, said: string): Piece[] {
  if (/^\d+$/.test(t.text)) return [{ text: said, from: t.start, to: t.end }];
  // Kana digits: every digit stands for the whole word (the span must cover all of it).
  return [...said].map((d) => ({ text: d, from: t.start, to: t.end }));
}
