/**
 * Public surface of the knowledge layer.
 */
export type { AnalyzedText, AnalyzerMode, TextAnalyzer } from './analyzer';
export { JapaneseAnalyzer, createJapaneseAnalyzer } from './analyzer';
export { createPersonNameTagger, type NameSpans } from './person-name-tagger';
export type { ConfidenceFeatures } from './confidence';
export { CONFIDENCE_WEIGHTS, confidenceOf } from './confidence';
export { HnswVectorIndex, DEFAULT_HNSW_OPTIONS, type HnswOptions } from './hnsw-vector-index';
export type { ExplainedRetrieval } from './hybrid-searcher';
export { InMemoryVectorIndex } from './in-memory-vector-index';
export { HybridKnowledgeBase, createKnowledgeBase, type KnowledgeBaseOptions } from './knowledge-base';
export type { SynonymSource } from './query-expansion';
export { DEFAULT_TUNING, type SearchTuning } from './search-tuning';
export type * from './types';
export {
  buildKnowledgeIndex,
  checkKnowledgeIndex,
  openKnowledgeIndex,
  updateKnowledgeIndex,
  type IndexUpdate,
} from './index-store';
export type { IndexDelta, PreparedDelta } from './index-delta';
export { deltaFiles } from './index-deltas';
export { buildIndexData, type BuildOptions, type BuiltIndex } from './index-builder';
export type { IndexData } from './index-data';
export { HybridSearcher } from './hybrid-searcher';
export { createQueryExpander } from './query-expansion';
export type { QueryExpander } from './synonym-expander';
export { SeededRandom } from './seeded-random';
export { clusterQuestions, type QuestionCluster } from './question-clusters';
