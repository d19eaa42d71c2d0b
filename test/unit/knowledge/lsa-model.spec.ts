import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLsa, writeLsa } from '../../../knowledge/index-files';
import { fitLsa } from '../../../knowledge/lsa-model';
import { randomizedSvd } from '../../../knowledge/randomized-svd';
import { symmetricEigen } from '../../../knowledge/symmetric-eigen';

const NAMES = [
  'w:ぱすわーど',
  'w:ろぐいん',
  'w:忘れる',
  'w:印刷',
  'w:ぷりんた',
  'w:用紙',
  'w:めーる',
  'w:送信',
  'g:印刷',
  'g:送信',
];
const DOCS = [
  [0, 1, 2],
  [0, 1],
  [3, 4, 5, 8],
  [3, 4, 8],
  [6, 7, 9],
  [6, 7, 9, 1],
  [0, 2],
  [4, 5],
].map((d) => Int32Array.from(d));
const OPTIONS = { dims: 4, seed: 7, maxFitDocs: 1000, maxFeatures: 1000, gramWeight: 0.5 };

describe('LSA', () => {
  it('is deterministic: the same input gives identical vectors', () => {
    const a = fitLsa(NAMES, DOCS, OPTIONS);
    const b = fitLsa(NAMES, DOCS, OPTIONS);
    assert.deepEqual(Array.from(a.data.projection), Array.from(b.data.projection));
    assert.deepEqual(Array.from(a.embedFeatures(['w:印刷'])), Array.from(b.embedFeatures(['w:印刷'])));
  });

  it('puts co-occurring words close and unrelated ones apart', () => {
    const m = fitLsa(NAMES, DOCS, OPTIONS);
    const dot = (x: Float32Array, y: Float32Array): number => x.reduce((s, v, i) => s + v * y[i], 0);
    const print = m.embedFeatures(['w:印刷']);
    assert.ok(dot(print, m.embedFeatures(['w:ぷりんた'])) > dot(print, m.embedFeatures(['w:めーる'])));
  });

  it('returns unit vectors, and a zero vector for unknown features', () => {
    const m = fitLsa(NAMES, DOCS, OPTIONS);
    const v = m.embedFeatures(['w:ぱすわーど', 'w:忘れる']);
    assert.ok(Math.abs(v.reduce((s, x) => s + x * x, 0) - 1) < 1e-5);
    assert.ok(m.embedFeatures(['w:未知']).every((x) => x === 0));
  });

  it('survives a save/load round trip', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotae-lsa-'));
    try {
      const m = fitLsa(NAMES, DOCS, OPTIONS);
      writeLsa(path.join(dir, 'lsa.bin'), m);
      const loaded = readLsa(path.join(dir, 'lsa.bin'));
      assert.deepEqual(loaded.data.features, m.data.features);
      assert.deepEqual(Array.from(loaded.embedFeatures(['w:送信'])), Array.from(m.embedFeatures(['w:送信'])));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('randomized SVD and eigen-decomposition', () => {
  it('recovers the singular values of a small diagonal matrix', () => {
    const rows = {
      rowStart: Int32Array.from([0, 1, 2, 3]),
      cols: Int32Array.from([0, 1, 2]),
      values: Float32Array.from([3, 2, 1]),
      columnCount: 3,
    };
    const svd = randomizedSvd(rows, 2, { seed: 1 });
    assert.equal(svd.rank, 2);
    assert.ok(Math.abs(svd.singularValues[0] - 3) < 1e-6 && Math.abs(svd.singularValues[1] - 2) < 1e-6);
  });

  it('decomposes a symmetric matrix so that A v = λ v', () => {
    const a = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 1]);
    const { values, vectors } = symmetricEigen(a, 3);
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 3; i++) {
        const av = a[i * 3] * vectors[j] + a[i * 3 + 1] * vectors[3 + j] + a[i * 3 + 2] * vectors[6 + j];
        assert.ok(Math.abs(av - values[j] * vectors[i * 3 + j]) < 1e-9);
      }
    }
    assert.ok(values[0] >= values[1] && values[1] >= values[2]);
  });
});
