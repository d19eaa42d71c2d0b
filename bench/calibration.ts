/**
 * `npm run bench:calibration`: what the self-calibration (issue 13) adds to an index build. Ingests
 * each knowledge folder the way `kotae ingest` does, alternately with and without the calibration,
 * and prints the median wall time of both and the share the calibration adds. The analyzer and the
 * synonym dictionaries are loaded once before (both builds need them), so the figure is the build's own.
 * Not a test; run it by hand on a quiet machine.
 * Usage: tsx bench/calibration.ts [runs=5] [folder …]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from '../adapters/cli/eval-metrics';
import { MemoryLogger } from '../core';
import { runIngest } from '../ingest';
import { buildKnowledgeIndex, createJapaneseAnalyzer, createQueryExpander } from '../knowledge';

const FOLDERS = ['sample-kb', 'test/fixtures/qa/minato-kb', 'test/fixtures/qa/kb-univ', 'test/fixtures/qa/kb-corp'];

async function main(argv: string[]): Promise<void> {
  const runs = Number(argv[0] ?? 5);
  const folders = argv.length > 1 ? argv.slice(1) : FOLDERS;
  const loading = createJapaneseAnalyzer();
  const expander = await createQueryExpander(loading, 'curated+sudachi');
  const analyzer = await loading;
  const ingest = async (folder: string, calibrate: boolean): Promise<{ ms: number; calibrationMs: number }> => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kotae-bench-cal-'));
    try {
      const start = performance.now();
      const summary = await runIngest({
        sourceDir: folder,
        dataDir,
        logger: new MemoryLogger(),
        build: (chunks, dir, options) =>
          buildKnowledgeIndex(chunks, dir, { analyzer, expander, ...options, calibrate }),
      });
      return { ms: performance.now() - start, calibrationMs: summary.calibration?.ms ?? 0 };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  console.log('folder | build without / with calibration (median ms) | calibration alone (ms) | added');
  for (const folder of folders) {
    await ingest(folder, true); // warm-up (JIT, file caches)
    const without: number[] = [];
    const withCal: number[] = [];
    const alone: number[] = [];
    for (let i = 0; i < runs; i++) {
      without.push((await ingest(folder, false)).ms);
      const r = await ingest(folder, true);
      withCal.push(r.ms);
      alone.push(r.calibrationMs);
    }
    const a = percentile(without, 50);
    const b = percentile(withCal, 50);
    console.log(
      `${folder} | ${Math.round(a)} / ${Math.round(b)} | ${Math.round(percentile(alone, 50))} | ${(((b - a) / a) * 100).toFixed(0)} %`,
    );
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
