import { strict as assert } from 'node:assert';
import { Bm25FieldBuilder } from '../../../knowledge/bm25-field-builder';
import { topK } from '../../../knowledge/top-k';

describe('BM25 field', () => {
  const docs = [
    ['ぱすわーど', '忘れる', 'ろぐいん'],
    ['ぷりんた', '印刷', '印刷', '用紙'],
    ['めーる', '送信', '添付'],
    ['ぱすわーど', '変更', '期限', '通知', '画面', '表示'],
  ];
  const field = (() => {
    const b = new Bm25FieldBuilder();
    docs.forEach((d) => b.add(d));
    return b.build();
  })();
  const params = { k1: 1.2, b: 0.75 };

  it('ranks the document with the rarer and more frequent terms first', () => {
    const acc = new Float32Array(docs.length);
    field.scoreInto(
      new Map([
        ['ぱすわーど', 1],
        ['忘れる', 1],
      ]),
      acc,
      1,
      params,
    );
    assert.deepEqual(topK(acc, 10), [0, 3]);
    const acc2 = new Float32Array(docs.length);
    field.scoreInto(new Map([['印刷', 1]]), acc2, 1, params);
    assert.deepEqual(topK(acc2, 10), [1]);
  });

  it('prefers the shorter document when term frequency is equal', () => {
    const acc = new Float32Array(docs.length);
    field.scoreInto(new Map([['ぱすわーど', 1]]), acc, 1, params);
    assert.ok(acc[0] > acc[3]);
  });

  it('gives unknown terms the highest idf and no score', () => {
    assert.ok(field.idf('未知語') > field.idf('ぱすわーど'));
    const acc = new Float32Array(docs.length);
    field.scoreInto(new Map([['未知語', 1]]), acc, 1, params);
    assert.deepEqual(topK(acc, 10), []);
  });

  it('stores term frequencies and document frequencies', () => {
    assert.equal(field.tf(field.termId('印刷'), 1), 2);
    assert.equal(field.tf(field.termId('印刷'), 0), 0);
    assert.equal(field.df(field.termId('ぱすわーど')), 2);
  });

  it('scales by the field weight', () => {
    const a = new Float32Array(docs.length);
    const b = new Float32Array(docs.length);
    field.scoreInto(new Map([['用紙', 1]]), a, 1, params);
    field.scoreInto(new Map([['用紙', 1]]), b, 2, params);
    assert.ok(Math.abs(b[1] - 2 * a[1]) < 1e-5);
  });
});

describe('topK', () => {
  it('returns the k best positive indices, best first, ties by index', () => {
    assert.deepEqual(topK(Float32Array.from([0.5, 2, 0, 2, 1]), 3), [1, 3, 4]);
  });
});
