import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 34, second part (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fiftieth (exported chat logs, OCR of paper forms, ward office / school board / water bureau / hospital notes, romaji-heavy messages, shuffled spreadsheet columns; fixed): 150 cases — recall at least 202 / 211 (180 at first sight, 204 fixed), at most 1 false positive (7 at first sight, 0 fixed)', async () => {
    // Written blind as the held-out check of the forty-ninth batch's rules. First sight: session 33's code and after the forty-eighth batch's rules alike [211, 180, 192,
    // 185] (0.853 / 0.964); after the forty-ninth's rules the same (one false positive they added, a post standing
    // where a party label's name would be, seen while measuring and fixed by a general rule). Fixed in session 34 by
    // general rules (session34-logs.spec.ts): [211, 204, 206, 206] (0.967 / 1.000).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-50.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 211);
    assert.ok(overall.found >= 202, `found ${overall.found} / 211`);
    assert.ok(overall.masked - overall.correct <= 1, `false positives ${overall.masked - overall.correct}`);
  });
});
