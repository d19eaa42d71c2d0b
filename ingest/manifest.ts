/**
 * What the previous run indexed, for incremental sync. Each generation carries its own
 * `ingest-manifest.json` (file → cache key), so the manifest always matches the index it sits in.
 * Parsed chunks live in a content-addressed cache (`index/cache/<key>.json`) shared by generations.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inDataDir } from './data-dir';
import type { Chunk } from '../knowledge';
import { isAtomicTempName, readJsonFile, writeFileAtomic } from '../core';
import type { SkippedItem } from './types';

/** How one file ended up last time: indexed (chunks in the cache) or skipped with a reason. */
export type ManifestEntry =
  | { status: 'indexed'; contentHash: string; cacheKey: string; chunks: number }
  | { status: 'skipped'; contentHash: string; cacheKey: string; reason: string };

/** The manifest of one generation. */
export interface Manifest {
  version: 1;
  sourceDir: string;
  createdAt: string;
  files: Record<string, ManifestEntry>;
}

/** The parsed form of one file, as cached. */
export interface CachedFile {
  chunks: Chunk[];
  skippedParts: SkippedItem[];
  /** Rows kept but worth checking (absent in caches written before warnings existed). */
  warnings?: SkippedItem[];
}

const MANIFEST_FILE = 'ingest-manifest.json';

/** The manifest inside a generation directory; an empty one when missing or unreadable. */
export function readManifest(generationDir: string | undefined): Manifest {
  const data = generationDir ? readJsonFile(path.join(generationDir, MANIFEST_FILE)) : undefined;
  const ok = typeof data === 'object' && data !== null && (data as Manifest).version === 1;
  return ok ? (data as Manifest) : { version: 1, sourceDir: '', createdAt: '', files: {} };
}

/** Writes the manifest into a freshly built generation directory. */
export function writeManifest(generationDir: string, manifest: Manifest): void {
  writeFileAtomic(path.join(generationDir, MANIFEST_FILE), JSON.stringify(manifest));
}

/** The chunk cache of `<dataDir>/index/cache`. */
export class ChunkCache {
  constructor(private readonly dir: string) {}

  /** Cached chunks for a key, or undefined when absent or unreadable. */
  read(cacheKey: string): CachedFile | undefined {
    const data = readJsonFile(this.file(cacheKey)) as CachedFile | undefined;
    return data && Array.isArray(data.chunks) && Array.isArray(data.skippedParts) ? data : undefined;
  }

  /** Stores a file's chunks under its key. */
  write(cacheKey: string, value: CachedFile): void {
    inDataDir(this.dir, () => {
      fs.mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(this.file(cacheKey), JSON.stringify(value));
    });
  }

  /** Deletes every entry not referenced by the given manifests. */
  retainOnly(manifests: readonly Manifest[]): void {
    const keep = new Set(manifests.flatMap((m) => Object.values(m.files).map((e) => `${e.cacheKey}.json`)));
    if (!fs.existsSync(this.dir)) return;
    for (const name of fs.readdirSync(this.dir)) {
      if (keep.has(name) && !isAtomicTempName(name)) continue;
      try {
        fs.rmSync(path.join(this.dir, name), { force: true });
      } catch {
        // Best effort: an entry that cannot be deleted now is retried after the next ingest.
      }
    }
  }

  private file(cacheKey: string): string {
    return path.join(this.dir, `${cacheKey}.json`);
  }
}
