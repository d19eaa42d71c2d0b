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
  it('the fifty-seventh (a 市民課 counter, ship agents, an agricultural cooperative, a police liaison for lost property, a university’s international office, a water outage call centre, a hospital’s appointments, a vendor’s support chat, LINE replies, a guardian’s letters, name tags and seating charts, flattened spreadsheets; fixed in session 37): 150 cases — recall at least 243 / 277 (245 now), at most 14 false positives (13 now)', async () => {
    // Written blind as the held-out check of the fifty-sixth batch's rules. First sight: session 35's code
    // [277, 232, 263, 240] (0.838 / 0.913); session 36's code [277, 233, 261, 241] (0.841 / 0.923); after the
    // fifty-fifth's rules the same, after the fifty-sixth's the same: 0 points carried. Fixed in session 37 by general
    // rules (session37-rules-c.spec.ts): [277, 245, 263, 250] (0.884 / 0.951).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-57.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 277);
    assert.ok(overall.found >= 243, `found ${overall.found} / 277`);
    assert.ok(overall.masked - overall.correct <= 14, `false positives ${overall.masked - overall.correct}`);
  });
  it('the fifty-eighth (a 国民年金 counter, a child consultation centre, a pool and gym desk, a business-tax office, a bus lost-and-found, snow-removal dispatch, a cafeteria contractor, a remote-control session log, an OCR phone list, a mail thread forwarded five times, survey answers, crash reports; not fixed): 150 cases — recall at least 202 / 260 (207 now), at most 21 false positives (17 now)', async () => {
    // Written blind as the held-out check of the fifty-seventh batch's rules. First sight: session 35's code
    // [260, 206, 232, 211] (0.792 / 0.909); session 36's code [260, 207, 230, 213] (0.796 / 0.926); after the
    // fifty-fifth's, fifty-sixth's and fifty-seventh's rules the same: 0 points carried. Not fixed yet.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-58.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 260);
    assert.ok(overall.found >= 202, `found ${overall.found} / 260`);
    assert.ok(overall.masked - overall.correct <= 21, `false positives ${overall.masked - overall.correct}`);
  });
});
