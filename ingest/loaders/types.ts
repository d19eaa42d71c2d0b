/** Shapes shared by the per-format loaders. */
import type { KnowledgeDocument } from '../../knowledge';

/** One source file as the loaders see it: bytes already read and hashed. */
export interface SourceFile {
  /** Path relative to the KB root, with forward slashes. */
  relPath: string;
  bytes: Buffer;
  /** sha256 of the file bytes (hex). */
  contentHash: string;
  /** From a `<file>.meta.json` sidecar, when one exists. */
  meta?: SourceMeta;
}

/** Optional metadata given by an operator beside a file. */
export interface SourceMeta {
  url?: string;
  title?: string;
}

/** A row or part of a file that was left out while the rest of the file loaded. */
export interface SkippedPart {
  /** e.g. `faq.csv:12` (file and 1-based row). */
  path: string;
  reason: string;
}

/** What a loader returns for one file. */
export interface LoadResult {
  documents: KnowledgeDocument[];
  skippedParts: SkippedPart[];
  /** Parts kept but worth checking (e.g. a CSV row with more cells than its header), same shape. */
  warnings?: SkippedPart[];
}

/** Parses one file; throws a KotaeError INGEST_FILE_SKIPPED (see skipFile) to skip it whole. */
export type Loader = (file: SourceFile) => Promise<LoadResult>;
