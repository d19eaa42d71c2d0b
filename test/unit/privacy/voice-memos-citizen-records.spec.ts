import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 28's rules found by the twenty-fourth to twenty-sixth blind batches (test/fixtures/pii/blind-24…26.jsonl). */
describe('privacy: voice memos, phone lines, citizens’ records relayed by staff', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a full name whose family part kuromoji reads as a place and whose given part it cuts into single kanji', () => {
    assert.equal(mask('・服部 陽菜（はっとり ひな）　建設課'), '・［氏名］（［氏名］）　建設課');
    // The full name wins over the given name an honorific found alone.
    assert.equal(mask('服部 陽菜さん'), '［氏名］さん');
    // Two cells under a header stay two names; a town's name before a space stays a place.
    assert.equal(
      mask('番号,姓,名,生年月日\n1024,山口,真由美,1985-09-30'),
      '番号,姓,名,生年月日\n1024,［氏名］,［氏名］,［生年月日］',
    );
    assert.equal(mask('服部 北口 行き'), '服部 北口 行き');
  });

  it('masks the writer’s name after an office written with a space or after a greeting and 、', () => {
    assert.equal(
      mask('保険年金課 国民年金係の前川（まえかわ）です。'),
      '保険年金課 国民年金係の［氏名］（［氏名］）です。',
    );
    assert.equal(
      mask('お世話になってます、総務の菅野（かんの）です。'),
      'お世話になってます、総務の［氏名］（［氏名］）です。',
    );
    assert.equal(mask('お世話になっております、総務課です。'), 'お世話になっております、総務課です。');
  });
});
