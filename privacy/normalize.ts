/**
 * Detection runs on a normalised copy of the text with exactly the same length, so offsets found
 * there mask the original: full-width ASCII to ASCII, dash look-alikes to '-', kanji numerals
 * inside number-like runs to digits.
 */

const DASHES = /[‐‑‒–—―−－﹣]/g;
// ー / ｰ are dashes only between digits (elsewhere they lengthen katakana: サーバー).
const LONG_MARK_BETWEEN_DIGITS = /(?<=\d[ \t]*)[ーｰ](?=[ \t]*\d)/g;
const KANJI_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
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
// At least four numerals (with separators) in a row: a number written in kanji, not 一覧 or 三井.
const KANJI_NUMBER_RUN = /[〇零一二三四五六七八九\d](?:[ \t\-‐−－ー.・の]{0,2}[〇零一二三四五六七八九\d]){3,}/g;

/** Returns a copy of `text` of the same length in which detectors look for personal data. */
export function normalizeForDetection(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length !== 1) out += ch;
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  out = out.replace(DASHES, '-');
  out = out.replace(KANJI_NUMBER_RUN, (run) => (/[〇零一二三四五六七八九]/.test(run) ? toDigits(run) : run));
  out = out.replace(LONG_MARK_BETWEEN_DIGITS, '-');
  return out;
}

function toDigits(run: string): string {
  return run.replace(/[〇零一二三四五六七八九]/g, (c) => KANJI_DIGITS[c] ?? c);
}
