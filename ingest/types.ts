/** Records and function types of the ingestion pipeline. */
import type { Logger } from '../core';
import type { Chunk, IndexCalibration } from '../knowledge';

/**
 * Builds a knowledge index from chunks into `dir` (an empty, fresh directory). Shaped so that
 * knowledge's `buildKnowledgeIndex(chunks, dir, { embedder, onProgress })` can be passed as is.
 */
export type IndexBuilder = (
  chunks: Chunk[],
  dir: string,
  options?: { onProgress?: (done: number, total: number) => void },
) => Promise<unknown>;

/**
 * Updates the serving index of generation `dir` in place to hold `chunks` (an incremental update:
 * only the chunks that differ are analysed and embedded). Returns what changed, or undefined when the
 * change should be a full build instead (too large, or no index of that generation loaded).
 */
export type IndexUpdater = (chunks: Chunk[], dir: string) => Promise<{ added: number; removed: number } | undefined>;

/**
 * Checks that the index generation in `dir` still opens; throws (KB_INDEX_CORRUPT) when it does not. Shaped so
 * that knowledge's `checkKnowledgeIndex(dir)` can be passed as is.
 */
export type IndexChecker = (dir: string) => void | Promise<void>;

/** Progress of a run: files parsed (or reused), then index building. */
export interface IngestProgress {
  phase: 'parse' | 'build';
  done: number;
  total: number;
  /** The file just handled (parse phase only). */
  path?: string;
}

/** Options of `runIngest`. */
export interface IngestOptions {
  /** Folder of FAQ sheets and manuals (the KB root). */
  sourceDir: string;
  /** Kotae's data folder; the index lives in `<dataDir>/index/`. */
  dataDir: string;
  build: IndexBuilder;
  logger: Logger;
  /** Files larger than this are skipped before parsing (default 50 MB). */
  maxFileBytes?: number;
  /** Rebuild the index even when no file changed (e.g. after changing the embedder). */
  force?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Let an empty source folder replace an index built from its files (default: refused with
   * INGEST_SOURCE_MISSING, as an unmounted share looks empty).
   */
  allowEmpty?: boolean;
  /**
   * When no file changed, the current generation is kept only if it passes this check; one that does not open
   * (a damaged or missing file) is rebuilt, and the summary says so (`repaired`). Without it, only `force` rebuilds.
   */
  check?: IndexChecker;
  /** Incremental updates of the current generation (without: every change is a full build). */
  update?: IndexUpdater;
  /**
   * More folders indexed with the source (e.g. FAQs managed in the console); paths get `prefix/`.
   * With `overrides`, an FAQ id of such a folder replaces the same id of any other file. With `withholds` too,
   * its FAQs are not indexed either: their ids are kept out of the index (the console's hidden FAQs).
   */
  extraDirs?: { dir: string; prefix: string; overrides?: boolean; withholds?: boolean }[];
}

/** A file (or `file:row`) left out of the index, with a Japanese reason for operators. */
export interface SkippedItem {
  path: string;
  reason: string;
}

/**
 * Outcome of a run. `files` counts every non-hidden file found; of those, `indexed` were parsed
 * this run, `unchanged` were reused from the previous run, the rest are in `skipped` (which also
 * lists single FAQ rows as `file:row`). `removed` counts files indexed last time that are gone.
 */
export interface IngestSummary {
  files: number;
  indexed: number;
  unchanged: number;
  removed: number;
  chunks: number;
  skipped: SkippedItem[];
  /**
   * Files and rows indexed but worth checking (an FAQ id shared with another file, a CSV row with more
   * cells than its header), with a Japanese note; set by runIngest.
   */
  warnings?: SkippedItem[];
  durationMs: number;
  /** The generation directory CURRENT points to after the run. */
  indexDir: string;
  /** False when nothing changed and the previous index was kept as it was, or when it was updated in place. */
  rebuilt: boolean;
  /**
   * Set when no file changed but the current generation failed the `check` and was rebuilt: its folder name
   * and why it failed (the internal English message).
   */
  repaired?: { generation: string; reason: string };
  /** Set when the current generation was updated in place (incremental) rather than rebuilt. */
  updated?: { added: number; removed: number };
  /** The answer thresholds the new index calibrated on itself (absent when kept or not calibrated). */
  calibration?: IndexCalibration;
}
