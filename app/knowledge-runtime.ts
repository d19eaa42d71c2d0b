/**
 * Knowledge at run time: the embedder chosen by configuration, ingest into the data directory
 * (automatic on first start) and the live index the bot searches. A change of the sources (an
 * approved FAQ, an upload, a sync) updates the serving index in place (incremental: only the chunks
 * that differ are analysed and embedded, and logged beside the generation); a full build — first
 * start, a large change, the background merge of the accumulated updates — runs in a child process
 * once the server is up, and the live index swaps to the generation it publishes.
 */
import fs from 'node:fs';
import type { Logger } from '../core';
import {
  buildKnowledgeIndex,
  createJapaneseAnalyzer,
  createQueryExpander,
  openKnowledgeIndex,
  updateKnowledgeIndex,
  type HybridKnowledgeBase,
  type IndexDelta,
} from '../knowledge';
import type { TextAnalyzer } from '../knowledge';
import type { QueryExpander } from '../knowledge';
import type { IndexStats } from '../knowledge';
import { currentIndexDir, runIngest, type IndexUpdater, type IngestSummary, type IngestProgress } from '../ingest';
import type { KotaeConfig } from './config';
import { buildInChildProcess } from './index-build-process';
import { createEmbedder } from './knowledge-embedder';
import { LiveKnowledge } from './live-knowledge';
import { hiddenFaqsDir, managedKbDir } from './managed-faqs';
import { knowledgeFolders } from './knowledge-folders';

export { createEmbedder } from './knowledge-embedder';

/** The knowledge side of a running Kotae. */
export interface KnowledgeRuntime {
  live: LiveKnowledge<HybridKnowledgeBase>;
  /** The analysis and synonym expansion the index uses (shared with the gap clusters). */
  analyzer: TextAnalyzer;
  expander: QueryExpander;
  /**
   * Ingests a folder (default: the configured KB folder): an update in place when the change is small,
   * otherwise a full build; `force` always builds in full.
   */
  ingest(
    sourceDir?: string,
    onProgress?: (p: IngestProgress) => void,
    options?: { force?: boolean },
  ): Promise<IngestSummary>;
  /** Folds the incremental updates into a new full build now (refits the LSA model and the calibration). */
  merge(): Promise<IngestSummary>;
  /** Cancels a scheduled merge. */
  stop(): void;
}

/** Tuning of the incremental updates (tests shorten the merge delay). */
export interface IncrementalOptions {
  /** Wait after the last update before a due merge starts (default 60 s). */
  mergeDelayMs?: number;
}

/** Largest change applied in place: 20 % of the index (at least 50 chunks), at most 5,000 chunks. */
export function acceptsDelta(delta: IndexDelta, chunks: number): boolean {
  const size = delta.added.length + delta.removed.length;
  return size <= Math.min(5000, Math.max(50, 0.2 * chunks));
}

/** A merge is due after 20 updates, or once the updates changed 10 % of the chunks. */
export function mergeDue(stats: Partial<IndexStats>): boolean {
  const u = stats.updates;
  return !!u && (u.count >= 20 || u.added + u.removed >= 0.1 * Math.max(stats.chunks ?? 0, 1));
}

