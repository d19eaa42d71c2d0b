/**
 * A knowledge index on disk: one self-contained directory with chunks.json, fields.bin (BM25
 * postings + document vectors), lsa.bin (when the default embedder is used), vectors.hnsw,
 * readings.json (the kanji readings of the chunks, for hiragana questions) and manifest.json, written
 * last so that an interrupted build is recognised as incomplete.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../core';
import { HnswVectorIndex } from './hnsw-vector-index';
import { HybridSearcher } from './hybrid-searcher';
import { buildIndexData } from './index-builder';
import { calibrate, calibrationBudgetMs } from './calibration';
import { buildQuestionLines } from './question-lines';
import { chunkReadings, type KanjiReadingsState } from './kanji-readings';
import { readFieldsAndVectors, readLsa, writeFieldsAndVectors, writeLsa } from './index-files';
import { HybridKnowledgeBase, resolveTextTools, type KnowledgeBaseOptions } from './knowledge-base';
import { LsaEmbedder } from './lsa-embedder';
import type { DocumentEmbedding, IndexDelta } from './index-delta';
import { readDeltaFiles, writeDeltaFile } from './index-deltas';
import { DEFAULT_TUNING } from './search-tuning';
import type { Chunk, Embedder, IndexStats } from './types';

const FORMAT = 1;
const FILES = {
  manifest: 'manifest.json',
  chunks: 'chunks.json',
  fields: 'fields.bin',
  lsa: 'lsa.bin',
  hnsw: 'vectors.hnsw',
  /** The kanji readings of the chunks (query-normalizer.ts); indexes built before it read them at open. */
  readings: 'readings.json',
};

interface Manifest {
  format: number;
  stats: IndexStats;
  dims: number;
  embedderKind: 'lsa' | 'external' | 'none';
}

/** Builds an index over `chunks` and writes it into `dir` (created if needed). */
export async function buildKnowledgeIndex(
  chunks: Chunk[],
  dir: string,
  options: KnowledgeBaseOptions = {},
): Promise<IndexStats> {
  const started = performance.now();
  const { analyzer } = await resolveTextTools({ ...options, synonyms: 'none', expander: undefined });
  let hnsw: HnswVectorIndex | undefined;
  const built = await buildIndexData(chunks, analyzer, {
    ...options,
    createVectorIndex: (dims) => (hnsw = HnswVectorIndex.create(Math.max(dims, 1))),
  });
  const { data } = built;
  // Read once here rather than by every searcher that opens the index (and by the calibration's).
  const readings = analyzer.nounReadings ? chunkReadings(data.chunks, analyzer.nounReadings.bind(analyzer)) : undefined;
  if (options.calibrate !== false) {
    // The thresholds are fitted with the searcher queries will use: same expander and tuning.
    const { expander } = await resolveTextTools({ ...options, analyzer });
    const tuning = { ...DEFAULT_TUNING, ...options.tuning };
    const searcher = new HybridSearcher(data, analyzer, built.queryEmbedder, expander, tuning, readings);
    data.stats.calibration = await calibrate(searcher, data.chunks, {
      precisionTarget: options.answerPrecision,
      budgetMs: calibrationBudgetMs(performance.now() - started),
    });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, FILES.chunks), JSON.stringify(data.chunks));
  writeFieldsAndVectors(
    path.join(dir, FILES.fields),
    data.fields,
    data.questionLines,
    data.dense.vectors,
    data.dense.dims,
  );
  if (built.lsa) writeLsa(path.join(dir, FILES.lsa), built.lsa);
  hnsw?.save(path.join(dir, FILES.hnsw));
  if (readings) writeFileSync(path.join(dir, FILES.readings), JSON.stringify(readings));
  const embedderKind = built.lsa ? 'lsa' : options.dense === false ? 'none' : 'external';
  const manifest: Manifest = { format: FORMAT, stats: data.stats, dims: data.dense.dims, embedderKind };
  writeFileSync(path.join(dir, FILES.manifest), JSON.stringify(manifest, null, 2));
  return data.stats;
}

/** Opens an index written by {@link buildKnowledgeIndex}; external-embedder indexes need `options.embedder`. */
export async function openKnowledgeIndex(
  dir: string,
  options: KnowledgeBaseOptions = {},
): Promise<HybridKnowledgeBase> {
  const { manifest, chunks, fields, vectors, dims, ...saved } = readStoredFiles(dir);
  const { analyzer, expander } = await resolveTextTools(options);
  // Indexes built before the question lines were saved: analyse them once now.
  const questionLines = saved.questionLines ?? buildQuestionLines(chunks, analyzer, fields.content);
  let embedder: Embedder;
  if (manifest.embedderKind === 'lsa') embedder = new LsaEmbedder(readLsa(path.join(dir, FILES.lsa)), analyzer);
  else if (manifest.embedderKind === 'none')
    embedder = { embedDocuments: async (t) => t.map(() => []), embedQuery: async () => [] };
  else if (options.embedder) embedder = options.embedder;
  else
    throw new KotaeError(
      'CONFIG_INVALID',
      `index ${dir} was built with embedder ${manifest.stats.embedder}; configure it to open the index`,
    );
  const index = dims > 0 ? HnswVectorIndex.load(path.join(dir, FILES.hnsw), dims) : HnswVectorIndex.create(1);
  const data = {
    chunks,
    removed: new Set<number>(),
    fields,
    dense: { dims, vectors, index },
    questionLines,
    stats: manifest.stats,
  };
  const embedding: DocumentEmbedding =
    embedder instanceof LsaEmbedder
      ? { kind: 'lsa', model: embedder.model }
      : manifest.embedderKind === 'none'
        ? { kind: 'none' }
        : { kind: 'external', embedder };
  const kb = new HybridKnowledgeBase(
    data,
    new HybridSearcher(data, analyzer, embedder, expander, { ...DEFAULT_TUNING, ...options.tuning }, readReadings(dir)),
    { analyzer, embedding },
  );
  // The incremental updates made since this generation was built (index-deltas.ts).
  for (const delta of readDeltaFiles(dir)) kb.apply(delta);
  return kb;
}

