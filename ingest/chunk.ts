/**
 * Turns documents into searchable chunks. An FAQ entry is always one chunk. Manual sections are
 * split by `splitDocuments` (async, langchain's recursive splitter tuned for Japanese: ~400
 * characters, ~50 overlap), which ingestion uses; `chunkDocuments` stays synchronous for callers
 * such as the retrieval evaluation and keeps each manual section whole.
 */
import type { Chunk, KnowledgeDocument } from '../knowledge';
import { createJapaneseTextSplitter } from './japanese-splitter';

type Section = NonNullable<KnowledgeDocument['sections']>[number];

/** Synchronous chunking: FAQs as one chunk each, manual sections unsplit. Ids are `${documentId}#${n}`. */
export function chunkDocuments(docs: readonly KnowledgeDocument[]): Chunk[] {
  return docs.flatMap((doc) =>
    doc.kind === 'faq'
      ? [faqChunk(doc)]
      : sectionChunks(
          doc,
          nonEmpty(doc).map((s) => ({ section: s, text: s.text })),
        ),
  );
}

/**
 * Ingestion chunking: FAQs as one chunk each, manual sections split into ~`chunkSize`-character
 * pieces, each keeping its section's heading path and page. Ids are `${documentId}#${n}`.
 */
export async function splitDocuments(
  docs: readonly KnowledgeDocument[],
  options: { chunkSize?: number; chunkOverlap?: number } = {},
): Promise<Chunk[]> {
  const splitter = createJapaneseTextSplitter(options);
  const chunks: Chunk[] = [];
  for (const doc of docs) {
    if (doc.kind === 'faq') {
      chunks.push(faqChunk(doc));
      continue;
    }
    const pieces: { section: Section; text: string }[] = [];
    for (const section of nonEmpty(doc)) {
      for (const text of await splitter.splitText(section.text)) pieces.push({ section, text: text.trim() });
    }
    chunks.push(
      ...sectionChunks(
        doc,
        pieces.filter((p) => p.text.length > 0),
      ),
    );
  }
  return chunks;
}

function base(doc: KnowledgeDocument): Pick<Chunk, 'documentId' | 'kind' | 'title' | 'url' | 'category'> {
  return { documentId: doc.id, kind: doc.kind, title: doc.title, url: doc.url, category: doc.category };
}

function faqChunk(doc: KnowledgeDocument): Chunk {
  const question = [doc.question ?? '', ...(doc.alternateQuestions ?? []), ...(doc.derivedQuestions ?? [])]
    .filter(Boolean)
    .join('\n');
  return { ...base(doc), id: `${doc.id}#0`, headingPath: [], fields: { question, answer: doc.answer ?? '', body: '' } };
}

function nonEmpty(doc: KnowledgeDocument): Section[] {
  return (doc.sections ?? []).filter((s) => s.text.trim().length > 0);
}

function sectionChunks(doc: KnowledgeDocument, pieces: readonly { section: Section; text: string }[]): Chunk[] {
  return pieces.map(({ section, text }, n) => ({
    ...base(doc),
    id: `${doc.id}#${n}`,
    headingPath: [...section.headingPath],
    page: section.page,
    fields: { question: '', answer: '', body: text },
  }));
}
