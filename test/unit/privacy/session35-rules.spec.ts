import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 35's general rules for the fifty-first blind batch's classes (small towns, elections, school enrolment,
// shelters, vendors on site, quoted CSV, PDF text), each with cases written for this spec, not taken from the batch.
describe('privacy: signatures, residents’ languages, aliases and tables (session 35, fifty-first blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('who signs where a message or a reply ends', () => {
    it('masks the family name closing a reply above a quoted original', () => {
      assert.equal(
        mask(
          '承知しました。午後に伺います。\n藤田\n\n-----Original Message-----\nFrom: 情報政策課\n複合機が動きません。',
        ),
        '承知しました。午後に伺います。\n［氏名］\n\n-----Original Message-----\nFrom: 情報政策課\n複合機が動きません。',
      );
    });
    it('masks a katakana family name after a dash closing the last sentence', () => {
      assert.equal(mask('プリンタの件、直りました。—サイトウ'), 'プリンタの件、直りました。—［氏名］');
    });
    it('masks the family name after the office’s short word on the last line, not a place after a destination', () => {
      assert.equal(
        mask('明日の会議室、変更になりました。\n会計 岩井'),
        '明日の会議室、変更になりました。\n会計 ［氏名］',
      );
      assert.equal(mask('ご確認ください。\n\n赴任先 福岡'), 'ご確認ください。\n\n赴任先 福岡');
    });
    it('masks a lower-case full name closing an English message', () => {
      assert.equal(mask('thanks for fixing the printer. emma wilson'), 'thanks for fixing the printer. ［氏名］');
    });
    it('masks a katakana given name after a post and の', () => {
      assert.equal(mask('書記のショウタが来ます'), '書記の［氏名］が来ます');
    });
  });

  describe('residents’ languages and identity documents', () => {
    it('masks the names after Tagalog’s personal article si', () => {
      assert.equal(
        mask('Salamat po. Kasama ko po si Joy at si Carlo sa center.'),
        'Salamat po. Kasama ko po si ［氏名］ at si ［氏名］ sa center.',
      );
    });
    it('masks a relative introduced in Vietnamese', () => {
      assert.equal(
        mask('Chào anh, vợ tôi tên là Hoa, đang ở trung tâm.'),
        'Chào anh, vợ tôi tên là ［氏名］, đang ở trung tâm.',
      );
    });
    it('masks FAMILY, GIVEN in capitals, not two acronyms', () => {
      assert.equal(mask('Visa copy: NGUYEN, THI MAI — please register.'), 'Visa copy: ［氏名］ — please register.');
      assert.equal(mask('USB, HDMI and LAN ports are broken.'), 'USB, HDMI and LAN ports are broken.');
    });
  });

  describe('the same person by another name beside brackets', () => {
    it('masks the kana name before brackets holding the full name found', () => {
      assert.equal(mask('ユウタ（会計の吉岡悠太）からの依頼で対応'), '［氏名］（会計の［氏名］）からの依頼で対応');
    });
    it('masks a full name with a hiragana given name in brackets after its romaji', () => {
      assert.equal(mask('Kenji Ota（太田 けんじ）の分'), '［氏名］（［氏名］）の分');
    });
  });

  describe('tables and forms', () => {
    it('masks the whole Latin name of a CSV cell, even with a given name that is an English word', () => {
      assert.equal(
        mask('No,Name,Class\n1,Ito Frank,2A\n2,Hana Suzuki,2B'),
        'No,Name,Class\n1,［氏名］,2A\n2,［氏名］,2B',
      );
    });
    it('keeps a tally row’s label under a column of names', () => {
      assert.equal(mask('担当\t件数\n山下 正\t12\n合計\t12'), '担当\t件数\n［氏名］\t12\n合計\t12');
    });
    it('masks a one-kanji given name set apart before です', () => {
      assert.equal(mask('届出人：岡本 実 です。'), '届出人：［氏名］ です。');
    });
  });

  describe('not personal data', () => {
    it('keeps a relation called さん with お', () => {
      assert.equal(mask('お婿さんの名前で登録してあります'), 'お婿さんの名前で登録してあります');
    });
    it('keeps an office after a party label when the word is longer than a name', () => {
      assert.equal(mask('監査報告者：代表監査委員会 事務局'), '監査報告者：代表監査委員会 事務局');
    });
    it('keeps the values in brackets after a form’s example being changed', () => {
      assert.equal(
        mask('申請書の記入例を修正（氏名：川村 花子、電話：000-0000-0000）'),
        '申請書の記入例を修正（氏名：川村 花子、電話：000-0000-0000）',
      );
    });
  });
});
