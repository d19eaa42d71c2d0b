import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 37's general rules for the fifty-sixth blind batch's classes (refunds, childcare, a cemetery, a community bus,
// volunteers, foreign residents, HR exports, visiting nurses, meeting transcripts, OCR), each with cases written for
// this spec, not taken from the batch.
describe('privacy: OCR letters, role signatures, speakers, display names, residents’ labels, ranges (session 37 b)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('OCR letters', () => {
    it('reads a letter l for a one in a number and a date', () => {
      assert.equal(mask('口座番号：20l5533'), '口座番号：［口座番号］');
      assert.equal(mask('生年月日 l979年l1月3日'), '生年月日 ［生年月日］');
    });
    it('leaves words with l and digits', () => {
      assert.equal(mask('l10n の設定と vol1 の資料'), 'l10n の設定と vol1 の資料');
    });
    it('reads a katakana ロ beside a kanji as 口', () => {
      assert.equal(mask('氏名 川ロ 智美'), '氏名 ［氏名］');
      assert.equal(mask('ロボット掃除機のロゴ'), 'ロボット掃除機のロゴ');
    });
    it('reads ・ between kanji numerals as a dash', () => {
      assert.equal(mask('連絡先 〇九〇・〇〇七七・三二一四'), '連絡先 ［電話番号］');
    });
  });

  describe('a role signing the text', () => {
    it('takes the family name after a role closing the text', () => {
      assert.equal(mask('給食の発注が止まっています。調理員 古閑'), '給食の発注が止まっています。調理員 ［氏名］');
      assert.equal(mask('鍵を返却しました\n施設管理課 管理係 鬼頭'), '鍵を返却しました\n施設管理課 管理係 ［氏名］');
      assert.equal(mask('確認お願いします（インターン 佐藤）'), '確認お願いします（インターン ［氏名］）');
      assert.equal(mask('よろしくお願いします\n通訳員 グルン'), 'よろしくお願いします\n通訳員 ［氏名］');
    });
    it('leaves a state after a role and an unlisted word after a plain katakana word', () => {
      assert.equal(mask('決裁は済んでいます。係長 承認'), '決裁は済んでいます。係長 承認');
      assert.equal(mask('再起動してください。サーバー 更新'), '再起動してください。サーバー 更新');
    });
  });

  describe('speakers of minutes', () => {
    it('takes the other speakers where one was found', () => {
      assert.equal(
        mask('田中：予算の件を確認します。\n五百旗頭：来週までに出します。\n日時：6/3'),
        '［氏名］：予算の件を確認します。\n［氏名］：来週までに出します。\n日時：6/3',
      );
      assert.equal(
        mask('[A] Yamamoto: we will need new cables for the hall\n[B] 佐藤: 承知しました。'),
        '[A] ［氏名］: we will need new cables for the hall\n[B] ［氏名］: 承知しました。',
      );
    });
    it('leaves the heads that name a line and the speakers of minutes with no name found', () => {
      assert.equal(
        mask('田中：確認します。\n議題：予算について話す'),
        '［氏名］：確認します。\n議題：予算について話す',
      );
      assert.equal(mask('司会：はじめます。\n回答：あとで送ります。'), '司会：はじめます。\n回答：あとで送ります。');
    });
  });

  describe('display names', () => {
    it('takes the name opening a display name before its note', () => {
      assert.equal(mask('表示名「ハシモト ユウキ（委託）」で参加'), '表示名「［氏名］（委託）」で参加');
      assert.equal(mask('表示名「kenta📱総務」から'), '表示名「［氏名］📱総務」から');
      assert.equal(mask("표시 이름 '박서준(번역)' 입니다"), "표시 이름 '［氏名］(번역)' 입니다");
    });
    it('leaves a format made of the name’s parts', () => {
      assert.equal(mask('表示名は「姓 名（課名）」にしてください'), '表示名は「姓 名（課名）」にしてください');
    });
  });

  describe('residents’ labels', () => {
    it('reads Indonesian lahir and kode pos, a Nepali passport, a Thai insurance and a Chinese resident code label', () => {
      assert.equal(mask('Nama saya Dewi Sartika, lahir 9 Maret 1990.'), 'Nama saya ［氏名］, lahir ［生年月日］.');
      assert.equal(mask('kode pos 000-1234'), 'kode pos ［郵便番号］');
      assert.equal(mask('पासपोर्ट नम्बर 09912345'), 'पासपोर्ट नम्बर ［旅券番号］');
      assert.equal(mask('บัตรประกัน 12345678'), 'บัตรประกัน ［保険者番号］');
      assert.equal(mask('住民票编码 12345678901'), '住民票编码 ［住民票コード］');
    });
  });

  describe('not names, not postal codes', () => {
    it('ends no kana name before a small kana', () => {
      assert.equal(mask('相談者：にせんろっぴゃく円です'), '相談者：にせんろっぴゃく円です');
    });
    it('leaves the codes of a range of postal codes', () => {
      assert.equal(mask('〒000-0100〜000-0199 の地区'), '〒000-0100〜000-0199 の地区');
      assert.equal(mask('〒000-0100 ひばり市本町1-2-3'), '［郵便番号］ ［住所］');
    });
  });
});