/**
 * Reads every file of the index in `dir` and checks them against each other as {@link openKnowledgeIndex} does,
 * without the text tools (no dictionary is loaded, nothing is analysed): whether the generation still opens
 * (`kotae ingest` rebuilds one that does not). Throws KB_INDEX_CORRUPT naming the first bad file.
 */
export function checkKnowledgeIndex(dir: string): void {
  const { manifest, dims } = readStoredFiles(dir);
  if (manifest.embedderKind === 'lsa') readLsa(path.join(dir, FILES.lsa));
  if (dims > 0) HnswVectorIndex.load(path.join(dir, FILES.hnsw), dims);
  readReadings(dir);
  readDeltaFiles(dir);
}

/** The manifest, the chunks and fields.bin of `dir`, checked against each other. */
function readStoredFiles(dir: string) {
  const manifest = readManifest(dir);
  const chunks = readJson(path.join(dir, FILES.chunks)) as Chunk[];
  if (!Array.isArray(chunks) || chunks.length !== manifest.stats.chunks) throw corrupt(dir, 'chunk count mismatch');
  // A chunk without an id or fields (e.g. null) would fail later, deep in the searcher, as a TypeError.
  if (!chunks.every(isStoredChunk)) throw corrupt(dir, 'chunks.json malformed');
  const read = readFieldsAndVectors(path.join(dir, FILES.fields), chunks.length);
  if (read.dims !== manifest.dims) throw corrupt(dir, 'dimension mismatch');
  return { manifest, chunks, ...read };
}

function isStoredChunk(c: unknown): boolean {
  const x = c as Partial<Chunk> | null;
  return typeof x?.id === 'string' && typeof x.fields === 'object' && x.fields !== null;
}

/** What an incremental update changed. */
export interface IndexUpdate {
  added: number;
  removed: number;
  /** The delta file written (undefined when nothing changed). */
  file?: string;
}

/**
 * Updates `kb` (opened from `dir`) to serve `next`: the delta is embedded, written to the generation's
 * delta log, then applied in memory. `accept` sees the delta first and may refuse it (too large: the
 * caller rebuilds instead); then nothing is written and undefined returned.
 */
export async function updateKnowledgeIndex(
  kb: HybridKnowledgeBase,
  dir: string,
  next: readonly Chunk[],
  accept: (delta: IndexDelta) => boolean = () => true,
): Promise<IndexUpdate | undefined> {
  const delta = kb.diff(next);
  if (delta.added.length === 0 && delta.removed.length === 0) return { added: 0, removed: 0 };
  if (!accept(delta)) return undefined;
  const { prepared, analyses } = await kb.prepare(delta);
  const file = writeDeltaFile(dir, prepared);
  kb.apply(prepared, analyses);
  return { added: delta.added.length, removed: delta.removed.length, file };
}

function readManifest(dir: string): Manifest {
  const file = path.join(dir, FILES.manifest);
  if (!existsSync(file)) throw corrupt(dir, 'manifest.json missing (incomplete build?)');
  const m = readJson(file) as Partial<Manifest>;
  const s = m.stats;
  if (
    m.format !== FORMAT ||
    typeof m.dims !== 'number' ||
    !s ||
    typeof s.chunks !== 'number' ||
    !['lsa', 'external', 'none'].includes(m.embedderKind ?? '')
  ) {
    throw corrupt(dir, 'manifest.json malformed');
  }
  return m as Manifest;
}

/** The kanji readings saved with the index; undefined for an index built before they were saved. */
function readReadings(dir: string): KanjiReadingsState | undefined {
  const file = path.join(dir, FILES.readings);
  if (!existsSync(file)) return undefined;
  const state = readJson(file) as Partial<KanjiReadingsState> | null;
  if (!Array.isArray(state?.surfaces) || !Array.isArray(state.kana)) throw corrupt(dir, 'readings.json malformed');
  return state as KanjiReadingsState;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new KotaeError('KB_INDEX_CORRUPT', `index file unreadable: ${file}`, { cause: err });
  }
}

function corrupt(dir: string, why: string): KotaeError {
  return new KotaeError('KB_INDEX_CORRUPT', `knowledge index ${dir}: ${why}`);
}
