import assert from 'node:assert/strict';
import { createPersonNameTagger, type NameSpans } from '../../../knowledge';
import { createPiiMasker } from '../../../privacy';

describe('kuromoji person-name tagger for the masker', () => {
  let tagger: NameSpans;
  before(async () => {
    tagger = await createPersonNameTagger();
  });

  it('finds a family name followed by a given name, and nothing in IT text', () => {
    assert.deepEqual(tagger('昨日佐藤花子が来た'), [{ start: 2, end: 6 }]);
    assert.deepEqual(tagger('高橋の件と田中部長'), []);
    assert.deepEqual(tagger('NMZ-PC-01234 で 0x80070005 が出る'), []);
  });

  it('masks full names without an honorific when plugged into the masker', () => {
    const masker = createPiiMasker({ nameTagger: tagger });
    assert.equal(masker.mask('山田太郎のPCが壊れた').text, '［氏名］のPCが壊れた');
    assert.equal(createPiiMasker({ nameTagger: tagger, types: ['phone'] }).mask('山田太郎').text, '山田太郎');
  });
});
