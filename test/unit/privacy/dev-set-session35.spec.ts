import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batch of session 35 (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fifty-second (a prefecture desk, fire and ambulance logs, a library, a hospital records office, a welfare council, a tax counter, a port and an airport, contractors; not fixed): 150 cases — recall at least 258 / 312 (264 now), at most 8 false positives (6 now)', async () => {
    // Written blind as the held-out check of the fifty-first batch's rules, and not fixed in session 35 (a later
    // batch to fix). First sight: session 34's code [312, 262, 274, 268] (0.840 / 0.978); after the fifty-first's
    // rules [312, 264, 275, 269] (0.846 / 0.978).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-52.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 312);
    assert.ok(overall.found >= 258, `found ${overall.found} / 312`);
    assert.ok(overall.masked - overall.correct <= 8, `false positives ${overall.masked - overall.correct}`);
  });
});
