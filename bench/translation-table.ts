/**
 * `npm run bench:translations`: learns how staff words translate FAQ words — a statistical translation model of
 * question answering (IBM Model 1, as Berger & Lafferty and Jeon et al. learned it from question–answer archives) —
 * from the team's IT-helpdesk dev sets, and prints its size; with `--write` it writes
 * knowledge/generated/learned-translations.ts. Not a test; run it by hand (a few minutes).
 *
 * Every answerable dev question is one pair: the words it is searched with (kb.queryWords) and the words of its first
 * expected entry (title, question lines, answer, body). Eight rounds of expectation–maximisation give t(q | e), the
 * probability that an entry's word e is said by a staff's word q (a null word takes the question's own words no entry
 * word explains). A pair is kept when q differs from e, both are two characters or more without digits, t ≥
 * {@link MIN_T}, and q was asked without the entry having it, beside e, in at least {@link MIN_SETS} dev sets —
 * knowledge bases and question writers apart, so one KB's topic or one writer's habit is not learned.
 * The confidence reads it as one more input (confidence-features.ts `paraphraseShare`), never as a synonym of the
 * search. The clean held-out sets (bench/dev-sets.ts `CLEAN_HELD_OUT_SETS`) are never read.
 * Usage: tsx bench/translation-table.ts [--write]
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildQaKnowledge, loadQaSet } from '../adapters/cli/eval-qa';
import { createJapaneseAnalyzer, createQueryExpander } from '../knowledge';
import { HELPDESK_DEV_SETS } from './dev-sets';

const MIN_SETS = 2;
const MIN_T = 0.05;
const ROUNDS = 8;
const NULL = '\u0000';
/** A word as the repository's formatter writes a string (single quotes). */
const quoted = (word: string): string => `'${word.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'")}'`;
const usable = (word: string): boolean => word.length >= 2 && !/\d/u.test(word);

interface Pair {
  set: string;
  asked: string[];
  entry: string[];
}

async function observe(): Promise<Pair[]> {
  const analyzer = await createJapaneseAnalyzer();
  const expander = await createQueryExpander(analyzer, 'curated+sudachi');
  const pairs: Pair[] = [];
  for (const [file, kbDir] of HELPDESK_DEV_SETS) {
    const { kb } = await buildQaKnowledge(kbDir, { analyzer, expander });
    for (const item of loadQaSet(file)) {
      if (item.kind !== 'answerable' || item.previous) continue;
      const chunks = kb.chunksOf(item.expected[0] ?? '');
      if (chunks.length === 0) continue;
      const text = chunks
        .map((c) => `${c.title}\n${c.fields.question}\n${c.fields.answer}\n${c.fields.body}`)
        .join('\n');
      pairs.push({
        set: kbDir,
        asked: [...new Set(kb.queryWords(item.question))],
        entry: [...new Set(analyzer.analyze(text).words)],
      });
    }
    process.stderr.write(`${kbDir}\n`);
  }
  return pairs;
}

/** IBM Model 1: t(asked | entry word), by entry word then asked word. */
function model1(pairs: readonly Pair[]): Map<string, Map<string, number>> {
  let t = new Map<string, Map<string, number>>();
  const get = (e: string, q: string): number => t.get(e)?.get(q) ?? 0;
  for (const { asked, entry } of pairs)
    for (const e of [...entry, NULL]) {
      const row = t.get(e) ?? new Map<string, number>();
      for (const q of asked) row.set(q, 1);
      t.set(e, row);
    }
  for (let round = 0; round < ROUNDS; round++) {
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    for (const { asked, entry } of pairs) {
      const es = [...entry, NULL];
      for (const q of asked) {
        const z = es.reduce((s, e) => s + get(e, q), 0);
        if (z === 0) continue;
        for (const e of es) {
          const c = get(e, q) / z;
          if (c === 0) continue;
          const row = counts.get(e) ?? new Map<string, number>();
          row.set(q, (row.get(q) ?? 0) + c);
          counts.set(e, row);
          totals.set(e, (totals.get(e) ?? 0) + c);
        }
      }
    }
    t = new Map([...counts].map(([e, row]) => [e, new Map([...row].map(([q, c]) => [q, c / (totals.get(e) ?? 1)]))]));
  }
  return t;
}

async function main(): Promise<void> {
  const pairs = await observe();
  const sets = new Map<string, Set<string>>();
  for (const { set, asked, entry } of pairs) {
    const has = new Set(entry);
    for (const q of asked) {
      if (has.has(q) || !usable(q)) continue;
      for (const e of entry) {
        const key = `${q}\t${e}`;
        const seen = sets.get(key) ?? new Set<string>();
        seen.add(set);
        sets.set(key, seen);
      }
    }
  }
  const t = model1(pairs);
  const kept: [string, string, number][] = [];
  for (const [e, row] of t) {
    if (e === NULL || !usable(e)) continue;
    for (const [q, p] of row)
      if (q !== e && p >= MIN_T && (sets.get(`${q}\t${e}`)?.size ?? 0) >= MIN_SETS)
        kept.push([q, e, Math.round(p * 100) / 100]);
  }
  kept.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  console.log(`${pairs.length} question–entry pairs, ${kept.length} translations kept`);
  if (!process.argv.includes('--write')) return;
  const file = path.join(__dirname, '../knowledge/generated/learned-translations.ts');
  const body = kept.map(([q, e, p]) => `  [${quoted(q)}, ${quoted(e)}, ${p}],`).join('\n');
  fs.writeFileSync(
    file,
    `/**
 * How staff words translate FAQ words, learned from the team's IT-helpdesk dev sets (IBM Model 1 over ${pairs.length}
 * question–entry pairs; bench/translation-table.ts: kept when the pair recurs in ${MIN_SETS} dev sets or more and
 * t ≥ ${MIN_T}). Words as the analyzer folds them (katakana in hiragana). Generated by \`npm run bench:translations --
 * --write\`; do not edit by hand. The clean held-out sets were not read.
 */

/** [staff word, entry word, t(staff word | entry word)]. */
export const LEARNED_TRANSLATIONS: readonly (readonly [string, string, number])[] = [
${body}
];
`,
  );
  console.log(`written ${path.relative(process.cwd(), file)}`);
}

void main();
