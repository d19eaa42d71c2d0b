/**
 * `npm run bench:calibration`: what the self-calibration (issue 13) adds to an index build.
 * 1. In process: ingests each knowledge folder the way `kotae ingest` does, alternately with and without
 *    the calibration, and prints the median wall time of both and the share the calibration adds. The
 *    analyzer and the synonym dictionaries are loaded once before (both builds need them), so the figure
 *    is the build's own — the strictest view.
 * 2. As staff meet it: `kotae ingest` in a fresh process per build (the console's rebuild runs in a fresh
 *    child process too, app/index-build-process.ts), the calibration's share of the ingest's own
 *    duration (both from its "ingest finished" log line). Needs `npm run build` (bin runs dist/).
 * Not a test; run it by hand on a quiet machine.
 * Usage: tsx bench/calibration.ts [runs=5] [folder …]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
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
  console.log('\nfolder | `kotae ingest` in a fresh process: ingest / calibration (median ms) | added');
  for (const folder of folders) {
    const runsOf: { ms: number; calibrationMs: number }[] = [];
    for (let i = 0; i < runs; i++) runsOf.push(await ingestCommand(folder));
    const ms = percentile(
      runsOf.map((r) => r.ms),
      50,
    );
    const cal = percentile(
      runsOf.map((r) => r.calibrationMs),
      50,
    );
    console.log(`${folder} | ${Math.round(ms)} / ${Math.round(cal)} | ${((cal / (ms - cal)) * 100).toFixed(0)} %`);
  }
}

/** Runs `kotae ingest FOLDER` in a fresh process on a fresh data folder; its log's duration and calibration. */
async function ingestCommand(folder: string): Promise<{ ms: number; calibrationMs: number }> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'kotae-bench-cal-cli-'));
  try {
    // The data folder is ./data of the fresh working directory (the default KOTAE_DATA_DIR); the log is on stderr.
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [path.resolve('bin/kotae.js'), 'ingest', path.resolve(folder)],
      { cwd, maxBuffer: 16 * 1024 * 1024 },
    );
    const finished = stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; durationMs?: number; calibration?: { ms?: number } })
      .find((l) => l.msg === 'ingest finished');
    if (!finished?.durationMs) throw new Error(`no "ingest finished" line from kotae ingest ${folder}`);
    return { ms: finished.durationMs, calibrationMs: finished.calibration?.ms ?? 0 };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
