/**
 * One file through the pipeline: size and format checks, hashing, reuse of the cached chunks
 * when the content is unchanged, otherwise load → split → cache.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { KotaeError } from '../core';
import type { Logger } from '../core';
import { CHUNK_OVERLAP, CHUNK_SIZE } from './japanese-splitter';
import { splitDocuments } from './chunk';
import { legacyOfficeFormat, loaderFor, type SourceMeta } from './loaders';
import type { CachedFile, ChunkCache, Manifest, ManifestEntry } from './manifest';
import { SKIP_REASONS } from './skip-reasons';
import type { SourceEntry } from './source-walk';

/**
 * Bump when loaders or splitting change, so cached chunks from older code are re-parsed (3: hidden sheets left
 * out, cell hyperlinks kept, PDF/DOCX titles from their own headings, PDF sentences kept across a page break).
 */
export const PARSER_VERSION = 3;

/** What happened to one file. `entry` is recorded in the new manifest (none for cheap checks). */
export type FileOutcome =
  | { kind: 'indexed' | 'unchanged'; relPath: string; entry: ManifestEntry; cached: CachedFile }
  | { kind: 'skipped'; relPath: string; reason: string; entry?: ManifestEntry; fresh: boolean };

/** What `ingestFile` needs besides the file. */
export interface FileContext {
  previous: Manifest;
  cache: ChunkCache;
  maxFileBytes: number;
  logger: Logger;
}

/** Loads one file, or reuses its chunks from the previous run when its content is unchanged. */
export async function ingestFile(source: SourceEntry, ctx: FileContext): Promise<FileOutcome> {
  const relPath = source.relPath;
  const skip = (reason: string): FileOutcome => ({ kind: 'skipped', relPath, reason, fresh: true });
  if (source.size === 0) return skip(SKIP_REASONS.empty);
  if (source.size > ctx.maxFileBytes) return skip(SKIP_REASONS.tooLarge(formatBytes(ctx.maxFileBytes)));
  const loader = loaderFor(relPath);
  if (!loader) {
    const legacy = legacyOfficeFormat(relPath);
    return skip(legacy ? SKIP_REASONS.legacyOffice(legacy.app, legacy.successor) : SKIP_REASONS.unsupported);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(source.absPath);
  } catch {
    return skip(SKIP_REASONS.unreadable);
  }
  const contentHash = sha256(bytes);
  const sidecar = source.sidecarPath ? readOrUndefined(source.sidecarPath) : undefined;
  const cacheKey = sha256(
    [PARSER_VERSION, CHUNK_SIZE, CHUNK_OVERLAP, relPath, contentHash, sidecar ? sha256(sidecar) : ''].join('\0'),
  );
  const reused = reuse(ctx, relPath, cacheKey);
  if (reused) return reused;
  let cached: CachedFile;
  try {
    const { documents, skippedParts, warnings } = await loader({
      relPath,
      bytes,
      contentHash,
      meta: parseMeta(sidecar),
    });
    cached = { chunks: await splitDocuments(documents), skippedParts, ...(warnings?.length ? { warnings } : {}) };
  } catch (err) {
    if (err instanceof KotaeError && err.code === 'INGEST_FILE_SKIPPED') {
      ctx.logger.warn('file skipped', { path: relPath, reason: err.message });
      const entry: ManifestEntry = { status: 'skipped', contentHash, cacheKey, reason: err.userMessage };
      return { kind: 'skipped', relPath, reason: err.userMessage, entry, fresh: true };
    }
    if (err instanceof KotaeError) throw err;
    ctx.logger.error('file failed to load', { path: relPath, error: String(err) });
    return skip(SKIP_REASONS.readFailed);
  }
  ctx.cache.write(cacheKey, cached);
  return {
    kind: 'indexed',
    relPath,
    cached,
    entry: { status: 'indexed', contentHash, cacheKey, chunks: cached.chunks.length },
  };
}

function reuse(ctx: FileContext, relPath: string, cacheKey: string): FileOutcome | undefined {
  const entry = ctx.previous.files[relPath];
  if (entry?.cacheKey !== cacheKey) return undefined;
  if (entry.status === 'skipped') return { kind: 'skipped', relPath, reason: entry.reason, entry, fresh: false };
  const cached = ctx.cache.read(cacheKey);
  return cached ? { kind: 'unchanged', relPath, entry, cached } : undefined;
}

function parseMeta(sidecar: Buffer | undefined): SourceMeta | undefined {
  if (!sidecar) return undefined;
  const data = readJsonText(sidecar.toString('utf8'));
  if (typeof data !== 'object' || data === null) return undefined;
  const { url, title } = data as Record<string, unknown>;
  return { url: typeof url === 'string' ? url : undefined, title: typeof title === 'string' ? title : undefined };
}

function readJsonText(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined;
  }
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** 52428800 → "50MB", 2048 → "2KB", 100 → "100バイト". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10}MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10}KB`;
  return `${n}バイト`;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
