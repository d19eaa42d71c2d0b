import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 29's rules found by the twenty-ninth and thirtieth blind batches (test/fixtures/pii/blind-29…30.jsonl). */
describe('privacy: the desk’s own notes, chat messages typed in pieces', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a family name after a section or the help desk before a table’s next cell, a phone word or the end', () => {
    assert.equal(
      mask('| 5/7 9:03 | 市民課 岡田 | 証明書発行機停止 | 山下 |'),
      '| 5/7 9:03 | 市民課 ［氏名］ | 証明書発行機停止 | 山下 |',
    );
    assert.equal(mask('一次：情報政策課 高木 携帯 080-2267-0915'), '一次：情報政策課 ［氏名］ 携帯 ［電話番号］');
    assert.equal(mask('回答がありました。\nHD 村田'), '回答がありました。\nHD ［氏名］');
    assert.equal(mask('2024/07/01 09:02,u20210087,上長確認,HD-辻'), '2024/07/01 09:02,u20210087,上長確認,HD-［氏名］');
    assert.equal(mask('13:00 ミナトシステムズ 大野氏来庁'), '13:00 ミナトシステムズ ［氏名］氏来庁');
    // A section alone or a word that is no name stays.
    assert.equal(mask('| 市民課 窓口 | 停止 |'), '| 市民課 窓口 | 停止 |');
    assert.equal(mask('氏名欄と大野氏名簿'), '氏名欄と大野氏名簿');
  });
});
