import assert from 'node:assert/strict';
import { minePairs } from '../../../bench/paraphrase-mining';
import { TrialExpander, validatePairs } from '../../../bench/paraphrase-trial';
import { createJapaneseAnalyzer, createKnowledgeBase, createQueryExpander } from '../../../knowledge';
import { LEARNED_PARAPHRASES, LEARNED_PARAPHRASE_FACTOR } from '../../../knowledge/generated';
import { foldWord } from '../../../knowledge/synonym-expander';
import { itFaqChunks } from './fixtures/it-faq';
import { testAnalyzer } from './shared-analyzer';

describe('learned paraphrases (bench/paraphrase-mining.ts, knowledge/generated/learned-paraphrases.ts)', () => {
  const seen = (set: string, misses: string[], targets: string[]) => ({ set, question: set, misses, targets });

  it('makes a pair a candidate only when it recurs in two sets, two questions and 25 % of the word’s misses, no product name', () => {
    const pairs = minePairs([
      seen('a', ['満杯', '今日'], ['容量']),
      seen('a', ['満杯'], ['容量', '上限']),
      seen('b', ['満杯', '今日'], ['容量']),
      seen('b', ['今日'], ['予定']),
      ...[1, 2, 3].map(() => seen('c', ['今日'], ['時間'])),
      ...[1, 2, 3].map(() => seen('d', ['今日'], ['場所'])),
      // A product name is what a question is about, never a paraphrase (Excel → ファイル would hide another product).
      { ...seen('a', ['excel'], ['ふぁいる']), names: ['excel'] },
      { ...seen('b', ['excel'], ['ふぁいる']), names: ['excel'] },
    ]);
    // 満杯 → 容量: three questions in two sets, every miss of 満杯. 満杯 → 上限: one question. 今日 → 時間 and
    // 今日 → 場所: one set each. 今日 → 容量: two sets but two questions of the nine where 今日 was missed.
    assert.deepEqual(pairs, [{ from: '満杯', to: '容量', questions: 3 }]);
  });

  it('keeps a candidate only when the questions holding its word are answered at least as well with it', async () => {
    const analyzer = await testAnalyzer();
    const trial = new TrialExpander(analyzer, await createQueryExpander(analyzer, 'curated', []));
    const kb = await createKnowledgeBase(itFaqChunks(), { analyzer, expander: trial });
    const slow = { kb, words: kb.queryWords('パソコン亀すぎ') };
    const questions = [
      { ...slow, item: { id: 'q1', kind: 'answerable' as const, question: 'パソコン亀すぎ', expected: ['FAQ-0013'] } },
    ];
    // Without a paraphrase the question stops at clarify with パソコンが起動しない first; 亀 → 起動 shows that entry
    // outright (a wrong answer), 亀 → 遅い proposes パソコンの動作が遅い (the right one). The same question is asked
    // again after each swap: the searcher must not reuse the previous expansion.
    const kept = await validatePairs(trial, questions, [
      { from: '亀', to: '起動' },
      { from: '亀', to: '遅い' },
    ]);
    assert.deepEqual(kept, [{ from: '亀', to: '遅い' }]);
    const answer = await kb.search('パソコン亀すぎ');
    assert.equal(answer.hits[0]?.chunk.documentId, 'FAQ-0013');
  });

  it('ships folded, distinct words, and the query expander reads them at their factor', async () => {
    assert.ok(LEARNED_PARAPHRASES.length > 50);
    for (const [from, to] of LEARNED_PARAPHRASES) {
      assert.equal(foldWord(from), from);
      assert.equal(foldWord(to), to);
      assert.notEqual(from, to);
      assert.doesNotMatch(from, /\d/);
    }
    assert.ok(LEARNED_PARAPHRASES.some(([from, to]) => from === '満杯' && to === '容量'));
    const analyzer = await createJapaneseAnalyzer();
    const expanded = (await createQueryExpander(analyzer, 'curated')).expand(['満杯'], 0.5);
    assert.ok((expanded.get('容量') ?? 0) >= 0.5 * LEARNED_PARAPHRASE_FACTOR);
  });
});
