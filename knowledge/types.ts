/**
 * Records and ports of the knowledge layer. ingest/ produces KnowledgeDocuments and Chunks,
 * knowledge/ indexes them and answers queries; bot/ consumes Retrieval through its own port.
 */
import type { AnalyzedText, TextAnalyzer } from './analyzer';
import type { ConfidenceWeights } from './confidence';

/** What a document is: an FAQ entry (question/answer) or a manual (body text). */
export type DocumentKind = 'faq' | 'manual';

/** One source file turned into text, before splitting. */
export interface KnowledgeDocument {
  /** Stable id: for FAQs the FAQ id (e.g. "FAQ-0001"), for manuals the path relative to the KB root. */
  id: string;
  kind: DocumentKind;
  title: string;
  /** Where a user can read the original (URL or relative path); shown as the source link. */
  url?: string;
  /** FAQ category (e.g. "メール"), when known. */
  category?: string;
  /** FAQ only: the main question and alternate phrasings. */
  question?: string;
  alternateQuestions?: string[];
  /**
   * FAQ only: question lines the ingest derived from the question itself (its sentences, without
   * glosses), searched like alternates but not shown or edited as the operator's alternates.
   */
  derivedQuestions?: string[];
  /** FAQ only: the answer text. */
  answer?: string;
  /** Manual only: sections in order, each with its heading path and text, and page when known. */
  sections?: { headingPath: string[]; text: string; page?: number }[];
  /** Path of the file it came from, relative to the KB root, and the file's content hash. */
  sourcePath: string;
  contentHash: string;
}

/** A searchable unit: an FAQ entry is one chunk; a manual section may be split into several. */
export interface Chunk {
  /** Unique id: `${documentId}#${n}`. */
  id: string;
  documentId: string;
  kind: DocumentKind;
  title: string;
  url?: string;
  category?: string;
  headingPath: string[];
  page?: number;
  /** Fields that BM25 weighs differently. */
  fields: {
    /** FAQ question plus alternate questions (empty for manuals). */
    question: string;
    /** FAQ answer (empty for manuals). */
    answer: string;
    /** Manual body text (empty for FAQs). */
    body: string;
  };
}

/** One retrieved chunk with its fused score. */
export interface SearchHit {
  chunk: Chunk;
  score: number;
}

/** Result of a search: ranked hits and a calibrated confidence in [0, 1] that the top hit answers the query. */
export interface Retrieval {
  hits: SearchHit[];
  confidence: number;
  /** Thresholds calibrated on this knowledge base when it was built (see calibration.ts). */
  thresholds?: CalibratedThresholds;
}

/** Confidence thresholds of the answer policy (answered ≥ answer, tentative ≥ tentative, clarify ≥ clarify). */
export interface CalibratedThresholds {
  answer: number;
  tentative: number;
  clarify: number;
}

/** Port: shaped like langchain's Embeddings interface (embedDocuments / embedQuery). */
export interface Embedder {
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/**
 * An embedder that can embed a query from the analysis the searcher already made (the local LSA
 * embedder), so that a question is analysed once. External embedders only see the text.
 */
export interface AnalysisEmbedder extends Embedder {
  /** The query's vector from `analyzed`, or undefined when `analyzer` is not the one the embedder analyses with. */
  embedAnalyzed(analyzed: AnalyzedText, analyzer: TextAnalyzer): number[] | undefined;
}

/** Port: an approximate-nearest-neighbour index over vectors keyed by integer labels. */
export interface VectorIndex {
  add(label: number, vector: number[]): void;
  /** Takes a label out of the results (incremental index updates); unknown labels are ignored. */
  remove(label: number): void;
  /** Nearest labels by cosine similarity, best first. */
  search(vector: number[], k: number): { label: number; similarity: number }[];
  size(): number;
}

/** Port the bot uses: search the knowledge base. */
export interface KnowledgeSearch {
  search(query: string, options?: { k?: number }): Promise<Retrieval>;
}

/** Summary of a built index, shown by `kotae ingest` and the console. */
export interface IndexStats {
  chunks: number;
  documents: number;
  builtAt: string;
  embedder: string;
  /** Thresholds fitted on this knowledge base at build time (absent in indexes built before). */
  calibration?: IndexCalibration;
  /**
   * Incremental updates applied since the last full build (knowledge/index-delta.ts); the calibration
   * and the LSA model stay those of the full build until the next one.
   */
  updates?: { count: number; added: number; removed: number; lastAt?: string };
}

/** The self-calibration of one index (knowledge/calibration.ts). */
export interface IndexCalibration {
  /** Precision of shown answers (answered + tentative) the thresholds aim at. */
  precisionTarget: number;
  thresholds: CalibratedThresholds;
  /** The confidence's logistic weights refitted on this knowledge base (absent: the prior weights). */
  weights?: ConfidenceWeights;

  /** Probes made from the knowledge base itself. */
  probes: { answerable: number; unanswerable: number; offTopic: number };
  /** On the probes at these thresholds: shown answers that were right, and answerable probes shown right. */
  precision: number;
  shownCorrect: number;
  /** Unanswerable and off-topic probes shown an answer. */
  falseShown: number;
  /** Time the calibration took. */
  ms: number;
}

/** A searchable knowledge index with its build summary. */
export interface KnowledgeBase extends KnowledgeSearch {
  stats(): IndexStats;
}
