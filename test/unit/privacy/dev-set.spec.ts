import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';
import { evalCommand } from '../../../adapters/cli/eval-command';

describe('privacy: the dev set', () => {
  it('has at least 300 cases with positives of every type and IT-text negatives', async () => {
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii/dev.jsonl'));
    assert.ok(cases.length >= 300);
    assert.ok(cases.filter((c) => c.pii.length === 0).length >= 100);
    // As in the app: the regex detectors plus kuromoji's person-name tagger.
    const evaluation = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(Object.keys(evaluation.perType).length, 13);
    for (const [type, s] of Object.entries(evaluation.perType)) {
      assert.ok(s.recall >= 0.99 && s.precision >= 0.95, `${type}: recall ${s.recall} precision ${s.precision}`);
    }
  });
});

describe('privacy: the fourth blind batch', () => {
  it('masks what it was written for: 140 cases written without the detectors, then 11 negatives of the fixes', async () => {
    // Written blind (test/fixtures/pii/blind-4.jsonl, b4-0001…0140); before the session-11 fixes recall was
    // 0.936 (7 misses) at precision 1.000. Left: a hiragana given name before ちゃん after a particle (b4-0103).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii/blind-4.jsonl'));
    assert.equal(cases.length, 151);
    const evaluation = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.deepEqual(
      [evaluation.overall.expected, evaluation.overall.found, evaluation.overall.masked, evaluation.overall.correct],
      [109, 108, 108, 108],
    );
  });
});

describe('privacy: the fifth blind batch (names)', () => {
  it('masks 85 % of it with no false positive: names in lists, CSV rows, signatures, before posts', async () => {
    // Written blind (test/fixtures/pii/blind-5.jsonl: 150 cases, 103 names, 45 negatives); before the
    // session-11 tagger rules recall was 0.544 (names 0.340) at precision 0.919. Left: Latin-letter and
    // katakana readings of names, hiragana names, kanji given names kuromoji reads as places.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii/blind-5.jsonl'));
    assert.equal(cases.length, 150);
    const evaluation = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.deepEqual(
      [evaluation.overall.expected, evaluation.overall.found, evaluation.overall.masked, evaluation.overall.correct],
      [160, 136, 140, 140],
    );
  });
});

describe('kotae eval --pii', () => {
  const file = path.join(__dirname, '../../fixtures/pii/dev.jsonl');
  it('prints recall and precision per type, as JSON with --json', async () => {
    const out: string[] = [];
    const err: string[] = [];
    assert.equal(
      await evalCommand(['--pii', file, '--json'], { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false }),
      0,
    );
    const json = JSON.parse(out.join('\n')) as {
      perType: Record<string, { recall: number }>;
      overall: { precision: number };
    };
    assert.equal(typeof json.perType.my_number?.recall, 'number');
    assert.equal(typeof json.overall.precision, 'number');
    out.length = 0;
    assert.equal(
      await evalCommand(['--pii', file], { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false }),
      0,
    );
    assert.match(out.join('\n'), /^my_number\s+\d+\s+[01]\.\d{3}\s+\d+\s+[01]\.\d{3}/m);
    assert.equal(await evalCommand(['--pii'], { out: () => undefined, err: (s) => err.push(s), isTTY: false }), 2);
  });
});
