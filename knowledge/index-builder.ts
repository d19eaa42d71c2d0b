/**
 * Builds the in-memory index from chunks: analyses each chunk once (streaming into the BM25
 * field builders), fits the LSA model on the same term ids unless an external embedder is given,
 * and fills the vector index.
 */
import type { TextAnalyzer } from './analyzer';
import { Bm25FieldBuilder } from './bm25-field-builder';
import { bodyText, fullText, questionText } from './chunk-text';
import type { IndexData, IndexFields } from './index-data';
import { LsaEmbedder } from './lsa-embedder';
import { DEFAULT_LSA_OPTIONS, fitLsa, type LsaModel, type LsaOptions } from './lsa-model';
import {
  BACKGROUND_LSA_DIMS,
  BACKGROUND_MAX_CHUNKS,
  backgroundFits,
  shippedLsaBackground,
  type LsaBackground,
} from './lsa-background';
import { questionLinesFromWords, type QuestionLines } from './question-lines';
import type { Chunk, Embedder, VectorIndex } from './types';

/** Options of an index build. */
export interface BuildOptions {
  /** External embedder (e.g. OpenAI-compatible); default: LSA fitted on the corpus. */
  embedder?: Embedder;
  /** Name recorded for an external embedder. */
  embedderName?: string;
  onProgress?: (done: number, total: number) => void;
  lsa?: Partial<LsaOptions>;
  /** False: BM25 only, no vectors (the evaluation baseline). */
  dense?: boolean;
  /**
   * Background documents for the LSA fit of a small knowledge base (lsa-background.ts): the shipped ones by default,
   * false for none. Used below `BACKGROUND_MAX_CHUNKS` chunks, and only with the analyzer that wrote them.
   */
  lsaBackground?: LsaBackground | false;
  /** Creates the vector index (the hnsw one on disk, the in-memory one in tests). */
  createVectorIndex: (dims: number) => VectorIndex;
}

/** A built index with the embedder to use for queries. */
export interface BuiltIndex {
  data: IndexData;
  queryEmbedder: Embedder;
  lsa?: LsaModel;
}

const EMBED_BATCH = 64;

/** Builds an index over `chunks`. */
export async function buildIndexData(
  chunks: readonly Chunk[],
  analyzer: TextAnalyzer,
  options: BuildOptions,
): Promise<BuiltIndex> {
  const wantLsa = options.dense !== false && !options.embedder;
  // Builders (and their per-document term ids) die with analyseChunks; only what is needed stays.
  const analysed = analyseChunks(chunks, analyzer, wantLsa, options.onProgress);
  const { fields, questionLines } = analysed;
  let lsa: LsaModel | undefined;
  let background: LsaBackground | undefined;
  let queryEmbedder: Embedder;
  let vectors: Float32Array;
  let dims: number;
  if (options.dense === false) {
    queryEmbedder = { embedDocuments: async (texts) => texts.map(() => []), embedQuery: async () => [] };
    vectors = new Float32Array(0);
    dims = 0;
  } else if (options.embedder) {
    queryEmbedder = options.embedder;
    ({ vectors, dims } = await embedExternally(chunks, options.embedder));
  } else {
    const features = analysed.corpus as CorpusFeatures;
    analysed.corpus = undefined;
    background = backgroundFor(chunks.length, analyzer, options.lsaBackground);
    const fit = background ? withBackground(features, background) : features;
    const lsaOptions = { ...DEFAULT_LSA_OPTIONS, ...options.lsa };
    const fitDims = background ? Math.min(lsaOptions.dims, BACKGROUND_LSA_DIMS) : lsaOptions.dims;
    lsa = fitLsa(fit.names, fit.docs, { ...lsaOptions, dims: fitDims });
    queryEmbedder = new LsaEmbedder(lsa, analyzer);
    ({ vectors, dims } = embedWithLsa(lsa, features));
  }
  const index = options.createVectorIndex(dims);
  for (let i = 0; i < chunks.length; i++) {
    const v = vectors.subarray(i * dims, (i + 1) * dims);
    if (v.some((x) => x !== 0)) index.add(i, Array.from(v));
  }
  const stats = {
    chunks: chunks.length,
    documents: new Set(chunks.map((c) => c.documentId)).size,
    builtAt: new Date().toISOString(),
    embedder: lsa
      ? `lsa-${lsa.data.dims}${background ? `+background-${background.docs.length}` : ''}`
      : options.dense === false
        ? 'none'
        : (options.embedderName ?? 'external'),
  };
  return {
    data: { chunks: [...chunks], removed: new Set(), fields, dense: { dims, vectors, index }, questionLines, stats },
    queryEmbedder,
    lsa,
  };
}

interface CorpusFeatures {
  names: string[];
  docs: Int32Array[];
}