/** Creates the runtime and, when no index exists yet, ingests the configured KB folder. */
export async function createKnowledgeRuntime(
  config: Readonly<KotaeConfig>,
  logger: Logger,
  incremental: IncrementalOptions = {},
): Promise<KnowledgeRuntime> {
  // One kuromoji dictionary (about 270 MB) and one synonym expander (the Sudachi dictionary) per
  // process: shared by every build and index swap.
  const loading = createJapaneseAnalyzer();
  const expander = await createQueryExpander(loading, 'curated+sudachi');
  const analyzer = await loading;
  const embedding = { ...createEmbedder(config), analyzer, expander };
  const live = new LiveKnowledge(
    { currentDir: () => currentIndexDir(config.dataDir), open: (dir) => openKnowledgeIndex(dir, embedding) },
    logger,
  );
  // Before the server answers, the first build may as well run here (nothing to keep responsive).
  let serving = false;
  const builder = buildInChildProcess(config);
  let mergeTimer: NodeJS.Timeout | undefined;
  const scheduleMerge = () => {
    if (mergeTimer) clearTimeout(mergeTimer);
    mergeTimer = setTimeout(() => {
      mergeTimer = undefined;
      void merge().catch((err: unknown) =>
        logger.error('knowledge index merge failed', { error: err instanceof Error ? err.message : String(err) }),
      );
    }, incremental.mergeDelayMs ?? 60_000);
    mergeTimer.unref();
  };
  const update: IndexUpdater = async (chunks, dir) => {
    // A generation that cannot be loaded is not updated in place: undefined below makes it a full build.
    await live.reload().catch((err: unknown) => live.logLoadFailure(err));
    return live.withLoaded(dir, async (kb) => {
      const started = performance.now();
      const done = await updateKnowledgeIndex(kb, dir, chunks, (d) => acceptsDelta(d, kb.stats().chunks));
      if (!done) return undefined;
      logger.info('knowledge index updated in place', { ...done, ms: Math.round(performance.now() - started) });
      if (mergeDue(kb.stats())) scheduleMerge();
      return { added: done.added, removed: done.removed };
    });
  };
  // One ingest at a time in this process (FAQ approvals, uploads and the SharePoint sync all re-index;
  // the ingest lock would refuse a second one): each waits for the one before it.
  let queue: Promise<unknown> = Promise.resolve();
  const ingest: KnowledgeRuntime['ingest'] = (sourceDir = config.kbDir, onProgress, options = {}) => {
    const now = () => ingestNow(sourceDir, onProgress, options.force ?? false);
    const run = queue.then(now, now);
    queue = run.catch(() => undefined);
    return run;
  };
  const ingestNow = async (
    sourceDir: string,
    onProgress: ((p: IngestProgress) => void) | undefined,
    force: boolean,
  ) => {
    const summary = await runIngest({
      sourceDir,
      dataDir: config.dataDir,
      extraDirs: [
        { dir: managedKbDir(config.dataDir), prefix: '@console', overrides: true },
        { dir: hiddenFaqsDir(config.dataDir), prefix: '@console-hidden', overrides: true, withholds: true },
        ...knowledgeFolders(config.dataDir),
      ],
      logger,
      onProgress,
      // An index that cannot be loaded is rebuilt even when no file changed (any console ingest repairs it).
      force: force || live.unreadableGeneration() !== undefined,
      update,
      build: serving
        ? builder
        : (chunks, dir, options) =>
            buildKnowledgeIndex(chunks, dir, { ...embedding, answerPrecision: config.answerPrecision, ...options }),
    });
    await live.reload();
    return summary;
  };
  const merge = () => {
    logger.info('knowledge index: merging the incremental updates into a full build (child process)');
    return ingest(config.kbDir, undefined, { force: true });
  };
  if (!currentIndexDir(config.dataDir)) {
    if (fs.existsSync(config.kbDir)) {
      logger.info('no knowledge index yet: ingesting the knowledge folder', { kbDir: config.kbDir });
      const summary = await ingest();
      logger.info('initial ingest done', {
        files: summary.files,
        chunks: summary.chunks,
        skipped: summary.skipped.length,
      });
    } else {
      logger.error('no knowledge index and the knowledge folder is missing', { kbDir: config.kbDir });
    }
  }
  // A broken index does not stop the server: the console and tickets work, /healthz says 503, questions are refused.
  await live.reload().catch((err: unknown) => live.logLoadFailure(err));
  serving = true;
  // Updates logged but not merged yet (e.g. before a restart) still get their merge.
  if (mergeDue(live.status())) scheduleMerge();
  return {
    live,
    ingest,
    merge,
    analyzer,
    expander,
    stop: () => {
      if (mergeTimer) clearTimeout(mergeTimer);
      mergeTimer = undefined;
    },
  };
}
