import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 34, third part (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fifty-first (small towns and villages, elections and census, school enrolment, shelters, vendors on site, quoted CSV, PDF text with broken lines; fixed in session 35): 150 cases — recall at least 239 / 257 (241 now), at most 6 false positives (5 now)', async () => {
    // Written blind as the held-out check of the fiftieth batch's rules, and not fixed in session 34 (a later batch
    // to fix). First sight: session 33's code [257, 227, 241, 231] (0.883 / 0.959); after the forty-eighth's rules
    // [257, 227, 240, 231]; after the forty-ninth's [257, 228, 241, 232] (0.887 / 0.963); after the fiftieth's the same.
    // After session 35's own rules [257, 241, 247, 242] (0.938 / 0.980).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-51.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 257);
    assert.ok(overall.found >= 239, `found ${overall.found} / 257`);
    assert.ok(overall.masked - overall.correct <= 6, `false positives ${overall.masked - overall.correct}`);
  });
});
