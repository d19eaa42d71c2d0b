/**
 * (De)serialisation of the parts of an index: BM25 fields and document vectors in one bundle,
 * the LSA model in another. Shapes are checked on reading; a mismatch is KB_INDEX_CORRUPT.
 */
import { KotaeError } from '../core';
import { readBundle, requireArray, writeBundle, type BundleArray } from './binary-bundle';
import { Bm25Field } from './bm25-field';
import type { IndexFields } from './index-data';
import { LsaModel } from './lsa-model';
import { QuestionLines } from './question-lines';

const FIELD_NAMES = ['question', 'content', 'grams'] as const;

/** Writes the three BM25 fields, the question lines and the document vectors. */
export function writeFieldsAndVectors(
  file: string,
  fields: IndexFields,
  questionLines: QuestionLines,
  vectors: Float32Array,
  dims: number,
): void {
  const { chunkLines, lineStarts, ids } = questionLines.data;
  const arrays: Record<string, BundleArray> = {
    vectors,
    'questionLines.chunkLines': chunkLines,
    'questionLines.lineStarts': lineStarts,
    'questionLines.ids': ids,
  };
  const terms: Record<string, string[]> = {};
  for (const name of FIELD_NAMES) {
    const d = fields[name].data;
    terms[name] = d.terms;
    Object.assign(arrays, {
      [`${name}.offsets`]: d.offsets,
      [`${name}.docs`]: d.docs,
      [`${name}.tfs`]: d.tfs,
      [`${name}.docLens`]: d.docLens,
    });
  }
  writeBundle(file, { terms, dims }, arrays);
}

/**
 * Reads what {@link writeFieldsAndVectors} wrote and checks it against the chunk count. Indexes
 * written before question lines were saved have none (`questionLines` undefined).
 */
export function readFieldsAndVectors(
  file: string,
  chunkCount: number,
): { fields: IndexFields; questionLines?: QuestionLines; vectors: Float32Array; dims: number } {
  const { meta, arrays } = readBundle(file);
  const m = meta as { terms?: Record<string, string[]>; dims?: number };
  if (!m?.terms || typeof m.dims !== 'number') throw corrupt(file, 'bad metadata');
  const build = (name: (typeof FIELD_NAMES)[number]): Bm25Field => {
    const terms = m.terms?.[name];
    const offsets = requireArray(arrays, `${name}.offsets`, Int32Array, file);
    const docs = requireArray(arrays, `${name}.docs`, Int32Array, file);
    const tfs = requireArray(arrays, `${name}.tfs`, Float32Array, file);
    const docLens = requireArray(arrays, `${name}.docLens`, Float32Array, file);
    const ok =
      Array.isArray(terms) &&
      offsets.length === terms.length + 1 &&
      docs.length === tfs.length &&
      offsets[offsets.length - 1] === docs.length &&
      docLens.length === chunkCount &&
      docs.every((d) => d >= 0 && d < chunkCount);
    if (!ok) throw corrupt(file, `field ${name} inconsistent`);
    return new Bm25Field({ terms: terms as string[], offsets, docs, tfs, docLens });
  };
  const vectors = requireArray(arrays, 'vectors', Float32Array, file);
  if (vectors.length !== chunkCount * m.dims) throw corrupt(file, 'vector count mismatch');
  const fields = { question: build('question'), content: build('content'), grams: build('grams') };
  let questionLines: QuestionLines | undefined;
  if (arrays.has('questionLines.ids')) {
    questionLines = new QuestionLines({
      chunkLines: requireArray(arrays, 'questionLines.chunkLines', Int32Array, file),
      lineStarts: requireArray(arrays, 'questionLines.lineStarts', Int32Array, file),
      ids: requireArray(arrays, 'questionLines.ids', Int32Array, file),
    });
    if (!questionLines.isValidFor(chunkCount, fields.content.data.terms.length))
      throw corrupt(file, 'question lines inconsistent');
  }
  return { fields, questionLines, vectors, dims: m.dims };
}

/** Writes an LSA model. */
export function writeLsa(file: string, model: LsaModel): void {
  const { dims, gramWeight, features, idf, projection } = model.data;
  writeBundle(file, { dims, gramWeight, features }, { idf, projection });
}

/** Reads an LSA model. */
export function readLsa(file: string): LsaModel {
  const { meta, arrays } = readBundle(file);
  const m = meta as { dims?: number; gramWeight?: number; features?: string[] };
  const idf = requireArray(arrays, 'idf', Float32Array, file);
  const projection = requireArray(arrays, 'projection', Float32Array, file);
  if (
    typeof m?.dims !== 'number' ||
    typeof m.gramWeight !== 'number' ||
    !Array.isArray(m.features) ||
    idf.length !== m.features.length ||
    projection.length !== m.features.length * m.dims
  )
    throw corrupt(file, 'lsa shape mismatch');
  return new LsaModel({ dims: m.dims, gramWeight: m.gramWeight, features: m.features, idf, projection });
}

function corrupt(file: string, why: string): KotaeError {
  return new KotaeError('KB_INDEX_CORRUPT', `index file ${file}: ${why}`);
}
