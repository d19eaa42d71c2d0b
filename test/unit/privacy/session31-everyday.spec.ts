import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 31's rules found by the fortieth blind batch (test/fixtures/pii/blind-40.jsonl); invented examples. */
describe('privacy: everyday text — old kanji and ノ in names, first names, forms on screen, format examples (session 31)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('reads ノ inside a kanji name and old kanji forms as today’s, not ノ of a katakana word', () => {
    assert.equal(mask('氏名：木ノ下 結衣'), '氏名：［氏名］');
    assert.equal(mask('相談者：山ノ井 さん（60代）'), '相談者：［氏名］さん（60代）');
    assert.equal(mask('生涯学習課の 髙橋 です'), '生涯学習課の ［氏名］ です');
    assert.equal(mask('研修ノート第一ノ巻'), '研修ノート第一ノ巻');
  });

  it('masks a rare family name made of listed names’ kanji introduced after a section between spaces', () => {
    assert.equal(mask('納税課の 安齋 です'), '納税課の ［氏名］ です');
    assert.equal(mask('保育課の 本庁 へ'), '保育課の 本庁 へ');
  });

  it('masks first names in hiragana introduced after a section or a greeting, not everyday words', () => {
    assert.equal(mask('総務課の さゆり です'), '総務課の ［氏名］ です');
    assert.equal(mask('総務課の みんな です'), '総務課の みんな です');
    assert.equal(mask('お疲れさまです😊 りょうたです 今日'), 'お疲れさまです😊 ［氏名］です 今日');
    assert.equal(mask('お疲れさまです そうです'), 'お疲れさまです そうです');
  });

  it('masks a listed family name joined to a hiragana given name before an honorific, not a verb before 様々', () => {
    assert.equal(mask('木村ゆりこさん'), '［氏名］さん');
    assert.equal(mask('活動に関する様々な課題'), '活動に関する様々な課題');
  });

  it('masks a display name quoted with an emoji before its honorific, not a quoted word', () => {
    assert.equal(mask('表示名「はやし🌸」さんから'), '表示名「［氏名］🌸」さんから');
    assert.equal(mask('「テスト」さんから'), '「テスト」さんから');
  });

  it('masks a full name after 対象 or 借用者, not things', () => {
    assert.equal(mask('対象 森本 優'), '対象 ［氏名］');
    assert.equal(mask('対象 機器 一式'), '対象 機器 一式');
    assert.equal(mask('借用者：山本 湊'), '借用者：［氏名］');
    assert.equal(mask('借用者：総務課'), '借用者：総務課');
  });

  it('masks a signature’s full name on its line under the office, not a plain line there', () => {
    assert.equal(mask('--\n福祉課 障害支援係\n東海林 葵\n内線 2201'), '--\n福祉課 障害支援係\n［氏名］\n内線 2201');
    assert.equal(mask('福祉課 障害支援係\n会議 予定'), '福祉課 障害支援係\n会議 予定');
  });

  it('masks the kanji form after its reading, and a Latin name before its kanji form and an honorific', () => {
    assert.equal(mask('（漢字：東海林 葵）'), '（漢字：［氏名］）');
    assert.equal(mask('（漢字：第2水準）'), '（漢字：第2水準）');
    assert.equal(mask('Wang Lei（王 磊）さん'), '［氏名］（［氏名］）さん');
    assert.equal(mask('Microsoft Teams（新 機能）さん'), 'Microsoft Teams（新 機能）さん');
  });

  it('masks a katakana name of four parts whole before its honorific', () => {
    assert.equal(mask('ブラジル籍の フェレイラ・ダ・コスタ・マテウス さんの件'), 'ブラジル籍の ［氏名］さんの件');
  });

  it('stops a half-width name at the words of a sentence typed in half-width kana', () => {
    assert.equal(mask('ｲﾉｳｴ ﾋﾛｼ ﾃﾞｽ ｶｰﾄﾞ ﾅｸｼﾏｼﾀ'), '［氏名］ ﾃﾞｽ ｶｰﾄﾞ ﾅｸｼﾏｼﾀ');
    assert.equal(mask('ﾛｯｸ ｼﾏｼﾀ ﾅｲｾﾝ ﾏﾃﾞ'), 'ﾛｯｸ ｼﾏｼﾀ ﾅｲｾﾝ ﾏﾃﾞ');
  });

  it('leaves a building named after its owner and a document number’s office prefix, not a person', () => {
    assert.equal(mask('村田ビル 2F に移設'), '村田ビル 2F に移設');
    assert.equal(mask('総企第56号 の通知'), '総企第56号 の通知');
    assert.equal(mask('企画課の 村田 さん'), '企画課の ［氏名］さん');
  });

  it('leaves a number shown as what a format is like, not one entered in a format', () => {
    assert.equal(mask('管理番号が 090-7000-1234 のような形式です'), '管理番号が 090-7000-1234 のような形式です');
    assert.equal(mask('090-7000-1234 という形式で入力された番号'), '［電話番号］ という形式で入力された番号');
  });

  it('leaves the quoted values of a form’s 見本, not the same values written as data', () => {
    assert.equal(
      mask('様式の見本は「氏名：川口 一郎」「電話：045-111-2222」です'),
      '様式の見本は「氏名：川口 一郎」「電話：045-111-2222」です',
    );
    assert.equal(mask('氏名：川口 一郎 電話：045-111-2222 です'), '氏名：［氏名］ 電話：［電話番号］ です');
  });

  it('leaves a team greeted in capitals (Hi HR,), not a person greeted', () => {
    assert.equal(mask('Hi HR, this is Anna Weber.'), 'Hi HR, this is ［氏名］.');
    assert.equal(mask('Hi Anna,'), 'Hi ［氏名］,');
  });

  it('reads a form’s screen of label and value rows by its labels, a roster by its header', () => {
    assert.equal(
      mask('氏名\t佐藤　美咲\nフリガナ\tサトウ　ミサキ\n性別\t女\n国籍\t日本'),
      '氏名\t［氏名］\nフリガナ\t［氏名］\n性別\t女\n国籍\t日本',
    );
    assert.equal(mask('氏名\t電話\n佐藤 美咲\t090-3333-4444'), '氏名\t電話\n［氏名］\t［電話番号］');
  });

  it('masks a header-less row holding a nationality code, not a device’s row', () => {
    assert.equal(mask('LOPEZ MARIA\tPHL\tP1234567\t1990-02-03'), '［氏名］\tPHL\t［旅券番号］\t［生年月日］');
    assert.equal(mask('HOST-01\tJPN\tWindows 11\t2023-06-22'), 'HOST-01\tJPN\tWindows 11\t2023-06-22');
  });

  it('masks a pension number’s shape in English text about a pension, not the counting digits', () => {
    assert.equal(
      mask('a pension letter with number 5123-406789 came'),
      'a pension letter with number ［基礎年金番号］ came',
    );
    assert.equal(mask('Pension sheet: written like 1234-567890.'), 'Pension sheet: written like 1234-567890.');
  });

  it('masks a date that says who someone is in a text about birth dates, not elsewhere', () => {
    assert.equal(
      mask('生年月日で検索したいのですが、S50.4.3 の人です。'),
      '生年月日で検索したいのですが、［生年月日］ の人です。',
    );
    assert.equal(mask('2024.5.21 の人が来庁'), '2024.5.21 の人が来庁');
  });

  it('masks a number found once again where it is said again, not inside a longer number', () => {
    assert.equal(
      mask('保険証番号 31047251 … 本人は 31047251 と言っている'),
      '保険証番号 ［保険者番号］ … 本人は ［保険者番号］ と言っている',
    );
    assert.equal(mask('電話 090-1111-2222 受付 1090-1111-22223'), '電話 ［電話番号］ 受付 1090-1111-22223');
  });

  it('masks a building whose name holds が, and a block number with spaced dashes after a town', () => {
    assert.equal(mask('新住所：桜市緑が丘2丁目3番地4 サンコーポ緑が丘 203号'), '新住所：［住所］');
    assert.equal(mask('新住所：桜市緑が丘2丁目3番地4 に送付'), '新住所：［住所］ に送付');
    assert.equal(mask('〒 980-0011 桜市上杉 3 - 5 - 8 コーポ上杉 201'), '［郵便番号］ ［住所］');
    assert.equal(mask('計算 3 - 5 - 8 の結果'), '計算 3 - 5 - 8 の結果');
  });

  it('masks a romanised address with … City, not a city named in a sentence', () => {
    assert.equal(mask('New address: 3-8-12 Izumi, Sakura City, Room 105.'), 'New address: ［住所］.');
    assert.equal(mask('We met in Sakura City on 3-8 May.'), 'We met in Sakura City on 3-8 May.');
  });

  it('keeps a full name found before a line break from running into the next line’s word', () => {
    assert.equal(mask('世帯主：藤田 大和\n転入日 令和6年5月1日'), '世帯主：［氏名］\n転入日 令和6年5月1日');
  });
});
