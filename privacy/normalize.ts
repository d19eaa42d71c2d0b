/**
 * Detection runs on a normalised copy of the text with exactly the same length, so offsets found
 * there mask the original: full-width ASCII to ASCII, dash look-alikes to '-', kanji numerals
 * inside number-like runs to digits, other scripts' digits (Devanagari ०८०) to ASCII, Latin letters with diacritics to their base letter (Lucía Benítez, Nguyễn,
 * Jørgensen), so the rules for names in Latin letters read them as they read plain ones; old kanji forms and ノ inside a
 * kanji name as today's forms (上條 → 上条, 一ノ瀬 → 一之瀬: privacy/name-kanji.ts), and a letter O that OCR read for
 * a zero among digits as the zero; a letter l read for a one and a katakana ロ read for the kanji 口 (session 37 b).
 */
import { unifyNameKanji } from './name-kanji';

const DASHES = /[‐‑‒–—―−－﹣]/g;
// ー / ｰ are dashes only between digits (elsewhere they lengthen katakana: サーバー).
const LONG_MARK_BETWEEN_DIGITS = /(?<=\d[ \t]*)[ーｰ](?=[ \t]*\d)/g;
// OCR reads a zero as the letter O inside a number or before a date's counter (昭和3O年, 1O月): a digit there.
const LETTER_O_AMONG_DIGITS = /(?<=\d)[Oo](?=\d|[年月日番号丁円,])/g;
// … and the letter l for a one, after a digit or opening a number that goes on into a date's counter or more digits
// (OO6l274, l985年7月l2日) — not a word (l10n, vol1).
const LETTER_L_AS_ONE = /(?<=\d)l(?=[\dOo]|[年月日番号丁円,])|(?<![A-Za-z\d])l(?=\d+(?:[年月日]|[\dOo]{2}))/g;
// OCR reads the kanji 口 as the katakana ロ beside a kanji (山ロ 奈緒, ロ座番号): the kanji, where no katakana is beside it.
const KATAKANA_RO_AS_KANJI = /(?<=[一-龥々])ロ(?![ァ-ヶー])|(?<![ァ-ヶー])ロ(?=[一-龥々])/g;
// A handwritten number OCR'd with letters O for its zeros throughout (O9O-OOOO-7718, 1O,OOO): a run of digits and O
// parted by dashes or commas, holding two digits or more — not a word (IO-DATA) nor a lone O before digits (O157).
const O_NUMBER_RUN = /(?<![A-Za-z\d])[\dOo](?:[\dOo]|[-,](?=[\dOo])){3,}(?![A-Za-z\d])/g;
// Handwriting OCR marks a letter it could not read with a box (山□ 玲奈, 渡邊 ■子): inside a kanji word it stands for a
// kanji, read as 某 ("a certain one") so that a name keeps its shape; a bullet at a line's start (■子育て) is no letter.
const UNREADABLE_IN_WORD =
  /(?<=[一-龥々])[■□〓](?=[一-龥々ぁ-んァ-ヶ\s]|$)|(?<=[一-龥々][ \t\u3000])[■□〓](?=[一-龥々])/gm;
const KANJI_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  '○': '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
// At least four numerals (with separators) in a row: a number written in kanji, not 一覧 or 三井. A circle ○ stands
// for the zero 〇 in handwriting OCR (○九○ー…) when two numerals of another kind are in the run (○○ー○○○○ is a blank).
const KANJI_NUMBER_RUN = /[〇○零一二三四五六七八九\d](?:[ \t\-‐−－ー.・の]{0,2}[〇○零一二三四五六七八九\d]){3,}/g;

/**
 * The zeros of other scripts' decimal digits residents type (Arabic-Indic, Devanagari as Nepali forms write it —
 * ०८०-…, Bengali, Thai, Myanmar): read as ASCII digits, one letter for one.
 */
// OCR and IMEs put the kanji 一 where a hyphen stands between Arabic digits (0299一00一3180, 西原1234一5): a dash, not
// the numeral one, which never sits alone among Arabic digits.
const KANJI_ONE_AS_DASH = /(?<=\d)一(?=\d)/g;

const OTHER_DIGIT_ZEROS: readonly number[] = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x1040];

/** Returns a copy of `text` of the same length in which detectors look for personal data. */
export function normalizeForDetection(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length !== 1) out += ch;
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) out += baseLetter(ch);
    else if (OTHER_DIGIT_ZEROS.some((zero) => code >= zero && code <= zero + 9))
      out += String(code - OTHER_DIGIT_ZEROS.find((zero) => code >= zero && code <= zero + 9)!);
    else out += ch;
  }
  out = out.replace(DASHES, '-');
  out = out.replace(KANJI_ONE_AS_DASH, '-');
  out = out.replace(KANJI_NUMBER_RUN, (run) =>
    /[〇零一二三四五六七八九]/.test(run) &&
    (!run.includes('○') || /[一二三四五六七八九\d][^]*[一二三四五六七八九\d]/.test(run))
      ? toDigits(run)
      : run,
  );
  out = out.replace(LONG_MARK_BETWEEN_DIGITS, '-');
  out = out.replace(LETTER_L_AS_ONE, '1');
  out = out.replace(LETTER_O_AMONG_DIGITS, '0');
  out = out.replace(KATAKANA_RO_AS_KANJI, '口');
  out = out.replace(O_NUMBER_RUN, (run) =>
    /\d[^]*\d/.test(run) && /[-,]|[Oo]{2}/.test(run) ? run.replace(/[Oo]/g, '0') : run,
  );
  out = out.replace(UNREADABLE_IN_WORD, '某');
  return unifyNameKanji(out);
}

// Letters that carry their stroke in the letter itself, not as a combining mark.
const STROKED: Readonly<Record<string, string>> = { ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ħ: 'h', Ħ: 'H' };

/** The ASCII base of a precomposed Latin letter (é → e, Ỹ → Y), or the letter itself when it has none (ß, æ, ×). */
function baseLetter(ch: string): string {
  const base = STROKED[ch] ?? ch.normalize('NFD')[0] ?? ch;
  return /^[A-Za-z]$/.test(base) ? base : ch;
}

// A number written in kanji numerals parts its groups with ・ in vertical writing (〇八〇・〇〇二四・五五一九): a dash.
function toDigits(run: string): string {
  return run.replace(/[〇○零一二三四五六七八九]/g, (c) => KANJI_DIGITS[c] ?? c).replace(/・/g, '-');
}
