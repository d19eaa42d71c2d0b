/** The katakana spellings the curated synonym lists give (query-normalizer.ts reads them as vocabulary). */
import { CURATED_ONE_WAY, CURATED_SYNONYM_GROUPS } from './synonyms';
import { IT_OFFICE_ONE_WAY, IT_OFFICE_SYNONYM_GROUPS } from './it-office-vocabulary';
import { normalizeText } from './text-normalize';

const ONLY_KATAKANA = /^[ァ-ヶー]{2,}$/;

/**
 * Katakana members of the curated synonym groups (both lists), by the Latin and katakana members that lead to them;
 * and the katakana typed side of a one-way rule by the words it leads to (ティームズ by Teams: てぃーむず is typed too).
 */
export const SYNONYM_KATAKANA: readonly { members: readonly string[]; katakana: readonly string[] }[] = [
  ...[...CURATED_SYNONYM_GROUPS, ...IT_OFFICE_SYNONYM_GROUPS].map((group) => {
    const members = group.map((m) => normalizeText(m));
    return { members, katakana: members.filter((m) => ONLY_KATAKANA.test(m)) };
  }),
  ...[...CURATED_ONE_WAY, ...IT_OFFICE_ONE_WAY].map(([typed, targets]) => {
    const word = normalizeText(typed);
    return { members: targets.map((t) => normalizeText(t)), katakana: ONLY_KATAKANA.test(word) ? [word] : [] };
  }),
].filter((g) => g.katakana.length > 0);
