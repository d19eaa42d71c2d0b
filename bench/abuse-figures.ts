/**
 * The figures `npm run bench:abuse` prints (always, also when the run is cut short), and when they make the run
 * fail: any 5xx, hang, crash, half-written row, raw-socket case answered otherwise than expected, an
 * incomplete run or a /healthz other than 200 afterwards.
 */
import os from 'node:os';
import type { RawResult } from './abuse-raw';

/** Empty figures of a run on `db`. */
export function newFigures(db: string) {
  return {
    db,
    routes: 0,
    routesFromRouters: 0,
    planned: 0,
    requests: 0,
    seconds: 0,
    byClass: {} as Record<string, number>,
    fiveXx: 0,
    hangs: 0,
    halfWrites: 0,
    crashes: 0,
    connectionErrors: 0,
    non4xxJapanese: 0,
    rawCases: '',
    rawUnexpected: [] as string[],
    healthAfter: 0,
    maxRssMb: 0,
    loadAverage: [] as number[],
    incomplete: '' as string,
    worst: [] as [string, number][],
    fiveXxSamples: [] as string[],
    hangSamples: [] as string[],
    halfWriteSamples: [] as string[],
    crashSamples: [] as string[],
    connectionErrorSamples: [] as string[],
    nonJapaneseSamples: [] as string[],
    auditTamperCases: '',
  };
}

/** The figures of one run. */
export type Figures = ReturnType<typeof newFigures>;

/** Counts the raw-socket cases like the others (status 0: a hang) and lists those answered unexpectedly. */
export function addRawResults(figures: Figures, results: readonly RawResult[]): void {
  for (const r of results) {
    figures.requests++;
    const cls = r.status === 0 ? 'none' : `${Math.floor(r.status / 100)}xx`;
    figures.byClass[cls] = (figures.byClass[cls] ?? 0) + 1;
    const label = `raw ${r.name}: ${r.status || 'no answer'} after ${r.ms} ms (expected ${r.expected})`;
    if (r.status === 0) {
      figures.hangs++;
      figures.hangSamples.push(label);
    } else if (r.status >= 500) {
      figures.fiveXx++;
      figures.fiveXxSamples.push(label);
    }
    if (r.status !== r.expected || !r.japanese)
      figures.rawUnexpected.push(r.japanese ? label : `${label}, not Japanese`);
  }
  figures.rawCases = `${results.length - figures.rawUnexpected.length}/${results.length} as expected`;
}

/** Prints the figures as JSON (and why the run failed, on stderr); true when it failed. */
export function printFigures(figures: Figures): boolean {
  figures.loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);
  console.log(JSON.stringify(figures, null, 2));
  const failed =
    figures.fiveXx > 0 ||
    figures.hangs > 0 ||
    figures.halfWrites > 0 ||
    figures.crashes > 0 ||
    figures.rawUnexpected.length > 0 ||
    figures.incomplete !== '' ||
    figures.healthAfter !== 200;
  if (failed) {
    console.error(
      `bench:abuse FAILED: ${figures.fiveXx} × 5xx, ${figures.hangs} hangs, ${figures.halfWrites} half-written, ` +
        `${figures.crashes} crashes, ${figures.rawUnexpected.length} raw cases unexpected, health ` +
        `${figures.healthAfter}${figures.incomplete ? `, incomplete: ${figures.incomplete}` : ''}`,
    );
  }
  return failed;
}
