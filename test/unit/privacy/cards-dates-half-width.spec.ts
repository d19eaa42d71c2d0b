import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 16's rules, found by the sixteenth blind batch (test/fixtures/pii/blind-16.jsonl). */
describe('privacy: named card numbers, birth dates beside a name, half-width names, names after a phone', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a number named as a card’s even when its check digit is wrong, and keeps other long numbers', () => {
    assert.equal(mask('カード番号 4532-7710-0412-9983 で決済'), 'カード番号 ［カード番号］ で決済');
    assert.equal(mask('クレカ 5210 3381 6620 1147 の件'), 'クレカ ［カード番号］ の件');
    // No card named: a wrong check digit is no card number (an order number, a slip number).
    assert.equal(mask('受付番号 4532-7710-0412-9983 で登録'), '受付番号 4532-7710-0412-9983 で登録');
  });

  it('reads a date beside a name as the birth date: file names, a space, one number; not a recent date', () => {
    assert.equal(mask('申請書_中村由美子_S580214.pdf'), '申請書_［氏名］_［生年月日］.pdf');
    assert.equal(mask('届出_中村由美子_19830214.pdf'), '届出_［氏名］_［生年月日］.pdf');
    assert.equal(mask('扶養：中村 由美子 H5.2.14 と記載'), '扶養：［氏名］ ［生年月日］ と記載');
    // A date of this decade beside a name is an event's (a transfer, a meeting), not a birth date.
    assert.equal(mask('扶養：中村 由美子 2024.4.1 から'), '扶養：［氏名］ 2024.4.1 から');
  });

  it('reads half-width katakana words without a long mark as a name, also straight after 名義 and in three parts', () => {
    assert.equal(mask('口座名義ﾀｶﾊｼ ﾏｺﾄ で登録'), '口座名義［氏名］ で登録');
    assert.equal(mask('\\\\fs01\\jumin\\ﾀｶﾊｼ ﾏｺﾄ_届.pdf'), '\\\\fs01\\jumin\\［氏名］_届.pdf');
    assert.equal(mask('申請者：ﾁｬﾝ ｳﾞｧﾝ ﾐﾝ 電話なし'), '申請者：［氏名］ 電話なし');
    // Half-width words of a system's message have long marks.
    assert.equal(mask('ｴﾗｰ ｺｰﾄﾞ 0x80070005'), 'ｴﾗｰ ｺｰﾄﾞ 0x80070005');
  });

  it('masks whose number it is after a phone without brackets, a household name before 様方, …っていいます', () => {
    assert.equal(mask('TEL0551234567ﾀｶﾊｼ 折返し'), 'TEL［電話番号］［氏名］ 折返し');
    assert.equal(mask('連絡先：090-2345-6789 渡辺\n至急'), '連絡先：［電話番号］ ［氏名］\n至急');
    assert.equal(mask('TEL0551234567ｼﾞﾀｸ'), 'TEL［電話番号］ｼﾞﾀｸ');
    assert.equal(
      mask('〒410-0801 沼津市大手町5丁目2-1 松本様方 原 直子 様'),
      '［郵便番号］ ［住所］ ［氏名］様方 ［氏名］様',
    );
    assert.equal(mask('『わたし、松本っていいます』'), '『わたし、［氏名］っていいます』');
    assert.equal(mask('当番：松本\n予約者：原田'), '当番：［氏名］\n予約者：［氏名］');
  });

  it('reads a common family name typed in hiragana before an honorific, not other hiragana words', () => {
    assert.equal(mask('たかはしさんのPCが起動しません'), '［氏名］さんのPCが起動しません');
    assert.equal(mask('担当のいのうえさんに確認'), '担当の［氏名］さんに確認');
    assert.equal(mask('みなさんとおばあさんとおにいさんへ'), 'みなさんとおばあさんとおにいさんへ');
  });

  it('reads a given name between a relation and an age as a name, not a kin word', () => {
    assert.equal(mask('長男 悠真（12歳）と長女 あかり（9歳）'), '長男 ［氏名］（12歳）と長女 ［氏名］（9歳）');
    assert.equal(mask('娘さん（20歳）と子ども（5歳）と息子（3歳）'), '娘さん（20歳）と子ども（5歳）と息子（3歳）');
  });
});
