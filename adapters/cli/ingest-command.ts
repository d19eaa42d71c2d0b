/** `kotae ingest` wired to the configuration: data folder, KB folder and the configured embedder. */
import { createEmbedder } from '../../app/knowledge-runtime';
import type { IndexBuilder } from '../../ingest';
import { buildKnowledgeIndex } from '../../knowledge';
import type { CliIo } from './io';
import { runIngestCommand } from './ingest';
import { configFromProcess, defaultRuntime } from './runtime';

/** Entry used by the CLI dispatcher. */
export async function ingestCommand(argv: string[], io: CliIo): Promise<number> {
  const config = configFromProcess();
  const { logger } = defaultRuntime();
  const { embedder } = createEmbedder(config);
  const build: IndexBuilder = (chunks, dir, options) =>
    buildKnowledgeIndex(chunks, dir, { embedder, answerPrecision: config.answerPrecision, ...options });
  return runIngestCommand(argv, {
    dataDir: config.dataDir,
    defaultSourceDir: config.kbDir,
    build,
    logger,
    out: io.out,
    err: io.err,
    isTTY: io.isTTY,
  });
}
