import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 34, second part (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the fiftieth (exported chat logs, OCR of paper forms, ward office / school board / water bureau / hospital notes, romaji-heavy messages, shuffled spreadsheet columns; not fixed): 150 cases — recall at least 178 / 211 (180 at first sight), at most 9 false positives (7 at first sight)', async () => {
    // Written blind as the held-out check of the forty-ninth batch's rules, and not fixed in session 34 (a later
    // batch to fix). First sight: session 33's code and after the forty-eighth batch's rules alike [211, 180, 192,
    // 185] (0.853 / 0.964); after the forty-ninth's rules the same (one false positive they added, a post standing
    // where a party label's name would be, seen while measuring and fixed by a general rule).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-50.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 211);
    assert.ok(overall.found >= 178, `found ${overall.found} / 211`);
    assert.ok(overall.masked - overall.correct <= 9, `false positives ${overall.masked - overall.correct}`);
  });
});
