import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 37 (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fifty-sixth (a 会計課 paying refunds, a kindergarten and after-school club, a cemetery office, a community bus, a volunteer centre, a foreign residents’ corner, an HR migration export, visiting nurses, an IT asset inventory, @mentions, transcripts, OCR; fixed in session 37): 150 cases — recall at least 238 / 282 (240 now), at most 8 false positives (7 now)', async () => {
    // Written blind as the held-out check of the fifty-fifth batch's rules. First sight: session 35's code
    // [282, 213, 228, 218] (0.755 / 0.956); session 36's code [282, 214, 227, 218] (0.759 / 0.960); after the
    // fifty-fifth's rules [282, 217, 230, 221] (0.770 / 0.961). Fixed in session 37 by general rules
    // (session37-rules-b.spec.ts): [282, 240, 251, 244] (0.851 / 0.972).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-56.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 282);
    assert.ok(overall.found >= 238, `found ${overall.found} / 282`);
    assert.ok(overall.masked - overall.correct <= 8, `false positives ${overall.masked - overall.correct}`);
  });
  it('the fifty-seventh (a 市民課 counter, ship agents, an agricultural cooperative, a police liaison for lost property, a university’s international office, a water outage call centre, a hospital’s appointments, a vendor’s support chat, LINE replies, a guardian’s letters, name tags and seating charts, flattened spreadsheets; not fixed): 150 cases — recall at least 228 / 277 (233 now), at most 24 false positives (20 now)', async () => {
    // Written blind as the held-out check of the fifty-sixth batch's rules. First sight: session 35's code
    // [277, 232, 263, 240] (0.838 / 0.913); session 36's code [277, 233, 261, 241] (0.841 / 0.923); after the
    // fifty-fifth's rules the same, after the fifty-sixth's the same: 0 points carried. Not fixed yet.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-57.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 277);
    assert.ok(overall.found >= 228, `found ${overall.found} / 277`);
    assert.ok(overall.masked - overall.correct <= 24, `false positives ${overall.masked - overall.correct}`);
  });
});
