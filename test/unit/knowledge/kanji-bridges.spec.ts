import assert from 'node:assert/strict';
import { chunkDocuments } from '../../../ingest/chunk';
import { faqRowsToDocuments, type FaqRow } from '../../../ingest/faq';
import { createKnowledgeBase, createQueryExpander } from '../../../knowledge';
import { testAnalyzer } from './shared-analyzer';

const ROWS: readonly FaqRow[] = [
  {
    id: 'B-1',
    question: 'ネットワークの遅延',
    answer: '回線が混み合う時間帯は、大きなファイルの転送を控えてください。',
  },
  { id: 'B-2', question: 'ネットワークの接続手順', answer: 'LANケーブルを差し、ポータルで端末を登録します。' },
  { id: 'B-3', question: '共有フォルダの入室記録', answer: '記録は総務課が保管します。' },
  { id: 'B-4', question: '入力支援ソフトの導入', answer: '購入申請のあと、情報政策課が設定します。' },
  { id: 'B-5', question: '会議室の予約', answer: '施設予約から登録します。' },
];

async function kbWith(kanjiBridgeWeight?: number): Promise<Awaited<ReturnType<typeof createKnowledgeBase>>> {
  const analyzer = await testAnalyzer();
  const expander = await createQueryExpander(analyzer, 'curated', []);
  return createKnowledgeBase(chunkDocuments(faqRowsToDocuments(ROWS, 'fixtures/bridges.csv')), {
    analyzer,
    expander,
    ...(kanjiBridgeWeight === undefined ? {} : { tuning: { kanjiBridgeWeight } }),
  });
}

describe('one-kanji verbs and the knowledge base’s two-kanji words (knowledge/kanji-bridges.ts)', () => {
  it('lets 遅い find the entry that writes 遅延, and credits it in the confidence', async () => {
    const bridged = await kbWith();
    const plain = await kbWith(0);
    const query = 'ネットワークが遅い';
    const withBridge = await bridged.search(query, { k: 2 });
    const without = await plain.search(query, { k: 2 });
    assert.deepEqual(
      withBridge.hits.map((h) => h.chunk.documentId),
      ['B-1', 'B-2'],
    );
    // Without the bridge only ネットワーク matches, which both entries share.
    assert.ok(withBridge.hits[0].score - withBridge.hits[1].score > without.hits[0].score - without.hits[1].score);
    assert.ok(withBridge.confidence > without.confidence + 0.1, `${withBridge.confidence} / ${without.confidence}`);
  });

  it('bridges nothing from a kanji found in more than three of the knowledge base’s two-kanji words', async () => {
    // 入: 入室, 入力, 導入, 購入 — four words, so 入りたい says nothing of which.
    const bridged = await kbWith();
    const plain = await kbWith(0);
    const query = '共有フォルダに入りたい';
    const a = await bridged.search(query, { k: 5 });
    const b = await plain.search(query, { k: 5 });
    assert.deepEqual(
      a.hits.map((h) => [h.chunk.documentId, h.score]),
      b.hits.map((h) => [h.chunk.documentId, h.score]),
    );
    assert.equal(a.confidence, b.confidence);
  });
});
