/**
 * Turns documents into searchable chunks: an FAQ entry is one chunk; a manual section is one
 * chunk per section (the ingest pipeline refines manual splitting).
 */
import type { Chunk, KnowledgeDocument } from '../knowledge/types';

/** Splits every document into chunks with stable ids `${documentId}#${n}`. */
export function chunkDocuments(docs: readonly KnowledgeDocument[]): Chunk[] {
  return docs.flatMap((doc) => chunkDocument(doc));
}

function chunkDocument(doc: KnowledgeDocument): Chunk[] {
  const base = { documentId: doc.id, kind: doc.kind, title: doc.title, url: doc.url, category: doc.category };
  if (doc.kind === 'faq') {
    const question = [doc.question ?? '', ...(doc.alternateQuestions ?? [])].filter(Boolean).join('\n');
    return [{ ...base, id: `${doc.id}#0`, headingPath: [], fields: { question, answer: doc.answer ?? '', body: '' } }];
  }
  return (doc.sections ?? [])
    .filter((s) => s.text.trim().length > 0)
    .map((s, n) => ({
      ...base,
      id: `${doc.id}#${n}`,
      headingPath: s.headingPath,
      page: s.page,
      fields: { question: '', answer: '', body: s.text },
    }));
}
