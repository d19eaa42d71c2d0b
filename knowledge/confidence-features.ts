/**
 * The features of {@link ConfidenceFeatures} for one query and a hit (the rerank scores the best
 * fused hits with two of them; the confidence reads all of them for the top hit). Word features see the
 * query through its synonym alternatives (Wi-Fi also counts as 無線LAN), with the credit of the
 * relation's factor, so the confidence agrees with what the BM25 side matched.
 */
import type { AnalyzedText, TextAnalyzer } from './analyzer';
import { questionText } from './chunk-text';
import type { IndexData } from './index-data';

/** A query as the confidence features see it. */
export interface FeatureQuery {
  analyzed: AnalyzedText;
  /** Per query word: the terms that stand for it, with their credit in [0, 1]. */
  alternatives: readonly ReadonlyMap<string, number>[];
}

/**
 * A query's terms looked up once in the content field, for the per-hit features of the rerank: per query
 * word (by position) its alternatives' term ids with their credit, each distinct word's idf, and each
 * known term id's best credit over all positions.
 */
export interface PreparedQuery {
  /** Per query word: its distinct word's number (in first-seen order) and its alternatives' term ids. */
  positions: { word: number; alternatives: { id: number; factor: number }[] }[];
  /** The idf of each distinct word, by number. */
  idf: number[];
  creditById: Map<number, number>;
  /** Term ids of the question-frame words the knowledge base holds ({@link FRAME_WORDS}). */
  frame: ReadonlySet<number>;
}

/**
 * Question-frame words: how an entry's question is put (〜場合の対処方法, 〜の手順, 〜する際), not what it is about. In
 * {@link questionRecall} they weigh {@link FRAME_WEIGHT} of their idf: 「パスワードを忘れた場合の対処方法」 is restated by
 * 「パスワード忘れちゃった」 as much as 「職員証のPINを忘れた」 is, or more.
 */
const FRAME_WORDS = ['場合', '対処', '方法', 'やり方', '仕方', '手順', '時', '際'];
const FRAME_WEIGHT = 0.5;

/** Looks a query's words and alternatives up in the content field once. */
export function prepareQuery(data: IndexData, query: FeatureQuery): PreparedQuery {
  const field = data.fields.content;
  const numbers = new Map<string, number>();
  const idf: number[] = [];
  const positions = query.analyzed.words.map((word, i) => {
    let n = numbers.get(word);
    if (n === undefined) {
      numbers.set(word, (n = idf.length));
      idf.push(weightOf(data, query, i, field.idf(word)));
    }
    return {
      word: n,
      alternatives: [...(query.alternatives[i] ?? [])].map(([term, factor]) => ({ id: field.termId(term), factor })),
    };
  });
  const creditById = new Map<number, number>();
  for (const { alternatives } of positions)
    for (const { id, factor } of alternatives)
      if (id >= 0) creditById.set(id, Math.max(creditById.get(id) ?? 0, factor));
  const frame = new Set(FRAME_WORDS.map((w) => field.termId(w)).filter((id) => id >= 0));
  return { positions, idf, creditById, frame };
}

/**
 * The idf mass of the query's `i`-th word in the word features: none for a word that only colours the
 * question (an adverb or the like: ちょいちょい, 全然, 勝手 — AnalyzedText.minor) when the knowledge base
 * knows it nowhere. Staff add such words to a question whose answer is there; an unanswerable one shows
 * itself by the things it asks about, not by its adverbs.
 */
function weightOf(data: IndexData, query: FeatureQuery, i: number, idf: number): number {
  if (!query.analyzed.minor?.includes(query.analyzed.words[i])) return idf;
  return known(data, alternativeIds(data, query, i)) ? idf : 0;
}

