/**
 * Word-to-word translation probabilities learned from the knowledge base's own question ↔ answer
 * pairs (IBM Model 1, EM), the classic FAQ-retrieval bridge between a question's wording and the
 * words of the entries that answer it (Berger et al. 2000; Xue, Jeon & Croft 2008). Self-supervised:
 * nothing but the indexed chunks is read. Only the top few translations of each word are kept.
 */
import type { Bm25Field } from './bm25-field';

/** One translation of a word. */
export interface Translation {
  term: string;
  p: number;
}

/** Options of {@link fitTranslationModel}. */
export interface TranslationOptions {
  /** 'qa': P(answer word | question word); 'aq': the reverse; 'pool': both averaged. */
  direction: 'qa' | 'aq' | 'pool';
  iterations: number;
  /** Translations kept per word. */
  topK: number;
  /** Words in fewer chunks than this are neither source nor target. */
  minDf: number;
  /** Words in more than this share of the chunks are left out (they translate to everything). */
  maxDfShare: number;
  /** Weight of the empty word (absorbs target words no source word explains). */
  nullWeight: number;
}

export const DEFAULT_TRANSLATION_OPTIONS: Readonly<TranslationOptions> = Object.freeze({
  direction: 'pool',
  iterations: 5,
  topK: 5,
  minDf: 2,
  maxDfShare: 0.1,
  nullWeight: 1,
});

/** Per document, the distinct term ids of a field (postings inverted). */
function docTerms(field: Bm25Field, keep: (termId: number) => boolean): Int32Array[] {
  const { offsets, docs, docLens } = field.data;
  const lists: number[][] = Array.from({ length: docLens.length }, () => []);
  for (let t = 0; t + 1 < offsets.length; t++) {
    if (!keep(t)) continue;
    for (let p = offsets[t]; p < offsets[t + 1]; p++) lists[docs[p]].push(t);
  }
  return lists.map((l) => Int32Array.from(l));
}

/**
 * IBM Model 1 over (source, target) sentence pairs of term ids (ids index `vocab`): returns
 * P(target | source) as a sparse table keyed source → (target → p).
 */
function ibm1(
  pairs: readonly { src: Int32Array; tgt: Int32Array }[],
  iterations: number,
  nullWeight: number,
): Map<number, Map<number, number>> {
  // Uniform start: every co-occurring pair at the same probability (the first E-step then counts co-occurrences).
  let table = new Map<number, Map<number, number>>();
  for (const { src, tgt } of pairs)
    for (const s of src) {
      let row = table.get(s);
      if (!row) table.set(s, (row = new Map()));
      for (const t of tgt) row.set(t, 1);
    }
  for (let it = 0; it < iterations; it++) {
    const counts = new Map<number, Map<number, number>>();
    for (const { src, tgt } of pairs) {
      for (const t of tgt) {
        let denom = nullWeight * 1e-3;
        for (const s of src) denom += table.get(s)?.get(t) ?? 0;
        if (denom <= 0) continue;
        for (const s of src) {
          const p = table.get(s)?.get(t) ?? 0;
          if (p === 0) continue;
          let row = counts.get(s);
          if (!row) counts.set(s, (row = new Map()));
          row.set(t, (row.get(t) ?? 0) + p / denom);
        }
      }
    }
    for (const row of counts.values()) {
      let total = 0;
      for (const c of row.values()) total += c;
      for (const [t, c] of row) row.set(t, c / total);
    }
    table = counts;
  }
  return table;
}

/**
 * Learns translations from each chunk's question words (the question field) to its other words
 * (content minus question) and back. Returns, per source word, its top translations other than
 * itself, probabilities renormalised over what is kept.
 */
export function fitTranslationModel(
  question: Bm25Field,
  content: Bm25Field,
  options: Partial<TranslationOptions> = {},
): Map<string, Translation[]> {
  const o = { ...DEFAULT_TRANSLATION_OPTIONS, ...options };
  const n = content.docCount;
  const maxDf = Math.max(o.minDf, Math.floor(n * o.maxDfShare));
  const cTerms = content.data.terms;
  const qIds = question.data.terms.map((t) => content.termId(t));
  const usable = (contentId: number): boolean => {
    const df = content.df(contentId);
    return contentId >= 0 && df >= o.minDf && df <= maxDf;
  };
  const qDocs = docTerms(question, (t) => usable(qIds[t])).map((ids) => Int32Array.from(ids, (t) => qIds[t]));
  const cDocs = docTerms(content, usable);
  const pairs: { q: Int32Array; a: Int32Array }[] = [];
  for (let d = 0; d < cDocs.length; d++) {
    const inQ = new Set(qDocs[d]);
    const a = cDocs[d].filter((t) => !inQ.has(t));
    if (qDocs[d].length > 0 && a.length > 0) pairs.push({ q: qDocs[d], a });
  }
  const tables: Map<number, Map<number, number>>[] = [];
  if (o.direction !== 'aq') tables.push(ibm1(pairs.map((p) => ({ src: p.q, tgt: p.a })), o.iterations, o.nullWeight));
  if (o.direction !== 'qa') tables.push(ibm1(pairs.map((p) => ({ src: p.a, tgt: p.q })), o.iterations, o.nullWeight));
  const merged = new Map<number, Map<number, number>>();
  for (const table of tables)
    for (const [s, row] of table) {
      let m = merged.get(s);
      if (!m) merged.set(s, (m = new Map()));
      for (const [t, p] of row) if (t !== s) m.set(t, (m.get(t) ?? 0) + p / tables.length);
    }
  const out = new Map<string, Translation[]>();
  for (const [s, row] of merged) {
    const top = [...row].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, o.topK);
    if (top.length > 0) out.set(cTerms[s], top.map(([t, p]) => ({ term: cTerms[t], p })));
  }
  return out;
}
