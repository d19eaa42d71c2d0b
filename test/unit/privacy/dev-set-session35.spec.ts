import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 35 (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fifty-second (a prefecture desk, fire and ambulance logs, a library, a hospital records office, a welfare council, a tax counter, a port and an airport, contractors; fixed in session 35): 150 cases — recall at least 286 / 312 (288 now), at most 2 false positives (1 now)', async () => {
    // Written blind as the held-out check of the fifty-first batch’s rules; first left unfixed (a later
    // batch to fix). First sight: session 34's code [312, 262, 274, 268] (0.840 / 0.978); after the fifty-first's
    // rules [312, 264, 275, 269] (0.846 / 0.978). Fixed in session 35: [312, 288, 294, 293] (0.923 / 0.997).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-52.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 312);
    assert.ok(overall.found >= 286, `found ${overall.found} / 312`);
    assert.ok(overall.masked - overall.correct <= 2, `false positives ${overall.masked - overall.correct}`);
  });
  it('the fifty-third (a city desk at the year end, school ICT, a water bureau counter, an election office, a vaccination line, a consumer centre, interpreters; chat exports, ticket CSV, OCR, markdown and JSON; fixed in session 36): 150 cases — recall at least 242 / 254 (244 now), at most 1 false positive (0 now)', async () => {
    // Written blind as the held-out check of the fifty-second batch's rules, and not fixed in session 35 (a later
    // batch to fix). First sight: session 34's code [254, 210, 222, 211] (0.827 / 0.950); after the fifty-first's
    // rules [254, 212, 224, 213] (0.835 / 0.951); after the fifty-second's the same. Fixed in session 36:
    // [254, 244, 239, 239] (0.961 / 1.000); rules in session36-rules.spec.ts.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-53.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 254);
    assert.ok(overall.found >= 242, `found ${overall.found} / 254`);
    assert.ok(overall.masked - overall.correct <= 1, `false positives ${overall.masked - overall.correct}`);
  });
});
