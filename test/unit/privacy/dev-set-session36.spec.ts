import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 36 (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fifty-fourth (personnel transfers, childcare enrolment, a disaster drill roll call, building permits, public housing, a lawyer consultation log, chat exports, config snippets, a faxed form; fixed in session 36): 150 cases — recall at least 259 / 273 (261 now), at most 5 false positives (4 now)', async () => {
    // Written blind as the held-out check of the fifty-third batch's rules, then fixed in session 36. First sight:
    // session 35's code [273, 225, 246, 232] (0.824 / 0.943); after the fifty-third's rules [273, 226, 247, 233]
    // (0.828 / 0.943). After its own fixes (session36-rules-b.spec.ts) [273, 261, 266, 262] (0.956 / 0.985); the four
    // false positives left are a town hall's main number marked （代表） (twice), the fax under one and a business's fax
    // as a sender — batches 7, 11, 15, 24, 29 and 36 label such main numbers as phones, 17, 43, 46, 47, 53 and 54 not.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-54.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 273);
    assert.ok(overall.found >= 259, `found ${overall.found} / 273`);
    assert.ok(overall.masked - overall.correct <= 5, `false positives ${overall.masked - overall.correct}`);
  });
  it('the fifty-fifth (tax collection, a health insurance counter, a school board personnel office, a hometown-tax desk, bookings, garbage complaints, a hospital IT vendor, a council member’s office, issue comments, log lines, handwriting OCR; fixed in session 37): 150 cases — recall at least 235 / 249 (237 now), at most 4 false positives (3 now)', async () => {
    // Written blind as the held-out check of the fifty-fourth batch's rules, and fixed in session 37. First sight:
    // session 35's code [249, 215, 236, 221] (0.863 / 0.936); after the fifty-third's rules [249, 215, 233, 221]
    // (0.863 / 0.948); after the fifty-fourth's the same; after its own fixes [249, 237, 244, 241] (0.952 / 0.988).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-55.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 249);
    assert.ok(overall.found >= 235, `found ${overall.found} / 249`);
    assert.ok(overall.masked - overall.correct <= 4, `false positives ${overall.masked - overall.correct}`);
  });
});
