/**
 * Child process of the crash test: runs an ingest whose builder writes part of an index, says
 * "BUILDING <dir>" on stdout and then hangs until the parent kills it with SIGKILL.
 * Usage: node --import tsx crash-child.ts <sourceDir> <dataDir>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryLogger } from '../../../core/logger';
import { runIngest } from '../../../ingest';

const [sourceDir, dataDir] = process.argv.slice(2);
void runIngest({
  sourceDir,
  dataDir,
  logger: new MemoryLogger(),
  build: async (chunks, dir) => {
    fs.writeFileSync(path.join(dir, 'chunks.partial.json'), JSON.stringify(chunks.slice(0, 1)));
    process.stdout.write(`BUILDING ${dir}\n`);
    await new Promise(() => setInterval(() => undefined, 1000));
  },
});
