/**
 * `npm run bench:lsa-background [-- --write]`: the LSA background (knowledge/lsa-background.ts) from the team's
 * IT-helpdesk dev knowledge bases (bench/dev-sets.ts: the FAQ texts of their knowledge folders, ingested as
 * `kotae ingest` does; no question of any QA set, no clean held-out set). Prints its size; compares it with the shipped
 * file (exit 1 when they differ), or writes it with --write.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { MemoryLogger } from '../core';
import { runIngest } from '../ingest';
import { createJapaneseAnalyzer, type Chunk, type TextAnalyzer } from '../knowledge';
import { analyseChunk, lsaFeatureNames } from '../knowledge/index-builder';
import { encodeLsaBackground, LSA_BACKGROUND_FILE, probeFeatures } from '../knowledge/lsa-background';
import { HELPDESK_DEV_SETS } from './dev-sets';

const TARGET = path.join(__dirname, '..', 'knowledge', 'generated', LSA_BACKGROUND_FILE);

/** The chunks `kotae ingest` makes of a knowledge folder. */
async function chunksOf(kbDir: string): Promise<Chunk[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kotae-background-'));
  let chunks: Chunk[] = [];
  try {
    await runIngest({
      sourceDir: kbDir,
      dataDir,
      logger: new MemoryLogger(),
      build: async (built) => {
        chunks = [...built];
        throw new Error('chunks taken');
      },
    }).catch(() => undefined);
    return chunks;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The background's documents: every chunk of every dev knowledge folder, as LSA feature lists. */
export async function backgroundDocs(analyzer: TextAnalyzer, kbDirs: readonly string[]): Promise<string[][]> {
  const docs: string[][] = [];
  for (const kbDir of kbDirs)
    for (const chunk of await chunksOf(kbDir)) docs.push(lsaFeatureNames(analyseChunk(chunk, analyzer)));
  return docs;
}

async function main(): Promise<void> {
  const analyzer = await createJapaneseAnalyzer();
  const docs = await backgroundDocs(
    analyzer,
    HELPDESK_DEV_SETS.map(([, kbDir]) => kbDir),
  );
  const bytes = gzipSync(Buffer.from(JSON.stringify(encodeLsaBackground(docs, probeFeatures(analyzer)))), { level: 9 });
  console.log(
    `${docs.length} documents from ${HELPDESK_DEV_SETS.length} knowledge folders, ${bytes.length} bytes gzipped`,
  );
  if (process.argv.includes('--write')) {
    writeFileSync(TARGET, bytes);
    console.log(`written: ${path.relative(process.cwd(), TARGET)}`);
    return;
  }
  let shipped = '';
  try {
    shipped = gunzipSync(readFileSync(TARGET)).toString('utf8');
  } catch {
    // Missing: differs.
  }
  const same = shipped === gunzipSync(bytes).toString('utf8');
  console.log(same ? 'the shipped file is up to date' : 'the shipped file differs: run with --write');
  if (!same) process.exitCode = 1;
}

if (require.main === module) void main();
