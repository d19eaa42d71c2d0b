/**
 * The LSA background (knowledge/lsa-background.ts): the shipped file is what the current analyzer makes of the dev
 * knowledge folders, it joins the fit of a small knowledge base only, and it gives a query word the knowledge base
 * never writes a direction near the entries it co-occurs with elsewhere.
 */
import assert from 'node:assert/strict';
import { backgroundDocs } from '../../../bench/lsa-background';
import { chunkDocuments } from '../../../ingest/chunk';
import { faqRowsToDocuments, type FaqRow } from '../../../ingest/faq';
import { buildIndexData, InMemoryVectorIndex } from '../../../knowledge';
import {
  BACKGROUND_LSA_DIMS,
  backgroundDocuments,
  backgroundFits,
  shippedLsaBackground,
} from '../../../knowledge/lsa-background';
import { testAnalyzer } from './shared-analyzer';

/** Two fictional FAQ entries (written for Kotae). */
const ROWS: readonly FaqRow[] = [
  {
    id: 'PW-1',
    category: 'アカウント',
    question: 'パスワードを忘れてログインできません',
    answer: 'ヘルプデスクで本人確認のうえ、パスワードを初期化します。',
  },
  {
    id: 'PR-1',
    category: 'プリンター',
    question: 'プリンターで印刷できません',
    answer: 'プリンターの電源とケーブルを確認し、印刷キューを削除してください。',
  },
];

const bag = (doc: readonly string[]): string => [...doc].sort().join('\u0001');

describe('LSA background (knowledge/lsa-background.ts)', () => {
  it('is what the current analyzer makes of the dev knowledge folders (checked on two of them)', async () => {
    const analyzer = await testAnalyzer();
    const background = shippedLsaBackground();
    assert.ok(background, 'knowledge/generated/lsa-background.json.gz is shipped');
    assert.ok(backgroundFits(background, analyzer));
    const shipped = new Set(backgroundDocuments(background).map(bag));
    const regenerated = await backgroundDocs(analyzer, ['sample-kb', 'test/fixtures/qa/kb-univ']);
    assert.ok(regenerated.length > 100);
    const missing = regenerated.filter((doc) => !shipped.has(bag(doc)));
    assert.equal(missing.length, 0, 'run npm run bench:lsa-background -- --write');
  });

  it('joins the fit of a small knowledge base, not of another analyzer’s, and bridges a word the KB never writes', async () => {
    const analyzer = await testAnalyzer();
    const chunks = chunkDocuments(faqRowsToDocuments(ROWS, 'fixtures/two.csv'));
    const build = (lsaBackground?: false) =>
      buildIndexData(chunks, analyzer, { lsaBackground, createVectorIndex: (d) => new InMemoryVectorIndex(d) });
    const alone = await build(false);
    const withBackground = await build();
    assert.equal(alone.data.stats.embedder, 'lsa-1');
    assert.match(withBackground.data.stats.embedder, new RegExp(`^lsa-${BACKGROUND_LSA_DIMS}\\+background-\\d+$`));
    // Another mode of the analyzer reads text otherwise: the background does not fit it.
    const plain = await buildIndexData(chunks, analyzer.withMode('plain'), {
      createVectorIndex: (d) => new InMemoryVectorIndex(d),
    });
    assert.match(plain.data.stats.embedder, /^lsa-\d+$/);
    // 暗証番号 is in neither entry: alone, the LSA knows nothing of it; with the background it points at the password
    // entry rather than the printer one (other helpdesks write 暗証番号 beside パスワード and ログイン).
    const query = '暗証番号';
    assert.ok((await alone.queryEmbedder.embedQuery(query)).every((x) => x === 0));
    const v = await withBackground.queryEmbedder.embedQuery(query);
    const { dims, vectors } = withBackground.data.dense;
    const cosine = (doc: number) => v.reduce((s, x, j) => s + x * vectors[doc * dims + j], 0);
    assert.ok(v.some((x) => x !== 0));
    assert.ok(cosine(0) > cosine(1), `${cosine(0)} vs ${cosine(1)}`);
  });
});
