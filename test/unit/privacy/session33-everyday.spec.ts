import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 33's general rules (the forty-fifth blind batch's classes), each with cases written for this spec.
describe('privacy: everyday help-desk text of session 33', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('voice input: labels in hiragana, numbers read digit by digit, years said in kana', () => {
    it('masks a My Number read one digit a word after こじんばんごう', () => {
      assert.equal(
        mask('（音声入力）こじんばんごうは よん ご ろく ぜろ いち に なな なな はち きゅう さん いち です'),
        '（音声入力）こじんばんごうは ［マイナンバー］ です',
      );
    });
    it('masks an account number after こうざばんごう and the holder after めいぎ', () => {
      assert.equal(
        mask('（音声入力）こうざばんごうは いち きゅう ぜろ ぜろ さん ろく なな です めいぎは たなべ ゆきこ です'),
        '（音声入力）こうざばんごうは ［口座番号］ です めいぎは ［氏名］ です',
      );
    });
    it('reads a western year said in kana as a birth date', () => {
      assert.equal(
        mask('（音声入力）ちちの せいねんがっぴは せんきゅうひゃくよんじゅうにねん さんがつ はつか です'),
        '（音声入力）ちちの せいねんがっぴは ［生年月日］ です',
      );
      assert.equal(
        mask('せいねんがっぴは にせんじゅうねん ろくがつ みっか です'),
        'せいねんがっぴは ［生年月日］ です',
      );
    });
    it('leaves one-digit words alone (に, さん) where no four of them follow one another', () => {
      assert.equal(
        mask('（音声入力）しゅうりに に さん にち かかります'),
        '（音声入力）しゅうりに に さん にち かかります',
      );
    });
    it('masks a dictated address whose lot is said after a pause (さんの じゅうご)', () => {
      assert.equal(
        mask('（音声入力）じゅうしょは ひばりし みどりだい よんちょうめ にの じゅうはち です'),
        '（音声入力）じゅうしょは ［住所］ です',
      );
    });
  });

  describe('labels in other forms and languages', () => {
    it('masks a pension number after 年金の番号, not a dummy of zeros', () => {
      assert.equal(mask('年金の番号 5120-339184 を入力'), '年金の番号 ［基礎年金番号］ を入力');
      assert.equal(mask('年金の番号は 0000-000000 のダミーです'), '年金の番号は 0000-000000 のダミーです');
    });
    it('masks an insurance number after Insurance card No.', () => {
      assert.equal(
        mask('Insurance card No. 31207745, please check'),
        'Insurance card No. ［保険者番号］, please check',
      );
    });
    it('masks a resident code after its half-width katakana label', () => {
      assert.equal(mask('ｼﾞｭｳﾐﾝﾋｮｳｺｰﾄﾞ 12345678901 ｦ ｶｸﾆﾝ'), 'ｼﾞｭｳﾐﾝﾋｮｳｺｰﾄﾞ ［住民票コード］ ｦ ｶｸﾆﾝ');
    });
    it('masks a birth date told in Vietnamese (sinh ngày) and a postal code after Mã bưu điện', () => {
      assert.equal(mask('Tôi sinh ngày 03/11/1991 ở Huế.'), 'Tôi sinh ngày ［生年月日］ ở Huế.');
      assert.equal(mask('Mã bưu điện: 000-1234, cảm ơn'), 'Mã bưu điện: ［郵便番号］, cảm ơn');
    });
    it('masks a name after Nome completo:', () => {
      assert.equal(mask('Nome completo: Beatriz Lima Rocha. Obrigada'), 'Nome completo: ［氏名］. Obrigada');
    });
    it('masks Chinese names after 我的名字是 and both people of 我是…的丈夫…', () => {
      assert.equal(mask('你好，我的名字是王建国，请问'), '你好，我的名字是［氏名］，请问');
      assert.equal(mask('我是刘芳的丈夫赵磊。'), '我是［氏名］的丈夫［氏名］。');
    });
    it('masks a Korean name after 이름은 with its copula, and a date before 생', () => {
      assert.equal(
        mask('아들 이름은 박지훈이고 2019년 3월 2일생이에요'),
        '아들 이름은 ［氏名］이고 ［生年月日］생이에요',
      );
    });
    it('masks a Hangul name set apart before です in Japanese', () => {
      assert.equal(mask('2階の 서연 です。よろしく'), '2階の ［氏名］ です。よろしく');
    });
  });

  describe('names by the sentence around them', () => {
    it('masks a hiragana name set apart before 様, not the manner (この様な)', () => {
      assert.equal(mask('来庁者 たかつき様より電話'), '来庁者 ［氏名］様より電話');
      assert.equal(mask('どの様な手続きですか'), 'どの様な手続きですか');
    });
    it('masks a lower-case Latin name after my name is, up to the sentence’s next word', () => {
      assert.equal(
        mask('hello, my name is sofia martins and i cannot print'),
        'hello, my name is ［氏名］ and i cannot print',
      );
      assert.equal(mask('i am sorry for the trouble'), 'i am sorry for the trouble');
    });
    it('masks a word quoted after name is, not a placeholder', () => {
      assert.equal(
        mask("caller said the name is 'haruka', no family name"),
        "caller said the name is '［氏名］', no family name",
      );
      assert.equal(mask("the name is 'test' in the sample"), "the name is 'test' in the sample");
    });
    it('masks a common given name closing an English message', () => {
      assert.equal(mask('The printer is jammed again. Thanks. Emma'), 'The printer is jammed again. Thanks. ［氏名］');
    });
    it('masks a Latin name cut by a line break after Name:, whole', () => {
      assert.equal(mask('Name: Lucia\nGomez Perez\nPlease fix'), 'Name: ［氏名］\nPlease fix');
    });
    it('masks a hiragana family name signing the message after a question', () => {
      assert.equal(
        mask('ログインできません。どうしたらいいですか？　たなか'),
        'ログインできません。どうしたらいいですか？　［氏名］',
      );
    });
    it('masks a family name written in katakana after a role and の', () => {
      assert.equal(mask('ネットワーク担当のキムラに確認します'), 'ネットワーク担当の［氏名］に確認します');
    });
    it('masks a family name closing the message after the writer’s relation', () => {
      assert.equal(mask('娘の学校の件で相談です。父 中島'), '娘の学校の件で相談です。父 ［氏名］');
    });
    it('masks a Latin family name after a Japanese post in a list, not letters inside a word', () => {
      assert.equal(mask('出席：主査 Nguyen、主事 佐藤'), '出席：主査 ［氏名］、主事 ［氏名］');
      assert.equal(mask('cn=TAKASE Mai, ou=soumu'), 'cn=［氏名］, ou=soumu');
    });
    it('masks a one-kanji family name of the counter’s staff and someone going with the writer', () => {
      assert.equal(mask('窓口の森から聞きました'), '窓口の［氏名］から聞きました');
      assert.equal(mask('窓口の東に移動しました'), '窓口の東に移動しました');
      assert.equal(mask('午後、長野と二人で伺います'), '午後、［氏名］と二人で伺います');
    });
    it('masks a name on the line under 世帯主', () => {
      assert.equal(mask('世帯主\n青木 康介\n続柄 本人'), '世帯主\n［氏名］\n続柄 本人');
    });
    it('masks the one-kanji name of a household member listed after the relation', () => {
      assert.equal(
        mask('転入届：世帯主 木村 健、妻 美咲、長女 凛。'),
        '転入届：世帯主 ［氏名］、妻 ［氏名］、長女 ［氏名］。',
      );
    });
  });

  describe('rows and columns', () => {
    it('masks the name, passport number and birth date of a header-less row holding all three', () => {
      assert.equal(
        mask('PHAM VAN DUC | C7712345 | 1999-12-01\n(名簿の一部です)'),
        '［氏名］ | ［旅券番号］ | ［生年月日］\n(名簿の一部です)',
      );
    });
    it('masks the numbers of a first column a space-separated header names', () => {
      assert.equal(
        mask('被保険者番号 氏名\n0012345678 山本 一郎\n0012345686 山本 花'),
        '被保険者番号 氏名\n［保険者番号］ ［氏名］\n［保険者番号］ ［氏名］',
      );
    });
  });

  describe('not personal data', () => {
    it('leaves a number in a phone’s shape that its label names as a procedure’s number', () => {
      assert.equal(mask('受付番号は 080-2024-1130 です'), '受付番号は 080-2024-1130 です');
      assert.equal(mask('申請番号：03-1234-5678'), '申請番号：03-1234-5678');
    });
  });
});
