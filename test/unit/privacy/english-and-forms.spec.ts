import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 12's rules after the seventh blind batch: English text, form examples, OCR spacing, near labels. */
describe('privacy: English text, form examples, spaced-out text', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks names introduced, addressed, signed or labelled in English, and display names before an address', () => {
    assert.equal(mask('Hello, my name is Nguyen Thi Lan. I moved'), 'Hello, my name is ［氏名］. I moved');
    assert.equal(mask('Dear Ms. Reyes,\nThank you'), 'Dear Ms. ［氏名］,\nThank you');
    assert.equal(mask('Thank you very much. – Bishnu Prasad Adhikari'), 'Thank you very much. – ［氏名］');
    assert.equal(
      mask('Applicant: SUZUKI Mai / Passport No.: TR8820145'),
      'Applicant: ［氏名］ / Passport No.: ［旅券番号］',
    );
    assert.equal(mask('From: Tran Thi Mai <tran.mai88@example.com>'), 'From: ［氏名］ <［メールアドレス］>');
    // A group's or a service's display name is no person, and a shared mailbox is no one's address.
    assert.equal(
      mask('To: Multicultural Support Desk <tabunka@example.lg.jp>'),
      'To: Multicultural Support Desk <［メールアドレス］>',
    );
    assert.equal(
      mask('To: 子育て支援課 共有 <kosodate@example.lg.jp>'),
      'To: 子育て支援課 共有 <kosodate@example.lg.jp>',
    );
    // A single capitalised word after "I am" is no name.
    assert.equal(mask('I am Japanese and I live here.'), 'I am Japanese and I live here.');
  });

  it('masks Japanese addresses in Latin letters and English dates of birth', () => {
    assert.equal(mask('sent to 5-3-12 Minami-cho, Kawaguchi-shi, Saitama. If'), 'sent to ［住所］. If');
    assert.equal(
      mask('〒062-0932 Sapporo-shi Toyohira-ku Hiragishi 2-jo 7-chome 3-18 — please'),
      '［郵便番号］ ［住所］ — please',
    );
    assert.equal(mask('DOB: 14 MAR 1995 / Nationality: JPN'), 'DOB: ［生年月日］ / Nationality: JPN');
  });

  it('leaves a form’s filled-in example alone', () => {
    const example = '【記入例】\n氏名：山田 太郎（ヤマダ タロウ）\n生年月日：昭和60年1月1日';
    assert.equal(mask(example), example);
    assert.equal(
      mask('氏名欄：（例）鈴木 一郎　生年月日欄：（例）平成2年4月1日。'),
      '氏名欄：（例）鈴木 一郎　生年月日欄：（例）平成2年4月1日。',
    );
    // The word 記入例 in a sentence starts no example, nor does （例）のように.
    assert.equal(
      mask('記入例を見ても分からないので山田さんに聞きました'),
      '記入例を見ても分からないので［氏名］さんに聞きました',
    );
    assert.equal(
      mask('（例）のように入力したら田中さんのデータが消えた'),
      '（例）のように入力したら［氏名］さんのデータが消えた',
    );
    assert.equal(mask('氏名：山田太郎（記入例）'), '氏名：山田太郎（記入例）');
    assert.equal(mask('田中さんの申請書（記入例）を見て'), '［氏名］さんの申請書（記入例）を見て');
    // Outside the example, the same form's real values are masked.
    assert.equal(
      mask('【記入例】\n氏名：山田 太郎\n\n氏名：佐藤 花子'),
      '【記入例】\n氏名：山田 太郎\n\n氏名：［氏名］',
    );
  });

  it('reads text spaced out letter by letter as its words', () => {
    assert.equal(
      mask('氏\u3000名\u3000\u3000福 田\u3000\u3000 千 尋\n生年月日\u3000平成 3 年 8 月 2 6 日'),
      '氏\u3000名\u3000\u3000［氏名］\n生年月日\u3000［生年月日］',
    );
  });

  it('keeps keyword-bound numbers to their item: a phone or a year after an insurance number is not one', () => {
    assert.equal(
      mask('被保険者番号 31004882、氏名 原田 ハル、生年月日 昭和14年2月3日。'),
      '被保険者番号 ［保険者番号］、氏名 ［氏名］、生年月日 ［生年月日］。',
    );
    assert.equal(
      mask('被保険者番号10337418 再発行は来週 折り返し09031187725 夕方'),
      '被保険者番号［保険者番号］ 再発行は来週 折り返し［電話番号］ 夕方',
    );
    // Another number's label outweighs a マイナンバー said nearby.
    assert.equal(
      mask('これってマイナンバー？ 注文番号 547280385280 って'),
      'これってマイナンバー？ 注文番号 547280385280 って',
    );
  });

  it('masks names in lists after a name, and a company’s name is no person', () => {
    assert.equal(mask('宛先：岡山 直樹; 福島 さやか; 谷口 健'), '宛先：［氏名］; ［氏名］; ［氏名］');
    assert.equal(
      mask('世帯員：SANTOS Carlos Eduardo（世帯主）、SANTOS Juliana（妻）'),
      '世帯員：［氏名］（世帯主）、［氏名］（妻）',
    );
    assert.equal(mask('NTT東日本さん1名'), 'NTT東日本さん1名');
  });
});
