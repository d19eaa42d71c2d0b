/**
 * Query-time synonym expansion. Entries are keyed by the concatenation of their analysed words,
 * so "住民票の写し" matches the query words 住民 票 写し; matched entries add the words of
 * the other members with a lower weight.
 */
import type { TextAnalyzer } from './analyzer';
import { foldOkurigana, katakanaToHiragana, normalizeText } from './text-normalize';

/** Turns analysed query words into weighted query terms. */
export interface QueryExpander {
  expand(words: readonly string[], weight: number): Map<string, number>;
  /**
   * Per query word (by position), the terms that stand for it: the word itself at 1 and the
   * expansions of every matched phrase covering it at `weight × factor`.
   */
  alternatives(words: readonly string[], weight: number): Map<string, number>[];
  /**
   * Changes whenever the expansion does (a trial expander of bench/paraphrase-trial.ts); absent for an expander that
   * never changes. A searcher keeps what it expanded for the last query only for the same generation.
   */
  readonly generation?: number;
}

/** One relation: `from` expands to `to` with a factor (1 = same word, less = related word). */
export interface SynonymRelation {
  from: string;
  to: string;
  factor: number;
  /** True when `from` may be a phrase and must go through the analyzer (curated lists). */
  analyzeFrom?: boolean;
}

/** Keeps the query as it is (baseline, tests). */
export class NoExpansion implements QueryExpander {
  /** Each distinct word with weight 1. */
  expand(words: readonly string[]): Map<string, number> {
    return new Map(words.map((w) => [w, 1]));
  }

  /** Each word stands for itself only. */
  alternatives(words: readonly string[]): Map<string, number>[] {
    return words.map((w) => new Map([[w, 1]]));
  }
}

const MAX_WINDOW = 3;

/** Expands queries with a set of relations. */
export class SynonymExpander implements QueryExpander {
  private readonly byKey = new Map<string, { to: string; factor: number; phrase: boolean }[]>();
  private readonly targetWords = new Map<string, string[]>();

  constructor(
    private readonly analyzer: TextAnalyzer,
    relations: Iterable<SynonymRelation>,
  ) {
    // The Sudachi dictionary repeats each word in many relations: fold each spelling once.
    const folded = new Map<string, string>();
    const fold = (word: string): string => {
      let f = folded.get(word);
      if (f === undefined) folded.set(word, (f = foldWord(word)));
      return f;
    };
    for (const r of relations) {
      const key = r.analyzeFrom ? this.wordsOf(r.from).join('') : fold(r.from);
      if (key === '' || fold(r.to) === key) continue;
      const list = this.byKey.get(key) ?? [];
      list.push({ to: r.to, factor: r.factor, phrase: r.analyzeFrom === true });
      this.byKey.set(key, list);
    }
  }

  /** Query words at weight 1 plus expansions at `weight × factor` (never above an existing weight). */
  expand(words: readonly string[], weight: number): Map<string, number> {
    return mergeAlternatives(this.alternatives(words, weight));
  }

  /** See {@link QueryExpander.alternatives}. */
  alternatives(words: readonly string[], weight: number): Map<string, number>[] {
    const out = words.map((w) => new Map<string, number>([[w, 1]]));
    for (let i = 0; i < words.length; i++) {
      let key = '';
      for (let n = 1; n <= MAX_WINDOW && i + n <= words.length; n++) {
        key += words[i + n - 1];
        for (const { to, factor, phrase } of this.byKey.get(key) ?? []) {
          const targets = this.wordsOf(to);
          // Dictionary words that the analyzer splits (我楽多 → 我 楽 多い) would add noise.
          if (!phrase && targets.length !== 1) continue;
          for (let j = i; j < i + n; j++) {
            for (const w of targets) out[j].set(w, Math.max(out[j].get(w) ?? 0, weight * factor));
          }
        }
      }
    }
    return out;
  }

  /** Number of expansion keys (for logs). */
  get size(): number {
    return this.byKey.size;
  }

  private wordsOf(text: string): string[] {
    let words = this.targetWords.get(text);
    if (!words) {
      words = this.analyzer.analyze(text).words;
      this.targetWords.set(text, words);
    }
    return words;
  }
}

/** Every term of per-word alternatives at its best weight (an expander's `expand` from its `alternatives`). */
export function mergeAlternatives(alternatives: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const alt of alternatives) for (const [w, x] of alt) out.set(w, Math.max(out.get(w) ?? 0, x));
  return out;
}

/** Folds a dictionary word the way the analyzer folds a token. */
export function foldWord(text: string): string {
  return katakanaToHiragana(foldOkurigana(normalizeText(text).replace(/\s+/g, '')));
}

/** Relations of symmetric groups (factor 1) and one-way expansions (factor 1). */
export function curatedRelations(
  groups: readonly (readonly string[])[],
  oneWay: readonly (readonly [string, readonly string[]])[],
): SynonymRelation[] {
  const out: SynonymRelation[] = [];
  for (const g of groups)
    for (const from of g) for (const to of g) if (from !== to) out.push({ from, to, factor: 1, analyzeFrom: true });
  for (const [from, tos] of oneWay) for (const to of tos) out.push({ from, to, factor: 1, analyzeFrom: true });
  return out;
}
