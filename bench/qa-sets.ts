/**
 * `npm run bench:qa-sets`: every IT-helpdesk QA set asked the way the bot does (adapters/cli/eval-qa.ts), one line per
 * set — answerable shown-correct, shown-wrong, unanswerable and off-topic shown, and the right entry first (answered,
 * tentative or clarify) — then the means of the dev sets and of the clean held-out sets (bench/dev-sets.ts). Not a
 * test; run it by hand (under a minute). Usage: tsx bench/qa-sets.ts [--clean]
 */
import { buildQaKnowledge, loadQaSet, qaReport, runQa } from '../adapters/cli/eval-qa';
import { createJapaneseAnalyzer, createQueryExpander } from '../knowledge';
import { CLEAN_HELD_OUT_SETS, HELPDESK_DEV_SETS } from './dev-sets';

type Row = [shownCorrect: number, shownWrong: number, othersShown: number, firstRight: number];

async function measure(file: string, kbDir: string, tools: Parameters<typeof buildQaKnowledge>[1]): Promise<Row> {
  const { kb } = await buildQaKnowledge(kbDir, tools);
  const { results, thresholds } = await runQa(kb, loadQaSet(file));
  const report = qaReport(results, thresholds, 0);
  const answerable = results.filter((r) => r.item.kind === 'answerable');
  const first = answerable.filter((r) => r.item.expected.includes(r.shown[0] ?? '')).length;
  return [
    report.answerable.shown_correct,
    report.answerable.shown_wrong,
    report.others.shown,
    first / Math.max(1, answerable.length),
  ];
}

const line = (name: string, row: readonly number[]): string =>
  `${name.padEnd(24)} ${row.map((x) => x.toFixed(3)).join('  ')}`;

async function main(): Promise<void> {
  const analyzer = await createJapaneseAnalyzer();
  const tools = { analyzer, expander: await createQueryExpander(analyzer, 'curated+sudachi') };
  const groups = process.argv.includes('--clean')
    ? ([['clean', CLEAN_HELD_OUT_SETS]] as const)
    : ([
        ['dev', HELPDESK_DEV_SETS],
        ['clean', CLEAN_HELD_OUT_SETS],
      ] as const);
  console.log(`${'set'.padEnd(24)} right  wrong  others first`);
  for (const [name, sets] of groups) {
    const rows: Row[] = [];
    for (const [file, kbDir] of sets) {
      const row = await measure(file, kbDir, tools);
      rows.push(row);
      console.log(line(kbDir.replace('test/fixtures/qa/', ''), row));
    }
    const mean = [0, 1, 2, 3].map((i) => rows.reduce((s, r) => s + r[i], 0) / Math.max(1, rows.length));
    console.log(line(`mean ${name} (${rows.length})`, mean));
  }
}

if (require.main === module) void main();
