import type { Chunk, KnowledgeSearch, Retrieval } from '../../knowledge/types';

/** A KnowledgeSearch that answers from a fixed table: query substring → confidence and chunk. */
export class FakeKnowledge implements KnowledgeSearch {
  readonly queries: string[] = [];
  constructor(private readonly entries: { match: string; confidence: number; chunk: Chunk }[]) {}

  async search(query: string): Promise<Retrieval> {
    this.queries.push(query);
    const found = this.entries.filter((e) => query.includes(e.match));
    if (found.length === 0) return { hits: [], confidence: 0.02 };
    return { hits: found.map((e, i) => ({ chunk: e.chunk, score: 1 - i * 0.1 })), confidence: found[0]!.confidence };
  }
}

/** A FAQ chunk for tests. */
export function faqChunk(id: string, question: string, answer: string, category = 'アカウント・AD'): Chunk {
  return {
    id: `${id}#0`,
    documentId: id,
    kind: 'faq',
    title: question,
    url: `https://intra.kotonoha.example.lg.jp/helpdesk/faq/${id}`,
    category,
    headingPath: [],
    fields: { question, answer, body: '' },
  };
}
