import assert from 'node:assert/strict';
import { chunkDocuments } from '../../../ingest/chunk';
import { faqRowsToDocuments, type FaqRow } from '../../../ingest/faq';
import { createKnowledgeBase, createQueryExpander } from '../../../knowledge';
import { PRODUCT_ONE_WAY } from '../../../knowledge/it-vocabulary-products';
import { testAnalyzer } from './shared-analyzer';

const ROWS: readonly FaqRow[] = [
  { id: 'P-1', question: '学外から大学のメールを見るには', answer: 'VPNに接続してからWebメールを開いてください。' },
  {
    id: 'P-2',
    question: 'スマートフォンで大学のメールを読むには',
    answer: 'メールアプリにアカウントを追加してください。',
  },
  {
    id: 'P-3',
    question: 'ブラウザで学内サイトが開けない',
    answer: 'キャッシュを削除し、プロキシ設定を確認してください。',
  },
  { id: 'P-4', question: '学内サイトのパスワードを忘れた', answer: 'ポータルから再設定してください。' },
];

async function kb(): Promise<Awaited<ReturnType<typeof createKnowledgeBase>>> {
  const analyzer = await testAnalyzer();
  return createKnowledgeBase(chunkDocuments(faqRowsToDocuments(ROWS, 'fixtures/products.csv')), {
    analyzer,
    expander: await createQueryExpander(analyzer, 'curated', []),
  });
}

describe('product names and the kind an FAQ names (knowledge/it-vocabulary-products.ts)', () => {
  it('answers a question about an iPhone with the smartphone entry, and one about Chrome with the browser entry', async () => {
    const base = await kb();
    assert.equal((await base.search('iPhoneで大学のメール見たい', { k: 2 })).hits[0]?.chunk.documentId, 'P-2');
    assert.equal((await base.search('Chromeで学内サイトが開けない', { k: 2 })).hits[0]?.chunk.documentId, 'P-3');
  });

  it('goes one way only: the kind does not stand for a product', async () => {
    const analyzer = await testAnalyzer();
    const expander = await createQueryExpander(analyzer, 'curated', []);
    // Words as the analyzer gives them: lower case, katakana as hiragana.
    const [word] = analyzer.analyze('iPhone').words;
    assert.equal(expander.alternatives([word], 1)[0]?.get('すまほ'), 1);
    assert.equal(expander.alternatives(['すまほ'], 1)[0]?.has(word), false);
  });

  it('keys each name once, and never maps a name to itself', () => {
    const keys = PRODUCT_ONE_WAY.map(([key]) => key);
    assert.equal(new Set(keys).size, keys.length);
    for (const [key, kinds] of PRODUCT_ONE_WAY) assert.ok(!kinds.includes(key), key);
  });
});
