/**
 * Character bigrams over Japanese runs: a recall signal for words the dictionary does not know
 * and for compounds that kuromoji splits differently in a query and a document.
 */
import { katakanaToHiragana } from './text-normalize';

const JAPANESE_RUN = /[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005]+/g;
const HIRAGANA_ONLY = /^[\u3041-\u3096\u30fc]+$/;

/** Bigrams of every Japanese run of normalised text, skipping hiragana-only pairs (mostly grammar). */
export function charBigrams(normalized: string): string[] {
  const grams: string[] = [];
  for (const run of normalized.match(JAPANESE_RUN) ?? []) {
    if (run.length === 1) {
      if (!HIRAGANA_ONLY.test(run)) grams.push(katakanaToHiragana(run));
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const gram = run.slice(i, i + 2);
      if (!HIRAGANA_ONLY.test(gram)) grams.push(katakanaToHiragana(gram));
    }
  }
  return grams;
}
