import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 36 (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fifty-fourth (personnel transfers, childcare enrolment, a disaster drill roll call, building permits, public housing, a lawyer consultation log, chat exports, config snippets, a faxed form; not fixed): 150 cases — recall at least 221 / 273 (226 now), at most 16 false positives (14 now)', async () => {
    // Written blind as the held-out check of the fifty-third batch's rules, and not fixed in session 36 (a later
    // batch to fix). First sight: session 35's code [273, 225, 246, 232] (0.824 / 0.943); after the fifty-third's
    // rules [273, 226, 247, 233] (0.828 / 0.943).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-54.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 273);
    assert.ok(overall.found >= 221, `found ${overall.found} / 273`);
    assert.ok(overall.masked - overall.correct <= 16, `false positives ${overall.masked - overall.correct}`);
  });
});
