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
    // A lone family name is left alone; before a post it is a person (総務部長 is not: 総務 is no 人名).
    assert.deepEqual(tagger('高橋の件と田中部長'), [{ start: 5, end: 7 }]);
    assert.deepEqual(tagger('総務部長と情報政策課長に確認'), []);
    assert.deepEqual(tagger('NMZ-PC-01234 で 0x80070005 が出る'), []);
  });

  it('finds names across a space, comma or tab, in lists, before 宛 and です, and on writer lines', () => {
    const names = (text: string) => tagger(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(names('差出人: 近藤 拓也 (kondo-t@example.lg.jp)'), ['近藤 拓也']);
    assert.deepEqual(names('1024,田中,太郎,タナカ,タロウ'), ['田中,太郎']);
    assert.deepEqual(names('届出人 長男 平野 誠司'), ['平野 誠司']);
    assert.deepEqual(names('世帯主 加藤 浩二\n長男 加藤 蓮'), ['加藤 浩二', '加藤 蓮']);
    assert.deepEqual(names('山田、佐藤、鈴木の3名に権限を'), ['山田', '佐藤', '鈴木']);
    assert.deepEqual(names('請求書は菊地宛で。お疲れさまです、原田です。'), ['菊地', '原田']);
    assert.deepEqual(names('担当：井上'), ['井上']);
    assert.deepEqual(names('代理人：山﨑 久美子（母）'), ['山﨑 久美子']);
    // Places stay places without a given name after them; a space alone does not make a name.
    assert.deepEqual(names('平野 駅の近くの出張所、松本 市役所、加藤 課の共有フォルダ'), []);
  });

  it('masks full names without an honorific when plugged into the masker', () => {
    const masker = createPiiMasker({ nameTagger: tagger });
    assert.equal(masker.mask('山田太郎のPCが壊れた').text, '［氏名］のPCが壊れた');
    assert.equal(createPiiMasker({ nameTagger: tagger, types: ['phone'] }).mask('山田太郎').text, '山田太郎');
  });
});
