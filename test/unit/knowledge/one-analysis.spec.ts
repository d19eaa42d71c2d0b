/**
 * One morphological analysis per question: BM25, the LSA embedder, the rerank and the confidence
 * features share the query's analysis, and the question-line bigrams need none.
 */
import { strict as assert } from 'node:assert';
import {
  buildIndexData,
  createKnowledgeBase,
  InMemoryVectorIndex,
  type AnalysisEmbedder,
  type AnalyzedText,
  type TextAnalyzer,
} from '../../../knowledge';
import { questionText } from '../../../knowledge/chunk-text';
import { QueryNormalizer } from '../../../knowledge/query-normalizer';
import { itFaqChunks } from './fixtures/it-faq';
import { testAnalyzer } from './shared-analyzer';

/** Counts analyses and delegates to the real analyzer. */
class CountingAnalyzer implements TextAnalyzer {
  analyses: string[] = [];
  constructor(private readonly inner: TextAnalyzer) {}
  analyze(text: string): AnalyzedText {
    this.analyses.push(text);
    return this.inner.analyze(text);
  }
  bigrams(text: string): string[] {
    return this.inner.bigrams(text);
  }
}

/**
 * The question lines of the chunks: the rerank reads their verbs (aspects.ts) once per chunk, at the first search that
 * needs them, and keeps them.
 */
const LINES = new Set(itFaqChunks().flatMap((c) => questionText(c).split('\n')));
const queries = (analyses: readonly string[]): string[] => analyses.filter((a) => !LINES.has(a));
const lines = (analyses: readonly string[]): string[] => analyses.filter((a) => LINES.has(a));

describe('one analysis per question', () => {
  it('analyses the query once per search, with the same hits and confidence as an uncounted analyzer', async () => {
    const real = await testAnalyzer();
    const counting = new CountingAnalyzer(real);
    const kb = await createKnowledgeBase(itFaqChunks(), { analyzer: counting, synonyms: 'none' });
    const reference = await createKnowledgeBase(itFaqChunks(), { analyzer: real, synonyms: 'none' });
    for (const q of ['パスワードを忘れました', 'テレワーク中にVPNがつながらない', '明日の天気は？']) {
      counting.analyses = [];
      const got = await kb.searchExplained(q);
      // One analysis, of the question as rewritten for the KB vocabulary (query-normalizer.ts).
      assert.deepEqual(queries(counting.analyses), [QueryNormalizer.fromChunks(itFaqChunks()).rewrite(q)]);
      const want = await reference.searchExplained(q);
      assert.deepEqual(
        got.hits.map((h) => [h.chunk.id, h.score]),
        want.hits.map((h) => [h.chunk.id, h.score]),
      );
      assert.deepEqual(got.features, want.features);
      assert.equal(got.confidence, want.confidence);
    }
  });

  it('does not analyse the same question again when it is searched again at once (the leave-one-out probe)', async () => {
    const counting = new CountingAnalyzer(await testAnalyzer());
    const kb = await createKnowledgeBase(itFaqChunks(), { analyzer: counting, synonyms: 'none' });
    counting.analyses = [];
    const first = await kb.searchExplained('パスワードを忘れました');
    const again = await kb.searchExplained('パスワードを忘れました');
    assert.equal(queries(counting.analyses).length, 1);
    assert.deepEqual(
      again.hits.map((h) => [h.chunk.id, h.score]),
      first.hits.map((h) => [h.chunk.id, h.score]),
    );
    assert.equal(again.confidence, first.confidence);
    await kb.searchExplained('プリンターで印刷できない');
    await kb.searchExplained('パスワードを忘れました');
    await kb.searchExplained('プリンターで印刷できない');
    assert.equal(queries(counting.analyses).length, 4);
    // A chunk's question lines are analysed once, whatever searches read them.
    const read = lines(counting.analyses);
    assert.ok(read.length > 0);
    assert.equal(new Set(read).size, read.length);
  });

  it('embeds an analysed query exactly as embedQuery embeds its text (and only for its own analyzer)', async () => {
    const real = await testAnalyzer();
    const built = await buildIndexData(itFaqChunks(), real, { createVectorIndex: (d) => new InMemoryVectorIndex(d) });
    const lsa = built.queryEmbedder as AnalysisEmbedder;
    for (const q of ['パスワードを忘れました', 'Wi-Fiにつながらない', '明日の天気は？'])
      assert.deepEqual(lsa.embedAnalyzed(real.analyze(q), real), await lsa.embedQuery(q));
    assert.equal(lsa.embedAnalyzed(real.analyze('VPN'), real.withMode('full')), undefined);
  });

  it('gives the bigrams of analyze() without a morphological analysis', async () => {
    const real = await testAnalyzer();
    for (const text of ['Wi-Fiにつながりません', 'ﾊﾟｽﾜｰﾄﾞ忘れた', 'Outlook 2024 で e-mail が送れない', ''])
      assert.deepEqual(real.bigrams(text), real.analyze(text).grams);
    assert.deepEqual(real.withMode('plain').bigrams('パスワード'), []);
  });
});