function analyseChunks(
  chunks: readonly Chunk[],
  analyzer: TextAnalyzer,
  withFeatures: boolean,
  onProgress?: (done: number, total: number) => void,
): { fields: IndexFields; questionLines: QuestionLines; corpus?: CorpusFeatures } {
  const question = new Bm25FieldBuilder();
  const content = new Bm25FieldBuilder();
  const grams = new Bm25FieldBuilder();
  const lineWords: string[][][] = [];
  chunks.forEach((chunk, i) => {
    const a = analyseChunk(chunk, analyzer);
    question.add(a.question);
    content.add(a.content);
    grams.add(a.grams);
    lineWords.push(a.lineWords);
    if (onProgress && ((i + 1) % 500 === 0 || i + 1 === chunks.length)) onProgress(i + 1, chunks.length);
  });
  const fields = { question: question.build(), content: content.build(), grams: grams.build() };
  const questionLines = questionLinesFromWords(lineWords, fields.content);
  return { fields, questionLines, corpus: withFeatures ? corpusFeatures(content, grams) : undefined };
}

/** The tokens one chunk gives each BM25 field, and the words of its question lines. */
export interface ChunkAnalysis {
  question: string[];
  content: string[];
  grams: string[];
  lineWords: string[][];
}

/**
 * Analyses one chunk for the index. Question text is analysed line by line (no word or bigram spans
 * a line break), so the same analysis gives the fields and the per-line words the rerank reads.
 */
export function analyseChunk(chunk: Chunk, analyzer: TextAnalyzer): ChunkAnalysis {
  const lines = questionText(chunk)
    .split('\n')
    .map((line) => analyzer.analyze(line));
  const rest = analyzer.analyze(bodyText(chunk));
  const question = lines.flatMap((l) => l.words);
  return {
    question,
    content: [...question, ...rest.words],
    grams: [...lines.flatMap((l) => l.grams), ...rest.grams],
    lineWords: lines.map((l) => l.words),
  };
}

/** The LSA feature names of an analysed chunk (as the model was fitted on: words, then bigrams). */
export function lsaFeatureNames(a: ChunkAnalysis): string[] {
  return [...a.content.map((w) => 'w:' + w), ...a.grams.map((g) => 'g:' + g)];
}

/** A vector made a unit vector (external embedders need not return one). */
export function unitVector(v: readonly number[]): Float32Array {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return Float32Array.from(v, (x) => (norm > 0 ? x / norm : 0));
}

function corpusFeatures(content: Bm25FieldBuilder, grams: Bm25FieldBuilder): CorpusFeatures {
  const words = content.vocabulary();
  const names = [...words.map((w) => 'w:' + w), ...grams.vocabulary().map((g) => 'g:' + g)];
  const gramDocs = grams.documents();
  const docs = content.documents().map((w, i) => {
    const out = new Int32Array(w.length + gramDocs[i].length);
    out.set(w);
    gramDocs[i].forEach((id, j) => {
      out[w.length + j] = id + words.length;
    });
    return out;
  });
  return { names, docs };
}

function embedWithLsa(lsa: LsaModel, { names, docs }: CorpusFeatures): { vectors: Float32Array; dims: number } {
  const remap = Int32Array.from(names, (n) => lsa.featureId(n));
  const dims = lsa.data.dims;
  const vectors = new Float32Array(docs.length * dims);
  docs.forEach((ids, i) => {
    const mapped: number[] = [];
    for (const id of ids) if (remap[id] >= 0) mapped.push(remap[id]);
    vectors.set(lsa.embedIds(mapped), i * dims);
  });
  return { vectors, dims };
}

async function embedExternally(
  chunks: readonly Chunk[],
  embedder: Embedder,
): Promise<{ vectors: Float32Array; dims: number }> {
  let vectors = new Float32Array(0);
  let dims = 0;
  for (let start = 0; start < chunks.length; start += EMBED_BATCH) {
    const batch = await embedder.embedDocuments(chunks.slice(start, start + EMBED_BATCH).map(fullText));
    if (dims === 0) {
      dims = batch[0]?.length ?? 0;
      vectors = new Float32Array(chunks.length * dims);
    }
    batch.forEach((v, j) => vectors.set(unitVector(v), (start + j) * dims));
  }
  return { vectors, dims };
}

/** The background for an LSA fit over `chunks` chunks, or undefined for none. */
function backgroundFor(
  chunks: number,
  analyzer: TextAnalyzer,
  option: LsaBackground | false | undefined,
): LsaBackground | undefined {
  if (option === false || chunks >= BACKGROUND_MAX_CHUNKS) return undefined;
  const background = option ?? shippedLsaBackground();
  return background && backgroundFits(background, analyzer) ? background : undefined;
}

/**
 * The corpus's features with the background documents appended as further rows: the background's feature ids mapped
 * once onto the corpus's (new names after the corpus's), each repeated as often as the document has it.
 */
function withBackground(features: CorpusFeatures, background: LsaBackground): CorpusFeatures {
  const names = [...features.names];
  const ids = new Map(names.map((n, i) => [n, i]));
  const toCorpus = background.features.map((name) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      ids.set(name, id);
    }
    return id;
  });
  const docs = [...features.docs];
  for (const doc of background.docs) {
    const out: number[] = [];
    for (const entry of doc) {
      const [id, count] = typeof entry === 'number' ? [entry, 1] : entry;
      for (let c = 0; c < count; c++) out.push(toCorpus[id]);
    }
    docs.push(Int32Array.from(out));
  }
  return { names, docs };
}
