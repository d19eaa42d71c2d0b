import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 33's second set of general rules (the forty-sixth blind batch's classes: a busy week at the desk), each with
// cases written for this spec.
describe('privacy: a busy week at the desk (session 33, forty-sixth blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('an office’s published numbers in a pasted table', () => {
    it('leaves the cells of a column headed 代表 and the FAX column beside it', () => {
      assert.equal(
        mask('課 | 代表 | 内線\n保険年金課 | 0467-00-2000 | 3301\n福祉課 | 0467-00-2000 | 3402'),
        '課 | 代表 | 内線\n保険年金課 | 0467-00-2000 | 3301\n福祉課 | 0467-00-2000 | 3402',
      );
      assert.equal(
        mask('部署,代表電話,FAX\n環境課,0467-00-2000,0467-00-2091\n建築課,0467-00-2000,0467-00-2092'),
        '部署,代表電話,FAX\n環境課,0467-00-2000,0467-00-2091\n建築課,0467-00-2000,0467-00-2092',
      );
    });
    it('still masks a number in a table without a main-number column, and after another header', () => {
      assert.equal(mask('氏名,携帯\n森,090-0000-4512'), '氏名,携帯\n森,［電話番号］');
      assert.equal(
        mask('課,代表\n環境課,0467-00-2000\n連絡者,電話\n森,0467-00-7788'),
        '課,代表\n環境課,0467-00-2000\n連絡者,電話\n森,［電話番号］',
      );
    });
  });

  describe('not personal data', () => {
    it('leaves an example right after the shape it shows is described (…桁…。例：…)', () => {
      assert.equal(
        mask('番号欄は英字2桁と数字8桁と英字2桁の形にしてください。例：XY00112233ZW'),
        '番号欄は英字2桁と数字8桁と英字2桁の形にしてください。例：XY00112233ZW',
      );
    });
    it('still masks a case introduced by 例： without a shape described', () => {
      assert.equal(mask('うまく出ない例：大河内 真理子 さんの通知書'), 'うまく出ない例：［氏名］さんの通知書');
    });
    it('leaves a note on how someone works in brackets after a Latin name (（委託）, （応援）)', () => {
      assert.equal(mask('出席：林、Olivia Grant（応援）'), '出席：［氏名］、［氏名］（応援）');
    });
    it('leaves a verb after 名前は (名前は名乗らず)', () => {
      assert.equal(mask('男性から入電、名前は名乗らず。'), '男性から入電、名前は名乗らず。');
    });
    it('keeps a relation called さん out of the name after it (むすめさん　ゆみ さん)', () => {
      assert.equal(mask('むすめさん　ゆみ さんから電話'), 'むすめさん　［氏名］ さんから電話');
    });
    it('leaves the address of a city hall written in Latin letters after its name', () => {
      assert.equal(
        mask('Deliver to: Hibari City Hall, General Affairs, 2-1 Honcho, Hibari-shi.'),
        'Deliver to: Hibari City Hall, General Affairs, 2-1 Honcho, Hibari-shi.',
      );
      assert.equal(
        mask('I live near the City Hall. My address is 4-5-6 Honcho, Hibari-shi.'),
        'I live near the City Hall. My address is ［住所］.',
      );
    });
  });

  describe('Japanese names by the structure around them', () => {
    it('masks the name closing a report’s party line after the section', () => {
      assert.equal(mask('立会：財政課 仲宗根\n結果：正常'), '立会：財政課 ［氏名］\n結果：正常');
      assert.equal(mask('受：窓口 ふなこし'), '受：窓口 ［氏名］');
    });
    it('masks a full name after a label ending in 者', () => {
      assert.equal(mask('　通知すべき者：瀬底 和之（朝霧市）'), '　通知すべき者：［氏名］（朝霧市）');
    });
    it('masks a listed family name doing the desk’s work or away', () => {
      assert.equal(mask('きのうの件は中島が対応しました。'), 'きのうの件は［氏名］が対応しました。');
      assert.equal(mask('マツモトが本日お休みです'), '［氏名］が本日お休みです');
    });
    it('masks a name joined by と to a colleague named with a post', () => {
      assert.equal(
        mask('権限を 大嶺主任 と 金城 に付与してください。'),
        '権限を ［氏名］主任 と ［氏名］ に付与してください。',
      );
    });
    it('masks a listed family name in kana set apart closing the message', () => {
      assert.equal(mask('プリンタ動きません　いしだ'), 'プリンタ動きません　［氏名］');
      assert.equal(mask('メール届かない　マツダ です'), 'メール届かない　［氏名］ です');
    });
    it('masks a speaker whose role is joined by a hyphen in a chat head', () => {
      assert.equal(mask('[09:12] desk-仲里: 再起動をお願いします'), '[09:12] desk-［氏名］: 再起動をお願いします');
    });
    it('masks hiragana alone on its line before a line opening with さん', () => {
      assert.equal(mask('さっき\nよしずみ\nさんから\n電話'), 'さっき\n［氏名］\nさんから\n電話');
    });
    it('masks a katakana name on the line under an account holder’s label', () => {
      assert.equal(mask('口座名義（カナ）\nアラカキ ミホ'), '口座名義（カナ）\n［氏名］');
    });
    it('masks the names of two rows or more after a staff ID, not one row alone', () => {
      assert.equal(
        mask('・K24011 喜屋武 遥\n・K24012 ディアス・アナ（任期付）'),
        '・K24011 ［氏名］\n・K24012 ［氏名］（任期付）',
      );
      assert.equal(mask('・PC24011 本庁 2階'), '・PC24011 本庁 2階');
    });
    it('masks a Chinese name before 先生 / 女士 in Chinese text', () => {
      assert.equal(mask('咨询：刘思远先生说他的号码换了'), '咨询：［氏名］先生说他的号码换了');
    });
  });

  describe('names in Latin letters by a cue of the sentence', () => {
    it('masks a name after a resident’s honorific (Senhora, Kuya)', () => {
      assert.equal(mask('Senhora Ana Lucia Kato ligou hoje.'), 'Senhora ［氏名］ ligou hoje.');
      assert.equal(mask('Maraming salamat, Kuya Rommel!'), 'Maraming salamat, Kuya ［氏名］!');
    });
    it('masks a relative named after the relation', () => {
      assert.equal(mask("about his wife Emma's pension"), "about his wife ［氏名］'s pension");
    });
    it('masks a lower-case name before "here" after a greeting, and a given name after "im"', () => {
      assert.equal(mask('hello, sato haruka here from zeimu'), 'hello, ［氏名］ here from zeimu');
      assert.equal(mask('hi im Emily from the library'), 'hi im ［氏名］ from the library');
    });
    it('masks a lower-case attendee list with an initial', () => {
      assert.equal(mask('attendees: Okada, M. Ueda'), 'attendees: ［氏名］, ［氏名］');
    });
    it('masks a name broken across a line after Holder:', () => {
      assert.equal(mask('Holder: ADEYEMI\nTOLU\n(end)'), 'Holder: ［氏名］\n(end)');
    });
    it('masks a quoted display name said to be how someone is shown', () => {
      assert.equal(mask('「Hirose Nagi✨」と表示される人'), '「［氏名］✨」と表示される人');
    });
    it('masks a user profile folder named after its user, and the name after a title before a desk', () => {
      assert.equal(mask('D:\\Users\\nakamoto.k\\Documents'), 'D:\\Users\\［氏名］\\Documents');
      assert.equal(mask('(attn: Mr. Yonamine, Helpdesk)'), '(attn: Mr. ［氏名］, Helpdesk)');
    });
  });

  describe('numbers, dates and addresses', () => {
    it('masks an account number spaced digit by digit under its label, after Acct and after 보통', () => {
      assert.equal(mask('口座番号\n3 3 0 9 1 2 8'), '口座番号\n［口座番号］');
      assert.equal(mask('Savings, Acct 5520193'), 'Savings, Acct ［口座番号］');
      assert.equal(
        mask('환급 계좌: 신용금고 본점 보통 6610234 입니다'),
        '환급 계좌: 신용금고 본점 보통 ［口座番号］ 입니다',
      );
    });
    it('masks a phone said in kana groups with の run on, and a name said before さまです', () => {
      assert.equal(
        mask('でんわは　ぜろきゅうぜろの　ぜろぜろさんいちの　よんよんごろく　です'),
        'でんわは　［電話番号］　です',
      );
      assert.equal(mask('なまえは　ながみね　けいこ　さまです'), 'なまえは　［氏名］　さまです');
    });
    it('masks a resident code dictated after じゅうみんひょうこーど (さん before に and a digit is the digit three)', () => {
      assert.equal(
        mask('じゅうみんひょうこーどは ぜろ きゅう はち なな ろく ご よん さん に いち ぜろ です'),
        'じゅうみんひょうこーどは ［住民票コード］ です',
      );
    });
    it('masks an address said with its block as three numbers joined by の', () => {
      assert.equal(mask('ごじゅうしょは ひばりし ほんちょう さんのにのいち です'), 'ごじゅうしょは ［住所］ です');
    });
    it('masks an address in half-width katakana with its block', () => {
      assert.equal(mask('住所 ﾋﾊﾞﾘｼ ﾐﾄﾞﾘﾁｮｳ 2-8-4 です'), '住所 ［住所］ です');
    });
    it('masks a postal code in the cell before an address in a CSV row', () => {
      assert.equal(mask('12,000-3344,緑野市緑町2-8-4'), '12,［郵便番号］,［住所］');
    });
    it('masks a birth date written again the same way, and dates in brackets after a clause about birth dates', () => {
      assert.equal(mask('H8.7.14生 … H8.7.14 で検索'), '［生年月日］生 … ［生年月日］ で検索');
      assert.equal(
        mask('二人の生年月日が逆でした（姉：平成30年5月3日、弟：令和3年8月9日）'),
        '二人の生年月日が逆でした（姉：［生年月日］、弟：［生年月日］）',
      );
    });
  });
});
