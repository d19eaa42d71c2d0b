/**
 * The validation step of `npm run bench:paraphrases` (paraphrase-mining.ts): a candidate paraphrase is kept only when
 * the dev questions it touches are answered at least as well with it as without it — what the bot shows (answered or
 * tentative: right or wrong; unanswerable and off-topic questions: shown at all), and the right entry first among the
 * candidates. The dev knowledge bases are built once, with a query expander whose learned paraphrases can be swapped
 * between searches ({@link TrialExpander}); only the questions holding a candidate's typed word are asked again.
 */
import { runQa, type QaItem } from '../adapters/cli/eval-qa';
import type { HybridKnowledgeBase, TextAnalyzer } from '../knowledge';
import { LEARNED_PARAPHRASE_FACTOR } from '../knowledge/generated';
import { mergeAlternatives, SynonymExpander, type QueryExpander } from '../knowledge/synonym-expander';

/** A typed word → an FAQ word. */
export interface Pair {
  from: string;
  to: string;
}

/** The curated and Sudachi expansion of a base expander, plus learned paraphrases that can be swapped. */
export class TrialExpander implements QueryExpander {
  private learned: QueryExpander;
  /** See QueryExpander.generation: each {@link use} is a new one. */
  generation = 0;

  constructor(
    private readonly analyzer: TextAnalyzer,
    private readonly base: QueryExpander,
  ) {
    this.learned = new SynonymExpander(analyzer, []);
  }

  /** Replaces the learned paraphrases (at their shipped factor). */
  use(pairs: readonly Pair[]): void {
    this.generation++;
    this.learned = new SynonymExpander(
      this.analyzer,
      pairs.map(({ from, to }) => ({ from, to, factor: LEARNED_PARAPHRASE_FACTOR })),
    );
  }

  expand(words: readonly string[], weight: number): Map<string, number> {
    return mergeAlternatives(this.alternatives(words, weight));
  }

  alternatives(words: readonly string[], weight: number): Map<string, number>[] {
    const out = this.base.alternatives(words, weight);
    this.learned.alternatives(words, weight).forEach((alt, i) => {
      for (const [w, x] of alt) out[i].set(w, Math.max(out[i].get(w) ?? 0, x));
    });
    return out;
  }
}

/** One dev question with its knowledge base and the words it is searched with. */
export interface TrialQuestion {
  kb: HybridKnowledgeBase;
  item: QaItem;
  words: readonly string[];
}

/**
 * Worth of what the bot does with a question: an answerable one shown right +1, shown wrong −2 (a wrong answer costs
 * more than a missed one), its right entry first among clarify candidates +0.25; an unanswerable or off-topic one
 * shown −1.
 */
export const WORTH = { right: 1, wrong: -2, firstCandidate: 0.25, othersShown: -1 } as const;

async function worth(questions: readonly TrialQuestion[]): Promise<number> {
  let sum = 0;
  for (const q of questions) {
    const [r] = (await runQa(q.kb, [q.item])).results;
    if (!r) continue;
    const shown = r.outcome === 'answered' || r.outcome === 'tentative';
    const right = r.shown[0] !== undefined && q.item.expected.includes(r.shown[0]);
    if (q.item.kind !== 'answerable') sum += shown ? WORTH.othersShown : 0;
    else sum += shown ? (right ? WORTH.right : WORTH.wrong) : right ? WORTH.firstCandidate : 0;
  }
  return sum;
}

/**
 * Keeps the candidates (in the order given) that do no harm: a forward pass adds each one whose questions are worth
 * at least as much with it as without it, given the ones kept so far; a backward pass then drops each kept one that
 * harms its questions given all the others.
 */
export async function validatePairs(
  expander: TrialExpander,
  questions: readonly TrialQuestion[],
  candidates: readonly Pair[],
): Promise<Pair[]> {
  const byWord = new Map<string, TrialQuestion[]>();
  for (const q of questions) for (const w of new Set(q.words)) byWord.set(w, [...(byWord.get(w) ?? []), q]);
  const gain = async (kept: readonly Pair[], pair: Pair): Promise<number> => {
    const touched = byWord.get(pair.from) ?? [];
    expander.use(kept.filter((p) => p !== pair));
    const without = await worth(touched);
    expander.use([...kept.filter((p) => p !== pair), pair]);
    return (await worth(touched)) - without;
  };
  const kept: Pair[] = [];
  for (const pair of candidates) if ((await gain(kept, pair)) >= 0) kept.push(pair);
  for (const pair of [...kept]) if ((await gain(kept, pair)) < 0) kept.splice(kept.indexOf(pair), 1);
  expander.use(kept);
  return kept;
}
