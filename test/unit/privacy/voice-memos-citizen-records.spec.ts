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

  it('reads numbers, dates and addresses dictated by voice input as they would be typed', () => {
    assert.equal(mask('電話番号 は 0 3 の 3 2 1 0 の 4 4 5 6 です'), '電話番号 は ［電話番号］ です');
    assert.equal(mask('折り返しは 090 ハイフン 3344 ハイフン 5566 です'), '折り返しは ［電話番号］ です');
    assert.equal(mask('お電話番号 ぜろよんごーろく よんなな ろくろくぜろいち です'), 'お電話番号 ［電話番号］ です');
    assert.equal(mask('生年月日 1985 年 12 月 3 日 です'), '生年月日 ［生年月日］ です');
    assert.equal(mask('パスポート番号は エム ゼット 4 0 7 7 1 2 8 です'), 'パスポート番号は ［旅券番号］ です');
    assert.equal(mask('住所が 神奈川県 相模原市 中央区 淵野辺 4 丁目 17 番 9 号 です'), '住所が ［住所］ です');
    // Kana that only sound like digits, and numbers typed as such, stay as they are.
    assert.equal(mask('午後 に いち ど ご 連絡'), '午後 に いち ど ご 連絡');
    assert.equal(mask('会議は 2024 年 4 月 1 日 です'), '会議は 2024 年 4 月 1 日 です');
    assert.equal(mask('手順 1 2 3 の 順で'), '手順 1 2 3 の 順で');
  });
});
