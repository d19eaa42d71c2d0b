/** Full names in half-width katakana, as legacy systems, bank forms and file names keep a name's reading. */
import type { PiiSpan } from '../types';

/**
 * Two or three words of half-width katakana with spaces between and no long mark (ｽｷﾞﾔﾏ ﾀﾛｳ, ｺﾞﾄｳ ﾏｻﾙ_転入届.pdf): the reading of
 * a full name as legacy systems, bank forms and file names keep it. Half-width words of a system's messages have long
 * marks (ﾃﾞｰﾀ ｴﾗｰ) or stand alone; every such pair in the team's blind batches (45) was a name.
 */
const HALF_WIDTH_FULL_NAME = /(?<![ｦ-ﾟ])[ｱ-ﾝ][ｦ-ｯｱ-ﾝﾞﾟ]{1,6}(?:[ \t][ｱ-ﾝ][ｦ-ｯｱ-ﾝﾞﾟ]{1,6}){1,2}(?![ｦ-ﾟ])/gu;
/**
 * Words of a sentence typed in half-width katakana on an old phone (ﾃﾞｽ, ｼﾏｼﾀ, ﾏﾃﾞ, ｵﾈｶﾞｲｼﾏｽ, a question's ｲｲﾃﾞｽｶ): a name
 * stops before them, and a lone word between them (ﾛｯｸ ｼﾏｼﾀ ﾅｲｾﾝ) is no name.
 */
const SENTENCE_WORD =
  /^(?:ﾃﾞｽ|ﾃﾞｼﾀ|ﾏｽ|ﾏｼﾀ|ﾏｾﾝ|ｼﾏｽ|ｼﾏｼﾀ|ｸﾀﾞｻｲ|ﾏﾃﾞ|ｶﾗ|ﾃﾞ|ﾆ|ｦ|ﾊ|ｶﾞ|ﾉ|ﾄ|ﾓ|ﾖﾛｼｸ|ｵﾈｶﾞｲ)$|(?:ﾃﾞｽ|ﾏｽ|ﾏｼﾀ|ﾏｾﾝ|ｸﾀﾞｻｲ|ﾅｲ|ﾀｲ)ｶ?$/;

/** Finds half-width katakana full names. */
export function detectHalfWidthName(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(HALF_WIDTH_FULL_NAME)) {
    // Runs of two or three name words between the sentence's words.
    let run: Array<{ start: number; end: number }> = [];
    const close = (): void => {
      if (run.length >= 2) spans.push({ type: 'person_name', start: run[0]!.start, end: run[run.length - 1]!.end });
      run = [];
    };
    for (const w of m[0].matchAll(/[^ \t]+/g)) {
      if (SENTENCE_WORD.test(w[0])) close();
      else run.push({ start: m.index + w.index, end: m.index + w.index + w[0].length });
    }
    close();
  }
  return spans;
}
