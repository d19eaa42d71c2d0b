/**
 * `runIngest`: KB folder → chunks → the index, incrementally (unchanged files reuse their cached
 * chunks). With `update`, a change is applied to the current generation in place (only the chunks that
 * differ are analysed and embedded; the generation's ingest manifest is rewritten after the index's delta
 * log, so a crash in between is caught up by the next run). Otherwise, or when `update` declines, a
 * new generation is built from all chunks (the LSA model and the calibration are corpus-wide) and
 * published atomically (CURRENT moves only once it is complete).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KotaeError, toKotaeError } from '../core';
import { inDataDir, prepareIndexRoot } from './data-dir';
import { assertSourceNotEmptied } from './empty-source-guard';
import { ingestFile, type FileOutcome } from './file-ingest';
import { createGeneration, publishGeneration, readPointer, removeStaleGenerations } from './generations';
import { acquireIngestLock } from './ingest-lock';
import { ChunkCache, readManifest, writeManifest, type Manifest } from './manifest';
import { assemble } from './assemble';
import { SKIP_REASONS } from './skip-reasons';
import { assertSourceReadable, listSourceFiles } from './source-walk';
import type { IndexChecker, IngestOptions, IngestSummary } from './types';

/** Default size limit: larger files are skipped before parsing. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Ingests `sourceDir` into `<dataDir>/index`; see IngestSummary for what the counts mean. */
export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { logger } = options;
  const sourceDir = path.resolve(options.sourceDir);
  assertSourceReadable(sourceDir);
  const root = prepareIndexRoot(options.dataDir);
  const release = inDataDir(root, () => acquireIngestLock(root, logger));
  try {
    inDataDir(root, () => removeStaleGenerations(root, logger));
    const currentName = readPointer(root, 'CURRENT');
    const previous = readManifest(currentName && path.join(root, currentName));
    const cache = new ChunkCache(path.join(root, 'cache'));
    const { entries, unreadableDirs, linksOutside } = listSourceFiles(sourceDir);
    if (!options.allowEmpty)
      assertSourceNotEmptied(
        sourceDir,
        entries.length,
        previous,
        (options.extraDirs ?? []).map((d) => `${d.prefix}/`),
      );
    for (const extra of options.extraDirs ?? []) {
      if (!fs.existsSync(extra.dir)) continue;
      const more = listSourceFiles(extra.dir);
      entries.push(...more.entries.map((e) => ({ ...e, relPath: `${extra.prefix}/${e.relPath}` })));
      unreadableDirs.push(...more.unreadableDirs.map((d) => `${extra.prefix}/${d}`));
      linksOutside.push(...more.linksOutside.map((p) => `${extra.prefix}/${p}`));
    }
    logger.info('ingest started', { sourceDir, files: entries.length, current: currentName });

    const outcomes: FileOutcome[] = [];
    for (const entry of entries) {
      const context = { previous, cache, maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, logger };
      outcomes.push(await ingestFile(entry, context));
      options.onProgress?.({ phase: 'parse', done: outcomes.length, total: entries.length, path: entry.relPath });
    }
    const present = new Set(entries.map((e) => e.relPath));
    const removed = Object.entries(previous.files).filter(([p, e]) => e.status === 'indexed' && !present.has(p)).length;
    const overriding = (options.extraDirs ?? []).filter((d) => d.overrides).map((d) => `${d.prefix}/`);
    const withholding = (options.extraDirs ?? []).filter((d) => d.overrides && d.withholds).map((d) => `${d.prefix}/`);
    const { chunks, skipped, warnings } = assemble(outcomes, overriding, withholding);
    skipped.push(...unreadableDirs.map((dir) => ({ path: dir + '/', reason: SKIP_REASONS.unreadable })));
    skipped.push(...linksOutside.map((link) => ({ path: link, reason: SKIP_REASONS.linkOutside })));
    if (linksOutside.length > 0) logger.warn('links out of the knowledge folder not indexed', { paths: linksOutside });
    const counts = {
      files: entries.length + linksOutside.length,
      indexed: outcomes.filter((o) => o.kind === 'indexed').length,
      unchanged: outcomes.filter((o) => o.kind === 'unchanged').length,
      removed,
      chunks: chunks.length,
      skipped,
      warnings,
    };
    let repaired: IngestSummary['repaired'];
    if (currentName && !options.force && !needsRebuild(previous, outcomes, sourceDir)) {
      const reason = await checkFails(path.join(root, currentName), options.check);
      if (reason === undefined) {
        logger.info('ingest found no changes; index kept', { indexDir: currentName });
        return {
          ...counts,
          durationMs: performance.now() - started,
          indexDir: path.join(root, currentName),
          rebuilt: false,
        };
      }
      // Kept, the broken generation would go on refusing every question: build it again from the same files.
      repaired = { generation: currentName, reason };
      logger.warn('ingest: the current index cannot be opened; rebuilding it although no file changed', {
        indexDir: currentName,
        error: reason,
      });
    }

    const manifest: Manifest = { version: 1, sourceDir, createdAt: new Date().toISOString(), files: {} };
    for (const o of outcomes) if (o.entry) manifest.files[o.relPath] = o.entry;
    if (currentName && !options.force && !repaired && options.update) {
      const currentDir = path.join(root, currentName);
      const updated = await options.update(chunks, currentDir);
      if (updated) {
        inDataDir(root, () => {
          writeManifest(currentDir, manifest);
          const previousName = readPointer(root, 'PREVIOUS');
          cache.retainOnly([manifest, ...(previousName ? [readManifest(path.join(root, previousName))] : [])]);
        });
        const summary = {
          ...counts,
          durationMs: performance.now() - started,
          indexDir: currentDir,
          rebuilt: false,
          updated,
        };
        logger.info('ingest updated the index in place', { ...summary, skipped: skipped.length });
        return summary;
      }
    }
    const generation = inDataDir(root, () => createGeneration(root));
    let built: unknown;
    try {
      built = await options.build(chunks, generation.dir, {
        onProgress: (done, total) => options.onProgress?.({ phase: 'build', done, total }),
      });
      inDataDir(root, () => writeManifest(generation.dir, manifest));
    } catch (err) {
      removeQuietly(generation.dir);
      if (err instanceof KotaeError) throw err;
      throw new KotaeError('INGEST_FAILED', `index build failed: ${String(err)}`, { cause: err });
    }
    inDataDir(root, () => {
      publishGeneration(root, generation.name);
      removeStaleGenerations(root, logger);
      const previousName = readPointer(root, 'PREVIOUS');
      cache.retainOnly([manifest, ...(previousName ? [readManifest(path.join(root, previousName))] : [])]);
    });
    const calibration = (built as { calibration?: IngestSummary['calibration'] } | undefined)?.calibration;
    const summary: IngestSummary = {
      ...counts,
      durationMs: performance.now() - started,
      indexDir: generation.dir,
      rebuilt: true,
      ...(repaired ? { repaired } : {}),
      ...(calibration ? { calibration } : {}),
    };
    logger.info('ingest finished', { ...summary, skipped: skipped.length });
    return summary;
  } catch (err) {
    throw toKotaeError(err, 'INGEST_FAILED');
  } finally {
    release();
  }
}

/** True when the indexed files differ from the previous run's, or a new skip should be remembered. */
function needsRebuild(previous: Manifest, outcomes: readonly FileOutcome[], sourceDir: string): boolean {
  const before = Object.entries(previous.files).filter(([, e]) => e.status === 'indexed');
  const after = outcomes.filter((o) => o.kind !== 'skipped');
  const same =
    before.length === after.length && after.every((o) => previous.files[o.relPath]?.cacheKey === o.entry.cacheKey);
  const newSkip = outcomes.some((o) => o.kind === 'skipped' && o.fresh && o.entry);
  return !same || newSkip || previous.sourceDir !== sourceDir;
}

/** Why the generation in `dir` fails `check`; undefined when it passes (or nothing checks it). */
async function checkFails(dir: string, check: IndexChecker | undefined): Promise<string | undefined> {
  if (!check) return undefined;
  try {
    await check(dir);
    return undefined;
  } catch (err) {
    return toKotaeError(err, 'KB_INDEX_CORRUPT').message;
  }
}

/** Deletes a failed generation; if that fails too, the next run's stale-generation cleanup does it. */
function removeQuietly(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // Left for removeStaleGenerations.
  }
}
