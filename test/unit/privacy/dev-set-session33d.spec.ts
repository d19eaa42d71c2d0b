import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 33, fourth part (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the forty-eighth (chatbot questions, operators’ notes, HR and payroll, school ICT, shelter lists, pasted tables; not fixed): 150 cases — recall at least 214 / 246 (216 now), at most 7 false positives (5 now)', async () => {
    // Written blind as the held-out check of the forty-seventh batch's rules, and not fixed in session 33 (the next
    // batch to fix). First sight: session 32's code [246, 210, 215, 210] (0.854 / 0.977); after the forty-fifth and
    // forty-sixth batches' rules 0.874 / 0.977; after the forty-seventh's [246, 216, 221, 216] (0.878 / 0.977).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-48.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 246);
    assert.ok(overall.found >= 214, `found ${overall.found} / 246`);
    assert.ok(overall.masked - overall.correct <= 7, `false positives ${overall.masked - overall.correct}`);
  });
});
