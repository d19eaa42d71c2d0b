/**
 * Chooses the synonym sources of a knowledge base: the curated IT lists (synonyms.ts and the broader
 * it-office-vocabulary.ts), optionally with the Sudachi synonym dictionary.
 */
import { LEARNED_PARAPHRASES, LEARNED_PARAPHRASE_FACTOR } from './generated';
import type { TextAnalyzer } from './analyzer';
import { loadSudachiRelations } from './sudachi-synonyms';
import { NoExpansion, SynonymExpander, curatedRelations, type QueryExpander } from './synonym-expander';
import { CURATED_ONE_WAY, CURATED_SYNONYM_GROUPS } from './synonyms';
import { IT_OFFICE_ONE_WAY, IT_OFFICE_SYNONYM_GROUPS } from './it-office-vocabulary';

/** Which synonyms expand queries. */
export type SynonymSource = 'none' | 'curated' | 'curated+sudachi';

/** Factor of Sudachi near synonyms (other words of a group) relative to spelling variants. */
const SUDACHI_RELATED_FACTOR = 0.5;

/**
 * Builds the query expander for a source. The analyzer may still be loading: the Sudachi dictionary
 * is read meanwhile (the two dictionaries are most of a start-up). `learned`: the learned paraphrases to
 * use (default the shipped ones; bench/paraphrase-mining.ts builds without them to learn them again).
 */
export async function createQueryExpander(
  analyzer: TextAnalyzer | Promise<TextAnalyzer>,
  source: SynonymSource,
  learned: readonly (readonly [string, string])[] = LEARNED_PARAPHRASES,
): Promise<QueryExpander> {
  if (source === 'none') return new NoExpansion();
  // The core list and the broad IT / office vocabulary (written blind, see it-office-vocabulary.ts), alike.
  const curated = [
    ...curatedRelations(CURATED_SYNONYM_GROUPS, CURATED_ONE_WAY),
    ...curatedRelations(IT_OFFICE_SYNONYM_GROUPS, IT_OFFICE_ONE_WAY),
    // Learned from the team's dev sets (bench/paraphrase-mining.ts): words already folded, so not analysed again.
    ...learned.map(([from, to]) => ({ from, to, factor: LEARNED_PARAPHRASE_FACTOR })),
  ];
  const [ready, sudachi] = await Promise.all([
    analyzer,
    source === 'curated+sudachi' ? loadSudachiRelations(SUDACHI_RELATED_FACTOR) : [],
  ]);
  return new SynonymExpander(ready, [...curated, ...sudachi]);
}