/** Share of the query words' idf mass found in `doc` (unknown words count fully, but see {@link weightOf}). */
export function coverage(data: IndexData, query: PreparedQuery, doc: number): number {
  const field = data.fields.content;
  const credit = new Float64Array(query.idf.length);
  for (const { word, alternatives } of query.positions) {
    let best = 0;
    for (const { id, factor } of alternatives) {
      if (factor > best && field.tf(id, doc) > 0) best = factor;
    }
    credit[word] = Math.max(credit[word], best);
  }
  let total = 0;
  let found = 0;
  query.idf.forEach((idf, word) => {
    total += idf;
    found += idf * credit[word];
  });
  return total > 0 ? found / total : 0;
}

/**
 * Share of the idf mass of the query's known topic words — words the knowledge base has (the word or an alternative,
 * in any entry), not said by a verb or an adjective (AnalyzedText.verbs) and not numbers — found in `doc`; 1 when
 * the query has none. What a question is about is named by its nouns, which a paraphrase keeps more often than its
 * verbs (覚えてない for 忘れた); a near miss shares the verbs and the generic nouns (設定, 申請) but not the topic
 * (「内線電話の転送設定」 answered by 「Outlookの署名を設定する」).
 */
export function topicCoverage(data: IndexData, query: FeatureQuery, doc: number): number {
  const field = data.fields.content;
  const verbs = new Set(query.analyzed.verbs ?? []);
  let total = 0;
  let found = 0;
  query.analyzed.words.forEach((word, i) => {
    if (verbs.has(word) || /^[0-9]/u.test(word)) return;
    const alternatives = alternativeIds(data, query, i);
    if (!known(data, alternatives)) return;
    const idf = weightOf(data, query, i, field.idf(word));
    let best = 0;
    for (const { id, factor } of alternatives) if (factor > best && field.tf(id, doc) > 0) best = factor;
    total += idf;
    found += idf * best;
  });
  return total > 0 ? found / total : 1;
}

/** The content field's term ids of the `i`-th query word's alternatives (-1: a term no entry has), with their credit. */
function alternativeIds(data: IndexData, query: FeatureQuery, i: number): { id: number; factor: number }[] {
  const field = data.fields.content;
  return [...(query.alternatives[i] ?? [])].map(([term, factor]) => ({ id: field.termId(term), factor }));
}

/** Whether the knowledge base has one of a query word's alternatives in some entry. */
function known(data: IndexData, alternatives: readonly { id: number }[]): boolean {
  return alternatives.some(({ id }) => data.fields.content.df(id) > 0);
}

/** Whether the knowledge base has one of `terms` (a word's alternatives, by term) in some entry. */
export function knowsAny(data: IndexData, terms: Iterable<string>): boolean {
  const field = data.fields.content;
  return known(
    data,
    [...terms].map((term) => ({ id: field.termId(term) })),
  );
}

/** Share of the query words' idf mass that the corpus knows (the word or one of its alternatives). */
export function knownShare(data: IndexData, query: FeatureQuery): number {
  const field = data.fields.content;
  let total = 0;
  let share = 0;
  query.analyzed.words.forEach((word, i) => {
    const idf = weightOf(data, query, i, field.idf(word));
    total += idf;
    if (known(data, alternativeIds(data, query, i))) share += idf;
  });
  return total > 0 ? share / total : 0;
}

/**
 * Share of the query words' idf mass that the corpus knows (the word or an alternative, in any entry)
 * but `doc` lacks (no alternative in it): {@link knownShare} less the known words `doc` covers.
 */
export function missingKnown(data: IndexData, query: FeatureQuery, doc: number): number {
  const field = data.fields.content;
  let total = 0;
  let missing = 0;
  query.analyzed.words.forEach((word, i) => {
    const idf = weightOf(data, query, i, field.idf(word));
    total += idf;
    const alternatives = alternativeIds(data, query, i);
    if (known(data, alternatives) && !alternatives.some(({ id }) => field.tf(id, doc) > 0)) missing += idf;
  });
  return total > 0 ? missing / total : 0;
}

