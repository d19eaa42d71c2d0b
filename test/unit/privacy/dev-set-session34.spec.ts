import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batch of session 34 (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the forty-ninth (long ticket threads, key: value forms, phone notes, call transcripts, staff lists with furigana; fixed): 150 cases — recall at least 262 / 278 (264 now), at most 3 false positives (2 now)', async () => {
    // Written blind as the held-out check of the forty-eighth batch's rules. First sight: session 33's code [278, 217,
    // 225, 215] (0.781 / 0.956); after the forty-eighth batch's rules [278, 218, 226, 216] (0.784 / 0.956). Fixed in
    // session 34 by general rules (session34-threads.spec.ts): [278, 264, 265, 263] (0.950 / 0.992). Left: two bare 内線
    // the writer labels as phones, 店番 001 / 021 unlabelled (two false positives: older batches label 店番), names only a
    // word list would give (ナカムラ, 鵜沢, 和代, 陈志强, 한지우), dictated digits parted by commas, table rows' numbers.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-49.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 278);
    assert.ok(overall.found >= 262, `found ${overall.found} / 278`);
    assert.ok(overall.masked - overall.correct <= 3, `false positives ${overall.masked - overall.correct}`);
  });
});
