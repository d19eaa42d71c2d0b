import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batch of session 34 (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the forty-ninth (long ticket threads, key: value forms, phone notes, call transcripts, staff lists with furigana; not fixed): 150 cases — recall at least 216 / 278 (218 now), at most 12 false positives (10 now)', async () => {
    // Written blind as the held-out check of the forty-eighth batch's rules, and not fixed in session 34 (the next
    // batch to fix). First sight: session 33's code [278, 217, 225, 215] (0.781 / 0.956); after the forty-eighth
    // batch's rules [278, 218, 226, 216] (0.784 / 0.956).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-49.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 278);
    assert.ok(overall.found >= 216, `found ${overall.found} / 278`);
    assert.ok(overall.masked - overall.correct <= 12, `false positives ${overall.masked - overall.correct}`);
  });
});
