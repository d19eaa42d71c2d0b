import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 37's general rules for the fifty-fifth blind batch's classes (tax collection, a health insurance counter,
// bookings, garbage complaints, a council member's office, chat exports, log lines, handwriting OCR), each with cases
// written for this spec, not taken from the batch.
describe('privacy: OCR marks, areas, businesses, number keys, branch codes, titles, signatures (session 37)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('handwriting OCR', () => {
    it('reads letters O and circles ○ for zeros in a number', () => {
      assert.equal(mask('電話　O8O-OOOO-3391'), '電話　［電話番号］');
      assert.equal(mask('住所　ひばり野市中町3丁目1O番2号'), '住所　［住所］');
      assert.equal(mask('TEL ○三ー○○○○ー五五一八'), 'TEL ［電話番号］');
    });
    it('leaves a lone O before digits, a word and a blank of circles', () => {
      assert.equal(mask('O157 と IO-DATA'), 'O157 と IO-DATA');
      assert.equal(mask('○○-○○○○'), '○○-○○○○');
    });
    it('reads a box inside a kanji name as a letter of the name, not a bullet', () => {
      assert.equal(mask('氏名　森□ 正人'), '氏名　［氏名］');
      assert.equal(mask('■子育て支援のお知らせ'), '■子育て支援のお知らせ');
    });
  });

  describe('addresses', () => {
    it('leaves a town and its 丁目 alone as an area, not after an address label', () => {
      assert.equal(mask('集積所（南町2丁目 公民館横）に'), '集積所（南町2丁目 公民館横）に');
      assert.equal(mask('住所：南町2丁目'), '住所：［住所］');
    });
    it('does not read a name and its honorific as a village', () => {
      assert.equal(mask('中村さんは東村4丁目に'), '［氏名］さんは東村4丁目に');
    });
  });

  describe('businesses and groups', () => {
    it('keeps a name after a legal form or before a trade in katakana', () => {
      assert.equal(mask('(株)佐藤電機 様'), '(株)佐藤電機 様');
      assert.equal(mask('㈲田中運輸さん'), '㈲田中運輸さん');
      assert.equal(mask('田中ベーカリー様'), '田中ベーカリー様');
      assert.equal(mask('山本ケンタ様'), '［氏名］様');
    });
    it('cuts a club off a person in a cell and keeps a club alone', () => {
      assert.equal(
        mask('日付,団体,利用者\n5/1,ひまわり子ども会 中島 直樹\n5/2,ひまわり子ども会 中島 直樹\n5/3,市民テニスクラブ'),
        '日付,団体,利用者\n5/1,ひまわり子ども会 ［氏名］\n5/2,ひまわり子ども会 ［氏名］\n5/3,市民テニスクラブ',
      );
    });
    it('reads katakana with a long vowel in brackets after a kanji name as a role, not a reading', () => {
      assert.equal(mask('担当 大島（サポーター）'), '担当 ［氏名］（サポーター）');
    });
  });

  describe('keys of numbers and branch codes', () => {
    it('takes a number key’s value only when it is a number, up to the words after it', () => {
      assert.equal(mask('zip: 郵便番号マスタを更新、000-0000 を除外'), 'zip: 郵便番号マスタを更新、000-0000 を除外');
      assert.equal(
        mask('ログ my_number=123456789018 がログに残っています'),
        'ログ my_number=［マイナンバー］ がログに残っています',
      );
    });
    it('masks a branch code only beside an account number', () => {
      assert.equal(mask('営業部（店番 210）に移行'), '営業部（店番 210）に移行');
      assert.equal(mask('支店番号 210 普通 7654321'), '支店番号 ［口座番号］ 普通 ［口座番号］');
    });
  });

  describe('insurance numbers', () => {
    it('reads the insurance labels of residents’ languages', () => {
      assert.equal(mask('保險證號碼 12345678'), '保險證號碼 ［保険者番号］');
      assert.equal(mask('Nomor asuransi: 10293847'), 'Nomor asuransi: ［保険者番号］');
      assert.equal(mask('o número do segurado 55120034 mudou'), 'o número do segurado ［保険者番号］ mudou');
    });
    it('reads a kana symbol with its digits, and stops at a dictated name label', () => {
      assert.equal(mask('資格確認書 記号 あお21 番号 0031247'), '資格確認書 記号 ［保険者番号］ 番号 ［保険者番号］');
      assert.equal(
        mask('ほけんしょうを なくしました なまえは すずき はなこ です'),
        'ほけんしょうを なくしました なまえは ［氏名］ です',
      );
    });
  });

  describe('people', () => {
    it('reads a Latin speaker after a bracketed time and courtesy titles of Thai and Indonesian', () => {
      assert.equal(
        mask('[09:12] Maria Santos (interpreter): 到着しました'),
        '[09:12] ［氏名］ (interpreter): 到着しました',
      );
      assert.equal(mask('Khun Malee will come. Ibu Sari too.'), 'Khun ［氏名］ will come. Ibu ［氏名］ too.');
    });
    it('reads the labels 名字 and 誓約者, and a label set apart from a hiragana name', () => {
      assert.equal(mask('名字：张伟'), '名字：［氏名］');
      assert.equal(mask('誓約者 田中 一郎'), '誓約者 ［氏名］');
      assert.equal(mask('なまえ はしもと です'), 'なまえ ［氏名］ です');
    });
    it('reads a hiragana name after a name label before a note, not a filler', () => {
      assert.equal(mask('お名前：よしむら（ひらがなのみ）\n用件：'), 'お名前：［氏名］（ひらがなのみ）\n用件：');
      assert.equal(mask('名前：ありません'), '名前：ありません');
    });
    it('reads a family name set apart before an assembly member’s post and after a secretary', () => {
      assert.equal(mask('。大野 議員から依頼'), '。［氏名］ 議員から依頼');
      assert.equal(mask('秘書の坂口が来ます'), '秘書の［氏名］が来ます');
    });
    it('reads a kana given name closing the text after by or a section', () => {
      assert.equal(mask('ありがとうございました　by ゆうこ'), 'ありがとうございました　by ［氏名］');
      assert.equal(mask('プリンタ止まりました　市民課 まさし'), 'プリンタ止まりました　市民課 ［氏名］');
      assert.equal(mask('資料は総務課 まで'), '資料は総務課 まで');
    });
  });
});
