import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 37 (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fifty-sixth (a 会計課 paying refunds, a kindergarten and after-school club, a cemetery office, a community bus, a volunteer centre, a foreign residents’ corner, an HR migration export, visiting nurses, an IT asset inventory, @mentions, transcripts, OCR; not fixed): 150 cases — recall at least 212 / 282 (217 now), at most 12 false positives (9 now)', async () => {
    // Written blind as the held-out check of the fifty-fifth batch's rules. First sight: session 35's code
    // [282, 213, 228, 218] (0.755 / 0.956); session 36's code [282, 214, 227, 218] (0.759 / 0.960); after the
    // fifty-fifth's rules [282, 217, 230, 221] (0.770 / 0.961). Not fixed yet: a guard that nothing loses ground.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-56.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 282);
    assert.ok(overall.found >= 212, `found ${overall.found} / 282`);
    assert.ok(overall.masked - overall.correct <= 12, `false positives ${overall.masked - overall.correct}`);
  });
});
