/** `kotae ingest` wired to the configuration: data folder, KB folder and the configured embedder. */
import fs from 'node:fs';
import { createEmbedder } from '../../app';
import { KNOWLEDGE_GENERATION } from '../../app';
import { createDataSource, type DbConfig } from '../../db';
import { SqlIndexGenerations } from '../../db';
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
    publish: () => publishKnowledgeGeneration(config.db),
  });
}

/**
 * Bumps the knowledge index generation in the database (the running instances poll it). A SQLite file
 * that does not exist yet (ingest before the first start) has no instance to tell: undefined.
 */
export async function publishKnowledgeGeneration(db: DbConfig): Promise<number | undefined> {
  if (db.kind === 'sqlite' && !fs.existsSync(db.path)) return undefined;
  const ds = await createDataSource(db).initialize();
  try {
    return await new SqlIndexGenerations(ds, () => new Date()).bump(KNOWLEDGE_GENERATION);
  } finally {
    await ds.destroy();
  }
}
