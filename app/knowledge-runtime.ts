/**
 * Knowledge at run time: the embedder chosen by configuration, ingest into the data directory
 * (automatic on first start) and the live index the bot searches.
 */
import fs from 'node:fs';
import type { Logger } from '../core';
import { buildKnowledgeIndex, createJapaneseAnalyzer, createQueryExpander, openKnowledgeIndex } from '../knowledge';
import type { Embedder } from '../knowledge';
import type { TextAnalyzer } from '../knowledge';
import type { QueryExpander } from '../knowledge';
import { currentIndexDir, runIngest, type IngestSummary, type IngestProgress } from '../ingest';
import { OpenAiEmbedder } from '../adapters/llm';
import type { KotaeConfig } from './config';
import { LiveKnowledge } from './live-knowledge';
import { managedKbDir } from './managed-faqs';
import { knowledgeFolders } from './knowledge-folders';

/** The knowledge side of a running Kotae. */
export interface KnowledgeRuntime {
  live: LiveKnowledge;
  /** The analysis and synonym expansion the index uses (shared with the gap clusters). */
  analyzer: TextAnalyzer;
  expander: QueryExpander;
  /** Ingests a folder (default: the configured KB folder) and switches to the new index. */
  ingest(sourceDir?: string, onProgress?: (p: IngestProgress) => void): Promise<IngestSummary>;
}

/** The embedder configured (undefined = the local LSA default). */
export function createEmbedder(config: Readonly<KotaeConfig>): { embedder?: Embedder; embedderName?: string } {
  if (config.embeddings.kind !== 'openai') return {};
  const e = config.embeddings;
  return {
    embedder: new OpenAiEmbedder({ apiKey: e.apiKey, baseURL: e.baseUrl, model: e.model, apiVersion: e.apiVersion }),
    embedderName: `openai:${e.model}`,
  };
}

/** Creates the runtime and, when no index exists yet, ingests the configured KB folder. */
export async function createKnowledgeRuntime(config: Readonly<KotaeConfig>, logger: Logger): Promise<KnowledgeRuntime> {
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
  // One ingest at a time in this process (FAQ approvals, uploads and the SharePoint sync all re-index;
  // the ingest lock would refuse a second one): each waits for the one before it.
  let queue: Promise<unknown> = Promise.resolve();
  const ingest = (sourceDir = config.kbDir, onProgress?: (p: IngestProgress) => void) => {
    const run = queue.then(
      () => ingestNow(sourceDir, onProgress),
      () => ingestNow(sourceDir, onProgress),
    );
    queue = run.catch(() => undefined);
    return run;
  };
  const ingestNow = async (sourceDir: string, onProgress?: (p: IngestProgress) => void) => {
    const summary = await runIngest({
      sourceDir,
      dataDir: config.dataDir,
      extraDirs: [
        { dir: managedKbDir(config.dataDir), prefix: '@console', overrides: true },
        ...knowledgeFolders(config.dataDir),
      ],
      logger,
      onProgress,
      build: (chunks, dir, options) =>
        buildKnowledgeIndex(chunks, dir, { ...embedding, answerPrecision: config.answerPrecision, ...options }),
    });
    await live.reload();
    return summary;
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
  await live
    .reload()
    .catch((err: unknown) => logger.error('knowledge index load failed', { error: (err as Error).message }));
  return { live, ingest, analyzer, expander };
}
