/**
 * `kotae ingest` wired from the composition root (app/kotae-parts.ts): the index builder with the
 * configured embedder, the check that the current index still opens, and the database's index generation
 * the running instances poll.
 */
import { KNOWLEDGE_GENERATION, withKotae, type KotaeParts } from '../../app';
import { checkKnowledgeIndex } from '../../knowledge';
import type { CliIo } from './io';
import { runIngestCommand } from './ingest';
import { configFromProcess, defaultRuntime } from './runtime';

/** Entry used by the CLI dispatcher. */
export function ingestCommand(argv: string[], io: CliIo): Promise<number> {
  const config = configFromProcess();
  const runtime = defaultRuntime();
  return withKotae(config, runtime, {}, (kotae) =>
    runIngestCommand(argv, {
      dataDir: config.dataDir,
      defaultSourceDir: config.kbDir,
      build: kotae.indexBuilder(),
      // A generation that no longer opens is rebuilt even when no file changed (a cheap check: no dictionary).
      check: checkKnowledgeIndex,
      logger: runtime.logger,
      out: io.out,
      err: io.err,
      isTTY: io.isTTY,
      publish: () => publishKnowledgeGeneration(kotae),
    }),
  );
}

/**
 * Bumps the knowledge index generation in the database (the running instances poll it). A SQLite file
 * that does not exist yet (ingest before the first start) has no instance to tell: undefined.
 */
export async function publishKnowledgeGeneration(kotae: KotaeParts): Promise<number | undefined> {
  const generations = await kotae.indexGenerations();
  return generations?.bump(KNOWLEDGE_GENERATION);
}
