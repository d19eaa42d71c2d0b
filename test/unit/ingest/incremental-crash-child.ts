/**
 * Child process of the incremental crash test. Mode `update`: applies the change of the source folder
 * to the current generation in place (delta logged), says "UPDATED" and hangs before the ingest
 * manifest is written. Mode `merge`: starts a forced full build that says "BUILDING" and hangs.
 * The parent kills it with SIGKILL. Usage: node --import tsx incremental-crash-child.ts <mode> <src> <data>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryLogger } from '../../../core/logger';
import { currentIndexDir, runIngest } from '../../../ingest';
import { createJapaneseAnalyzer, openKnowledgeIndex, updateKnowledgeIndex } from '../../../knowledge';

const [mode, sourceDir, dataDir] = process.argv.slice(2);
const hang = () => new Promise<never>(() => setInterval(() => undefined, 1000));

async function main(): Promise<void> {
  const analyzer = await createJapaneseAnalyzer();
  const kb = await openKnowledgeIndex(currentIndexDir(dataDir) as string, { analyzer, synonyms: 'curated' });
  await runIngest({
    sourceDir,
    dataDir,
    logger: new MemoryLogger(),
    force: mode === 'merge',
    update: async (chunks, dir) => {
      const done = await updateKnowledgeIndex(kb, dir, chunks);
      process.stdout.write('UPDATED\n');
      await hang();
      return done;
    },
    build: async (_chunks, dir) => {
      fs.writeFileSync(path.join(dir, 'chunks.json'), '[');
      process.stdout.write('BUILDING\n');
      await hang();
    },
  });
}

void main();
