/**
 * Groups questions that ask the same thing in different words (「VPNにつながらない」「VPN 接続できない」),
 * with the knowledge layer's own analysis: each question becomes an idf-weighted vector of its analysed
 * words and character bigrams, and a question joins the first group whose centroid it resembles
 * (cosine ≥ threshold), most frequent wordings first. Deterministic for a given input order.
 */
import type { TextAnalyzer } from './analyzer';
import type { QueryExpander } from './synonym-expander';

/** One group of similar questions. */
export interface QuestionCluster<T> {
  /** The most frequent wording (the first on a tie). */
  representative: string;
  members: T[];
}

type Vector = Map<string, number>;

function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) dot += x * (large.get(k) ?? 0);
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot / n;
}

/** Clusters `items` by their `text`. */
export function clusterQuestions<T extends { text: string }>(
  items: readonly T[],
  analyzer: TextAnalyzer,
  options: { expander?: QueryExpander; threshold?: number } = {},
): QuestionCluster<T>[] {
  const threshold = options.threshold ?? 0.3;
  const terms = items.map((i) => {
    const a = analyzer.analyze(i.text);
    // Synonyms of the words (つながらない ~ 接続できない) count as words too, as in retrieval.
    const synonyms = options.expander ? [...options.expander.expand(a.words, 1).keys()] : [];
    return [...new Set([...a.words, ...synonyms].map((w) => `w:${w}`).concat(a.grams.map((g) => `g:${g}`)))];
  });
  const df = new Map<string, number>();
  for (const t of terms) for (const term of t) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors = terms.map((t) => {
    const v: Vector = new Map();
    // Words weigh twice as much as bigrams: they carry the meaning, bigrams catch spelling variants.
    for (const term of t)
      v.set(term, (term.startsWith('w:') ? 2 : 1) * Math.log(1 + items.length / (df.get(term) ?? 1)));
    return v;
  });
  // Most frequent wordings seed the groups.
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.text, (counts.get(i.text) ?? 0) + 1);
  const order = items
    .map((_, k) => k)
    .sort((x, y) => (counts.get(items[y].text) ?? 0) - (counts.get(items[x].text) ?? 0) || x - y);
  const clusters: { centroid: Vector; members: number[] }[] = [];
  for (const k of order) {
    let best = -1;
    let bestScore = threshold;
    clusters.forEach((c, ci) => {
      const score = cosine(vectors[k], c.centroid);
      if (score >= bestScore) [best, bestScore] = [ci, score];
    });
    if (best < 0) {
      clusters.push({ centroid: new Map(vectors[k]), members: [k] });
      continue;
    }
    const c = clusters[best];
    c.members.push(k);
    for (const [term, x] of vectors[k]) c.centroid.set(term, (c.centroid.get(term) ?? 0) + x);
  }
  return clusters
    .map((c) => ({
      representative: items[c.members[0]].text,
      members: c.members.sort((a, b) => a - b).map((m) => items[m]),
    }))
    .sort((a, b) => b.members.length - a.members.length);
}
