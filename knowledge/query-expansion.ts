/**
 * Chooses the synonym sources of a knowledge base: the curated IT/municipal lists, optionally
 * with the Sudachi synonym dictionary.
 */
import type { TextAnalyzer } from './analyzer';
import { loadSudachiRelations } from './sudachi-synonyms';
import { NoExpansion, SynonymExpander, curatedRelations, type QueryExpander } from './synonym-expander';
import { CURATED_ONE_WAY, CURATED_SYNONYM_GROUPS } from './synonyms';

/** Which synonyms expand queries. */
export type SynonymSource = 'none' | 'curated' | 'curated+sudachi';

/** Factor of Sudachi near synonyms (other words of a group) relative to spelling variants. */
const SUDACHI_RELATED_FACTOR = 0.5;

/** Builds the query expander for a source. */
export async function createQueryExpander(analyzer: TextAnalyzer, source: SynonymSource): Promise<QueryExpander> {
  if (source === 'none') return new NoExpansion();
  const curated = curatedRelations(CURATED_SYNONYM_GROUPS, CURATED_ONE_WAY);
  const sudachi = source === 'curated+sudachi' ? await loadSudachiRelations(SUDACHI_RELATED_FACTOR) : [];
  return new SynonymExpander(analyzer, [...curated, ...sudachi]);
}
