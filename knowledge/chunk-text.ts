/**
 * Which text of a chunk goes to which BM25 field: the "question" field is an FAQ's question and
 * alternates, or a manual section's title and heading path; the content field is everything.
 */
import type { Chunk } from './types';

/** Text that plays the role of the question (headline) of a chunk. */
export function questionText(chunk: Chunk): string {
  if (chunk.kind === 'faq') return chunk.fields.question;
  return [chunk.title, ...chunk.headingPath].filter(Boolean).join('\n');
}

/** Text of the chunk other than its question text. */
export function bodyText(chunk: Chunk): string {
  return [chunk.fields.answer, chunk.fields.body].filter(Boolean).join('\n');
}

/** All searchable text of a chunk (what an external embedder embeds). */
export function fullText(chunk: Chunk): string {
  return [questionText(chunk), bodyText(chunk)].filter(Boolean).join('\n');
}

/** The texts of chunks the query normaliser reads its katakana words and kanji readings from. */
export function* chunkTexts(chunks: Iterable<Chunk>): Generator<string> {
  for (const c of chunks) {
    yield c.title;
    yield c.fields.question;
    yield c.fields.answer;
    yield c.fields.body;
  }
}
