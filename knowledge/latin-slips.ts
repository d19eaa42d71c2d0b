/** Latin words typed with a slip (Temas, Outlok), read as the knowledge base's word. */
import { withinOneEdit } from './kana-edit';
import { CURATED_SYNONYM_GROUPS } from './synonyms';
import { normalizeText } from './text-normalize';

/** Shortest Latin word taken for a slip of a known one (shorter ones are too often other words: mail, main). */
const MIN_LATIN_SLIP = 5;
/** Latin words of the synonym list: known words, never corrected into another. */
const SYNONYM_LATIN = new Set(
  CURATED_SYNONYM_GROUPS.flatMap((group) => group.map((m) => normalizeText(m))).filter((m) => /^[a-z][a-z-]*$/.test(m)),
);

/**
 * A Latin word the knowledge base lacks, one slip (a letter added, dropped, changed or two swapped:
 * Temas, Outlok) from a word of five letters or more it has with the same first letter: that word
 * (the most frequent if several); otherwise unchanged. Words with digits are left alone (model numbers).
 * `latin`: the knowledge base's Latin words with their number of occurrences.
 */
export function correctedLatin(word: string, latin: ReadonlyMap<string, number>): string {
  if (word.length < MIN_LATIN_SLIP && word.length >= 3 && !latin.has(word)) return swappedAcronym(word, latin);
  if (word.length < MIN_LATIN_SLIP || /\d/.test(word) || latin.has(word) || SYNONYM_LATIN.has(word)) return word;
  let best = word;
  let bestCount = 0;
  for (const [known, n] of latin)
    if (n > bestCount && known[0] === word[0] && known.length >= MIN_LATIN_SLIP && withinOneEdit(word, known)) {
      best = known;
      bestCount = n;
    }
  return best;
}

/**
 * A short word (an acronym: VNP, PDF → PFD) the knowledge base lacks whose two neighbouring letters, swapped, give
 * exactly one word it has with the same first letter: that word; otherwise unchanged.
 */
function swappedAcronym(word: string, latin: ReadonlyMap<string, number>): string {
  if (/\d/.test(word) || SYNONYM_LATIN.has(word)) return word;
  const found = new Set<string>();
  for (let i = 1; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (swapped !== word && latin.has(swapped)) found.add(swapped);
  }
  return found.size === 1 ? [...found][0]! : word;
}
