/**
 * `npm run bench:qa-sets`: every IT-helpdesk QA set asked the way the bot does (adapters/cli/eval-qa.ts), one line per
 * set — answerable shown-correct, shown-wrong, unanswerable and off-topic shown, and the right entry first (answered,
 * tentative or clarify) — then the means of the dev sets and of the clean held-out sets (bench/dev-sets.ts). Not a
 * test; run it by hand (under a minute).
 *   tsx bench/qa-sets.ts [--clean] [--only kb-a,kb-b] [--tuning JSON] [--curve]
 * `--only`: just the named sets (by knowledge folder name), each in its group.
 * `--tuning '{"denseWeight":0.3}'`: search parameters over DEFAULT_TUNING (knowledge/search-tuning.ts), at the index
 * build (its calibration) and at the search. `--curve`: after each group's means, its operating curve — every set's
 * proposal threshold moved by the same amount, an answer shown when its confidence reaches it (the policy's other
 * rules left out) — read at the share of others shown of the unmoved thresholds, at others 0.15 and at shown-wrong
 * 0.05: a change that only moves the operating point leaves these figures where they were.
 */
import path from 'node:path';
import { buildQaKnowledge, loadQaSet, qaReport, runQa } from '../adapters/cli/eval-qa';
import { createJapaneseAnalyzer, createQueryExpander, DEFAULT_TUNING, type SearchTuning } from '../knowledge';
import { CLEAN_HELD_OUT_SETS, HELPDESK_DEV_SETS } from './dev-sets';

type Row = [shownCorrect: number, shownWrong: number, othersShown: number, firstRight: number];

/** One question as the curve reads it. */
interface Point {
  confidence: number;
  tentative: number;
  answerable: boolean;
  /** The top entry is an expected one. */
  right: boolean;
}

async function measure(
  file: string,
  kbDir: string,
  tools: Parameters<typeof buildQaKnowledge>[1],
  tuning: Partial<SearchTuning>,
): Promise<{ row: Row; points: Point[] }> {
  const { kb } = await buildQaKnowledge(kbDir, tools, tuning);
  const { results, thresholds } = await runQa(kb, loadQaSet(file));
  const report = qaReport(results, thresholds, 0);
  const answerable = results.filter((r) => r.item.kind === 'answerable');
  const points: Point[] = [];
  for (const r of results) {
    const top = r.shown[0] ?? (await kb.search(r.item.question, { k: 1 })).hits[0]?.chunk.documentId ?? '';
    points.push({
      confidence: r.confidence,
      tentative: thresholds.tentative,
      answerable: r.item.kind === 'answerable',
      right: r.item.expected.includes(top),
    });
  }
  const first = answerable.filter((r) => r.item.expected.includes(r.shown[0] ?? '')).length;
  return {
    row: [
      report.answerable.shown_correct,
      report.answerable.shown_wrong,
      report.others.shown,
      first / Math.max(1, answerable.length),
    ],
    points,
  };
}

const line = (name: string, row: readonly number[]): string =>
  `${name.padEnd(24)} ${row.map((x) => x.toFixed(3)).join('  ')}`;

/** Mean over sets of shown-correct, shown-wrong and others shown with every tentative threshold moved by `delta`. */
function at(sets: readonly Point[][], delta: number): [number, number, number] {
  const sum: [number, number, number] = [0, 0, 0];
  for (const points of sets) {
    const shown = (p: Point): boolean => p.confidence >= p.tentative + delta;
    const answerable = points.filter((p) => p.answerable);
    const others = points.filter((p) => !p.answerable);
    sum[0] += answerable.filter((p) => shown(p) && p.right).length / Math.max(1, answerable.length);
    sum[1] += answerable.filter((p) => shown(p) && !p.right).length / Math.max(1, answerable.length);
    sum[2] += others.filter(shown).length / Math.max(1, others.length);
  }
  return sum.map((x) => x / Math.max(1, sets.length)) as [number, number, number];
}

/** The curve at the delta where column `col` (1 wrong, 2 others) falls to `target` (linear between steps of 0.005). */
function where(sets: readonly Point[][], col: 1 | 2, target: number): [number, number, number] | undefined {
  let before = at(sets, -0.3);
  for (let d = -0.295; d <= 0.3; d += 0.005) {
    const next = at(sets, d);
    if (before[col] >= target && next[col] <= target) {
      const f = before[col] === next[col] ? 0 : (before[col] - target) / (before[col] - next[col]);
      return before.map((x, j) => x + f * (next[j] - x)) as [number, number, number];
    }
    before = next;
  }
  return undefined;
}

function parseTuning(): Partial<SearchTuning> {
  const i = process.argv.indexOf('--tuning');
  if (i < 0) return {};
  const tuning = JSON.parse(process.argv[i + 1] ?? '{}') as Record<string, unknown>;
  for (const [k, v] of Object.entries(tuning))
    if (!(k in DEFAULT_TUNING) || typeof v !== 'number') throw new Error(`--tuning: unknown key or not a number: ${k}`);
  return tuning as Partial<SearchTuning>;
}

async function main(): Promise<void> {
  const analyzer = await createJapaneseAnalyzer();
  const tools = { analyzer, expander: await createQueryExpander(analyzer, 'curated+sudachi') };
  const tuning = parseTuning();
  const curve = process.argv.includes('--curve');
  const groups = process.argv.includes('--clean')
    ? ([['clean', CLEAN_HELD_OUT_SETS]] as const)
    : ([
        ['dev', HELPDESK_DEV_SETS],
        ['clean', CLEAN_HELD_OUT_SETS],
      ] as const);
  const only = process.argv.includes('--only')
    ? new Set((process.argv[process.argv.indexOf('--only') + 1] ?? '').split(','))
    : undefined;
  console.log(`${'set'.padEnd(24)} right  wrong  others first`);
  for (const [name, all] of groups) {
    const sets = all.filter(([, kbDir]) => !only || only.has(path.basename(kbDir)));
    if (sets.length === 0) continue;
    const rows: Row[] = [];
    const points: Point[][] = [];
    for (const [file, kbDir] of sets) {
      const measured = await measure(file, kbDir, tools, tuning);
      rows.push(measured.row);
      points.push(measured.points);
      console.log(line(kbDir.replace('test/fixtures/qa/', ''), measured.row));
    }
    const mean = [0, 1, 2, 3].map((i) => rows.reduce((s, r) => s + r[i], 0) / Math.max(1, rows.length));
    console.log(line(`mean ${name} (${rows.length})`, mean));
    if (!curve) continue;
    const base = at(points, 0);
    for (const [label, col, target] of [
      [`others ${base[2].toFixed(3)}`, 2, base[2]],
      ['others 0.150', 2, 0.15],
      ['wrong 0.050', 1, 0.05],
    ] as const) {
      const p = where(points, col, target);
      console.log(line(`  curve at ${label}`, p ?? [Number.NaN, Number.NaN, Number.NaN]));
    }
  }
}

if (require.main === module) void main();
