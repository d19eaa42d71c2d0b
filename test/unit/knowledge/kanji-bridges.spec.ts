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
  { id: 'B-6', question: '画面の文字の大きさ', answer: '設定の表示から拡大率を変えてください。' },
  { id: 'B-7', question: '画面の明るさ', answer: '各階の課長席の近くにある掲示を見てください。' },
];

type Kb = Awaited<ReturnType<typeof createKnowledgeBase>>;

/** The two knowledge bases, built once (each build runs the calibration: seconds on a loaded machine). */
const built = new Map<number | undefined, Promise<Kb>>();

function kbWith(kanjiBridgeWeight?: number): Promise<Kb> {
  let kb = built.get(kanjiBridgeWeight);
  if (!kb) built.set(kanjiBridgeWeight, (kb = buildKb(kanjiBridgeWeight)));
  return kb;
}

async function buildKb(kanjiBridgeWeight?: number): Promise<Kb> {
  const analyzer = await testAnalyzer();
  const expander = await createQueryExpander(analyzer, 'curated', []);
  return createKnowledgeBase(chunkDocuments(faqRowsToDocuments(ROWS, 'fixtures/bridges.csv')), {
    analyzer,
    expander,
    ...(kanjiBridgeWeight === undefined ? {} : { tuning: { kanjiBridgeWeight } }),
  });
}

/** The bridges change nothing for `query`: the same hits, scores and confidence as without them. */
async function assertUnbridged(query: string): Promise<void> {
  const a = await (await kbWith()).search(query, { k: 5 });
  const b = await (await kbWith(0)).search(query, { k: 5 });
  assert.deepEqual(
    a.hits.map((h) => [h.chunk.documentId, h.score]),
    b.hits.map((h) => [h.chunk.documentId, h.score]),
  );
  assert.equal(a.confidence, b.confidence);
}

describe('one-kanji words and the knowledge base’s two-kanji words (knowledge/kanji-bridges.ts)', () => {
  before(async function () {
    this.timeout(120_000);
    await Promise.all([kbWith(), kbWith(0)]);
  });

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

  it('lets a one-kanji noun (字) find the entry that writes 文字, but not a suffix (課 of 総務課)', async () => {
    const bridged = await kbWith();
    const plain = await kbWith(0);
    const letters = await bridged.search('画面の字', { k: 2 });
    assert.deepEqual(
      letters.hits.map((h) => h.chunk.documentId),
      ['B-6', 'B-7'],
    );
    assert.ok(letters.confidence > (await plain.search('画面の字', { k: 2 })).confidence + 0.1);
    // 課 is a word of its own nowhere here: 総務課 is not about 課長.
    await assertUnbridged('総務課の画面');
  });

  it('bridges nothing from a kanji found in more than three of the knowledge base’s two-kanji words', async () => {
    // 入: 入室, 入力, 導入, 購入 — four words, so 入りたい says nothing of which.
    await assertUnbridged('共有フォルダに入りたい');
  });
});
