import assert from 'node:assert/strict';
import { minePairs } from '../../../bench/paraphrase-mining';
import { createJapaneseAnalyzer, createQueryExpander } from '../../../knowledge';
import { LEARNED_PARAPHRASES, LEARNED_PARAPHRASE_FACTOR } from '../../../knowledge/learned-paraphrases';
import { foldWord } from '../../../knowledge/synonym-expander';

describe('learned paraphrases (bench/paraphrase-mining.ts, knowledge/learned-paraphrases.ts)', () => {
  const seen = (set: string, misses: string[], targets: string[]) => ({ set, question: set, misses, targets });

  it('keeps a pair only when it recurs in two sets, three questions and 40 % of the word’s misses', () => {
    const pairs = minePairs([
      seen('a', ['満杯', '今日'], ['容量']),
      seen('a', ['満杯'], ['容量', '上限']),
      seen('b', ['満杯', '今日'], ['容量']),
      seen('b', ['今日'], ['予定']),
      seen('c', ['今日'], ['時間']),
      seen('c', ['今日'], ['時間']),
      seen('c', ['今日'], ['時間']),
    ]);
    // 満杯 → 容量: three questions in two sets, every miss of 満杯. 満杯 → 上限: one question. 今日 → 時間: one set.
    // 今日 → 容量: two sets but two questions of six.
    assert.deepEqual(pairs, [{ from: '満杯', to: '容量', questions: 3 }]);
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
