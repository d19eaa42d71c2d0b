/**
 * Builds a {@link Bm25Field} in two passes over term-id arrays, so memory stays near
 * 4 bytes per token even at 100k chunks.
 */
import { Bm25Field } from './bm25-field';

/** Accumulates documents (term lists) and produces an immutable field. */
export class Bm25FieldBuilder {
  private readonly vocab = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly docTerms: Int32Array[] = [];

  /** Adds the next document (documents are numbered in insertion order); returns its term ids. */
  add(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      let id = this.vocab.get(t);
      if (id === undefined) {
        id = this.terms.length;
        this.vocab.set(t, id);
        this.terms.push(t);
      }
      ids[i] = id;
    });
    this.docTerms.push(ids);
    return ids;
  }

  /** Term ids of every document added so far, in order. */
  documents(): readonly Int32Array[] {
    return this.docTerms;
  }

  /** Vocabulary: term of each id. */
  vocabulary(): readonly string[] {
    return this.terms;
  }

  /** Finishes the postings (sorted by document) and returns the field. */
  build(): Bm25Field {
    const termCount = this.terms.length;
    const counts = new Int32Array(termCount + 1);
    const docLens = new Float32Array(this.docTerms.length);
    const seen = new Int32Array(termCount).fill(-1);
    this.docTerms.forEach((ids, doc) => {
      docLens[doc] = ids.length;
      for (const id of ids) {
        if (seen[id] !== doc) {
          seen[id] = doc;
          counts[id + 1]++;
        }
      }
    });
    const offsets = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t] + counts[t + 1];
    const docs = new Int32Array(offsets[termCount]);
    const tfs = new Float32Array(offsets[termCount]);
    const cursor = offsets.slice(0, termCount);
    const slot = new Int32Array(termCount).fill(-1);
    this.docTerms.forEach((ids, doc) => {
      for (const id of ids) {
        if (seen[id] !== -doc - 2) {
          seen[id] = -doc - 2;
          slot[id] = cursor[id]++;
          docs[slot[id]] = doc;
        }
        tfs[slot[id]]++;
      }
    });
    return new Bm25Field({ terms: this.terms, offsets, docs, tfs, docLens });
  }
}
