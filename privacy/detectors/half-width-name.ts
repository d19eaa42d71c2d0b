/** Full names in half-width katakana, as legacy systems, bank forms and file names keep a name's reading. */
import type { PiiSpan } from '../types';

/**
 * Two or three words of half-width katakana with spaces between and no long mark (ｽｷﾞﾔﾏ ﾀﾛｳ, ｺﾞﾄｳ ﾏｻﾙ_転入届.pdf): the reading of
 * a full name as legacy systems, bank forms and file names keep it. Half-width words of a system's messages have long
 * marks (ﾃﾞｰﾀ ｴﾗｰ) or stand alone; every such pair in the team's blind batches (45) was a name.
 */
const HALF_WIDTH_FULL_NAME = /(?<![ｦ-ﾟ])[ｱ-ﾝ][ｦ-ｯｱ-ﾝﾞﾟ]{1,6}(?:[ \t][ｱ-ﾝ][ｦ-ｯｱ-ﾝﾞﾟ]{1,6}){1,2}(?![ｦ-ﾟ])/gu;

/** Finds half-width katakana full names. */
export function detectHalfWidthName(normalized: string): PiiSpan[] {
  return [...normalized.matchAll(HALF_WIDTH_FULL_NAME)].map((m) => ({
    type: 'person_name' as const,
    start: m.index,
    end: m.index + m[0].length,
  }));
}
