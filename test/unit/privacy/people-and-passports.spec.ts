import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 13's rules, found by the eleventh blind batch (test/fixtures/pii/blind-11.jsonl). */
describe('privacy: lone family names, foreign passports, extensions, historical figures', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a lone family name after a relation, before a person’s verb, or on an attendance or memo line', () => {
    assert.equal(mask('来月から後任の西村に引き継ぎます。'), '来月から後任の［氏名］に引き継ぎます。');
    assert.equal(mask('先週 山崎 から連絡があった件です'), '先週 ［氏名］ から連絡があった件です');
    assert.equal(mask('出席：佐藤、鈴木\n欠席：松田'), '出席：［氏名］、［氏名］\n欠席：［氏名］');
    assert.equal(mask('用件：印刷できない\n対応：斉藤'), '用件：印刷できない\n対応：［氏名］');
    assert.equal(mask('係長の林にも確認済みです。'), '係長の［氏名］にも確認済みです。');
    // Places and nouns stay: a company (ローソン) before 返信, 森 inside a section name, 松田 with no person's context.
    assert.equal(mask('市内ローソンに返信用の封筒があります'), '市内ローソンに返信用の封筒があります');
    assert.equal(mask('（担当：公園計画・21世紀の森担当）'), '（担当：公園計画・21世紀の森担当）');
    assert.equal(mask('松田の工場が移転しました'), '松田の工場が移転しました');
  });

  it('masks a hiragana given name after a family name and a space, not a particle', () => {
    assert.equal(mask('飯田 まゆ（個人番号は別紙）'), '［氏名］（個人番号は別紙）');
    // から after the space is a particle: 佐藤 stands alone (a person's verb follows), no given name.
    assert.equal(mask('佐藤 から連絡'), '［氏名］ から連絡');
    // A given name kuromoji cuts into single kanji, and a post after a space.
    assert.equal(mask('子（中村 悠真、平成22年10月8日生）'), '子（［氏名］、［生年月日］生）');
    assert.equal(mask('・宮本 紗希 miyamoto.saki@example.jp'), '・［氏名］ ［メールアドレス］');
    assert.equal(mask('山田 課長に確認'), '［氏名］ 課長に確認');
    assert.equal(mask('田中 他3名'), '田中 他3名');
  });

  it('masks passports of foreign residents, and the extension dialled after a phone number', () => {
    assert.equal(
      mask('パスポート番号 E73920461、連絡先 080-6634-1908'),
      'パスポート番号 ［旅券番号］、連絡先 ［電話番号］',
    );
    assert.equal(mask('旅券番号 P2619045B と在留カード'), '旅券番号 ［旅券番号］ と在留カード');
    assert.equal(mask('passport 567812093 was rejected'), 'passport ［旅券番号］ was rejected');
    assert.equal(mask('0263-48-1192 内線3315 まで'), '［電話番号］ まで');
    assert.equal(mask('0276-55-3021 ext. 214'), '［電話番号］');
    // An extension alone is a desk's, not a person's.
    assert.equal(mask('内線 2210 へどうぞ'), '内線 2210 へどうぞ');
  });

  it('reads pipe tables without outer pipes, and 支店番号 columns', () => {
    assert.equal(
      mask('基礎年金番号 | 氏名 | 生年月日\n6620 431187 | 小林 健 | 平成12年1月8日'),
      '基礎年金番号 | 氏名 | 生年月日\n［基礎年金番号］ | ［氏名］ | ［生年月日］',
    );
    assert.equal(
      mask('金融機関コード,支店番号,口座番号\n0005,412,1234098'),
      '金融機関コード,支店番号,口座番号\n0005,［口座番号］,［口座番号］',
    );
  });

  it('masks names in English with lower-case roles, a comma, or -san; dates of birth written day first', () => {
    assert.equal(mask('(applicant: Olivia Chen)'), '(applicant: ［氏名］)');
    assert.equal(
      mask('DOB 12/03/1990 for applicant Maria Santos, passport P7730194A.'),
      'DOB ［生年月日］ for applicant ［氏名］, passport ［旅券番号］.',
    );
    assert.equal(mask('氏名は REYES, JUAN CARLOS です'), '氏名は ［氏名］ です');
    assert.equal(mask("Please unlock Yoshida-san's account."), "Please unlock ［氏名］-san's account.");
    assert.equal(
      mask('DOB: 1979.07.21 を July 21, 1979 の形式にしたい'),
      'DOB: ［生年月日］ を ［生年月日］ の形式にしたい',
    );
  });

  it('leaves historical figures and a portal’s name alone', () => {
    assert.equal(mask('徳川家康と織田信長の特別展のポスター'), '徳川家康と織田信長の特別展のポスター');
    assert.equal(mask('坂本龍馬の展示'), '坂本龍馬の展示');
    assert.equal(mask('差出人: 庁内ポータル（自動配信）'), '差出人: 庁内ポータル（自動配信）');
  });
});