const LATIN_WORD = /[a-z0-9](?:[a-z0-9._+#&-]*[a-z0-9+#])?/giu;

/**
 * The product-like names of a text as the analyzer spells them: Latin-letter words written in mixed
 * case (Zoom, Webex, iPhone, OneDrive, Teams), not acronyms (PC, URL, VPN) nor lower-case words.
 */
export function productNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const [m] of text.normalize('NFKC').matchAll(LATIN_WORD))
    if (/[A-Z]/u.test(m) && /[a-z]/u.test(m)) out.add(m.toLowerCase().replace(/(?<=[a-z])[-_](?=[a-z])/gu, ''));
  return out;
}

/**
 * Vendor and suite names: an entry titled 「Microsoft 365 のライセンス」 or 「Office のファイル」 speaks of
 * Teams or Excel too, so these never count as another product than the one asked about.
 */
const SUITES = new Set(['microsoft', 'office', 'google', 'workspace', 'apple', 'adobe', 'cisco']);

/** Whether a question names a product (not a vendor or suite) that is none of `asked`. */
export function namesOtherProduct(asked: ReadonlySet<string>, question: string): boolean {
  return [...productNames(question)].some((n) => !asked.has(n) && !SUITES.has(n));
}

/**
 * Whether the query names a product (see {@link productNames}) that the knowledge base names in some
 * entry but `doc` does not (nor a synonym of it), while `doc`'s question names another product the
 * query does not: 「Webexの録画はどこに保存されますか」 is not answered by 「Teams会議を録画したい」.
 */
export function nameMissing(
  data: IndexData,
  query: FeatureQuery,
  queryText: string,
  doc: number,
  docQuestion: string,
): boolean {
  const asked = productNames(queryText);
  if (asked.size === 0) return false;
  if (!namesOtherProduct(asked, docQuestion)) return false;
  const field = data.fields.content;
  return query.analyzed.words.some((word, i) => {
    if (!asked.has(word)) return false;
    const ids = [...(query.alternatives[i]?.keys() ?? [])].map((t) => field.termId(t));
    return ids.some((id) => field.df(id) > 0) && !ids.some((id) => field.tf(id, doc) > 0);
  });
}

/**
 * How much of a hit's own question (best line: question or an alternate) the query restates: the
 * share of the line's idf mass among the query's terms (credits of {@link prepareQuery}).
 */
export function questionRecall(data: IndexData, query: PreparedQuery, doc: number): number {
  const field = data.fields.content;
  // The lines' arrays read in place (this runs for every reranked hit of every search).
  const { chunkLines, lineStarts, ids } = data.questionLines.data;
  let best = 0;
  for (let l = chunkLines[doc]; l < chunkLines[doc + 1]; l++) {
    let total = 0;
    let found = 0;
    for (let p = lineStarts[l]; p < lineStarts[l + 1]; p++) {
      const idf = field.idfOf(ids[p]) * (query.frame.has(ids[p]) ? FRAME_WEIGHT : 1);
      total += idf;
      found += idf * (query.creditById.get(ids[p]) ?? 0);
    }
    best = Math.max(best, total > 0 ? found / total : 0);
  }
  return best;
}

/** Dice overlap of the query's character bigrams with the best question line of a chunk. */
export function questionDice(analyzer: TextAnalyzer, query: FeatureQuery, chunk: IndexData['chunks'][number]): number {
  const queryGrams = new Set(query.analyzed.grams);
  let best = 0;
  for (const line of questionText(chunk).split('\n')) {
    const grams = new Set(analyzer.bigrams(line));
    const shared = [...queryGrams].filter((g) => grams.has(g)).length;
    if (queryGrams.size + grams.size > 0) best = Math.max(best, (2 * shared) / (queryGrams.size + grams.size));
  }
  return best;
}

/** Lead of the first ranked hit over the second, clipped to [0, 1]; 0 without a second hit. */
export function marginOf(ranked: readonly { score: number }[]): number {
  const [first, second] = ranked;
  return first && second ? Math.min(1, Math.max(0, first.score - second.score)) : 0;
}
