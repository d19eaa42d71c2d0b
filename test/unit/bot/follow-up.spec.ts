import { strict as assert } from 'node:assert';
import { followUpQuery } from '../../../bot/follow-up';
import type { KnowledgeSearch, Retrieval } from '../../../bot/ports';

/** A search that answers the combined VPN question and nothing else. */
function fakeSearch(asked: string[]): KnowledgeSearch {
  const hit = (id: string): Retrieval['hits'][number] =>
    ({ chunk: { id: `${id}#0`, documentId: id }, score: 1 }) as unknown as Retrieval['hits'][number];
  return {
    search: async (query: string): Promise<Retrieval> => {
      asked.push(query);
      return query.includes('VPN') ? { hits: [hit('net-02')], confidence: 0.7 } : { hits: [], confidence: 0.05 };
    },
  } as unknown as KnowledgeSearch;
}

describe('follow-up questions without a subject of their own', () => {
  it('「それでもだめなら？」 continues the previous question with the combined search as it is', async () => {
    const asked: string[] = [];
    const q = await followUpQuery(fakeSearch(asked), 'それでもだめなら？', 'VPNがつながらない');
    assert.deepEqual(asked, ['VPNがつながらない それでもだめなら？']);
    assert.equal(q.continued, 'VPNがつながらない');
    assert.deepEqual(
      q.retrieval?.hits.map((h) => h.chunk.documentId),
      ['net-02'],
    );
    assert.equal(q.retrieval?.confidence, 0.7);
  });

  it('a follow-up with a subject that the knowledge base lacks is still searched alone', async () => {
    const asked: string[] = [];
    const q = await followUpQuery(fakeSearch(asked), '明日の天気は？', 'VPNがつながらない');
    assert.equal(q.continued, undefined);
    assert.equal(q.text, '明日の天気は？');
    assert.deepEqual(q.retrieval?.hits, []);
  });
});
