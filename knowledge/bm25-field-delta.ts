/**
 * Incremental change of a {@link Bm25Field}: documents removed (their postings dropped, their length
 * set to 0, so idf and average length count only live documents) and documents appended after the
 * last one. Existing term ids stay (new terms are appended), so the question lines keep their
 * meaning. The result scores exactly as a field built from scratch over the live documents, up to
 * the document numbers. Given the terms of the removed documents (from their analysis), only those
 * terms' postings are filtered and the others are copied in blocks; the removed term frequencies are
 * checked against the documents' lengths, and a mismatch falls back to filtering every term.
 */
import { Bm25Field } from './bm25-field';

/** A new field: `removed` documents (live ones) taken out, `added` documents (token lists) appended. */
export function bm25WithChanges(
  field: Bm25Field,
  removed: ReadonlySet<number>,
  added: readonly (readonly string[])[],
  removedTerms?: Iterable<string>,
): Bm25Field {
  if (removedTerms) {
    const affected = new Uint8Array(field.data.terms.length);
    for (const t of removedTerms) {
      const id = field.termId(t);
      if (id >= 0) affected[id] = 1;
    }
    const result = changeField(field, removed, added, affected);
    if (result) return result;
  }
  return changeField(field, removed, added, undefined) as Bm25Field;
}

/** `affected`: old terms that may hold removed documents (undefined: all); undefined on a mismatch. */
function changeField(
  field: Bm25Field,
  removed: ReadonlySet<number>,
  added: readonly (readonly string[])[],
  affected: Uint8Array | undefined,
): Bm25Field | undefined {
  const { terms: oldTerms, offsets, docs, tfs, docLens } = field.data;
  const firstNew = docLens.length;
  const terms = [...oldTerms];
  const newIds = new Map<string, number>();
  const termOf = (t: string): number => {
    let id = field.termId(t);
    if (id >= 0) return id;
    id = newIds.get(t) ?? -1;
    if (id < 0) {
      id = terms.length;
      newIds.set(t, id);
      terms.push(t);
    }
    return id;
  };
  const addedTfs = added.map((tokens) => {
    const tf = new Map<number, number>();
    for (const t of tokens) {
      const id = termOf(t);
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const gone = new Uint8Array(firstNew);
  for (const doc of removed) gone[doc] = 1;
  const touched = (t: number) => removed.size > 0 && (!affected || affected[t] === 1);
  // Pass 1: postings kept per old term, plus the added documents' postings per term.
  const counts = new Int32Array(terms.length);
  let removedTf = 0;
  for (let t = 0; t < oldTerms.length; t++) {
    if (!touched(t)) {
      counts[t] = offsets[t + 1] - offsets[t];
      continue;
    }
    let kept = 0;
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      if (gone[docs[p]] === 0) kept++;
      else removedTf += tfs[p];
    }
    counts[t] = kept;
  }
  let removedLen = 0;
  for (const doc of removed) removedLen += docLens[doc];
  if (removedTf !== removedLen) return undefined;
  const cursor = Int32Array.from(counts);
  for (const tf of addedTfs) for (const id of tf.keys()) counts[id]++;
  const newOffsets = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) newOffsets[t + 1] = newOffsets[t] + counts[t];
  const newDocs = new Int32Array(newOffsets[terms.length]);
  const newTfs = new Float32Array(newOffsets[terms.length]);
  // Pass 2: kept postings in order (untouched runs of terms copied as blocks), then the added
  // documents (higher numbers: postings stay sorted).
  const grows = (t: number) => counts[t] !== cursor[t];
  for (let t = 0; t < oldTerms.length;) {
    if (!touched(t) && !grows(t)) {
      let end = t + 1;
      while (end < oldTerms.length && !touched(end) && !grows(end)) end++;
      newDocs.set(docs.subarray(offsets[t], offsets[end]), newOffsets[t]);
      newTfs.set(tfs.subarray(offsets[t], offsets[end]), newOffsets[t]);
      t = end;
      continue;
    }
    let out = newOffsets[t];
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      if (gone[docs[p]] !== 0) continue;
      newDocs[out] = docs[p];
      newTfs[out++] = tfs[p];
    }
    t++;
  }
  for (let t = 0; t < terms.length; t++) cursor[t] = newOffsets[t] + (t < oldTerms.length ? cursor[t] : 0);
  addedTfs.forEach((tf, i) => {
    for (const [id, n] of tf) {
      newDocs[cursor[id]] = firstNew + i;
      newTfs[cursor[id]++] = n;
    }
  });
  const newLens = new Float32Array(firstNew + added.length);
  newLens.set(docLens);
  for (const doc of removed) newLens[doc] = 0;
  added.forEach((tokens, i) => (newLens[firstNew + i] = tokens.length));
  const live = field.docCount - removed.size + added.length;
  // The old field is replaced by this one: its term map is extended rather than built again (50k chunks
  // have hundreds of thousands of bigram terms).
  const termIds = field.handOverTermIds();
  for (const [t, id] of newIds) termIds.set(t, id);
  return new Bm25Field({ terms, offsets: newOffsets, docs: newDocs, tfs: newTfs, docLens: newLens, live }, termIds);
}
