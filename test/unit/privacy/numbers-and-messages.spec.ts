import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 13's rules found by the twelfth blind batch (test/fixtures/pii/blind-12.jsonl). */
describe('privacy: account and card numbers, addresses, foreign formats, message shapes', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks ゆうちょ 記号 / 番号 and insurance 記号 / 番号 written apart from their keyword', () => {
    assert.equal(
      mask('ゆうちょ銀行の口座が登録できません。記号 12340、番号 56789012 と入れると'),
      'ゆうちょ銀行の口座が登録できません。記号 ［口座番号］、番号 ［口座番号］ と入れると',
    );
    assert.equal(
      mask('国民健康保険の資格確認で、記号・番号を入れても該当者が出ません。\n記号：奈良01　番号：234567'),
      '国民健康保険の資格確認で、記号・番号を入れても該当者が出ません。\n記号：［保険者番号］　番号：［保険者番号］',
    );
    assert.equal(mask('被保険者証 記号 札幌01 番号 7742'), '被保険者証 記号 ［保険者番号］ 番号 ［保険者番号］');
    assert.equal(mask('基礎年金番号が「2468 - 135790」のように'), '基礎年金番号が「［基礎年金番号］」のように');
    // 記号 and 番号 with no insurance or bank keyword near are a form's fields, not a card.
    assert.equal(mask('記号：A1　番号：12'), '記号：A1　番号：12');
  });

  it('masks addresses of Kyoto, Asahikawa and old villages, with their buildings, and second address lines', () => {
    assert.equal(mask('住所：京都市中京区烏丸通御池上ル二条殿町552番地 烏丸ハイツ305'), '住所：［住所］');
    assert.equal(mask('旭川市4条通16丁目右2号 グリーンハイツ4条203'), '［住所］');
    assert.equal(mask('大阪市西区九条南二丁目3番8号 リバーサイド九条7F-701'), '［住所］');
    assert.equal(mask('福島県本宮市大字白岩字堤下小字前田12番地'), '［住所］');
    assert.equal(mask('住所2：3番地4 メゾン西5条 301号室'), '住所2：［住所］');
    assert.equal(
      mask('I moved to Room 402, Sunny Court, 2-14-7 Kamiosaki, Shinagawa-ku, Tokyo 141-0021 last week.'),
      'I moved to ［住所］ ［郵便番号］ last week.',
    );
    assert.equal(mask('Kita 3-jo Nishi 6-chome 1-1-805, Chuo-ku, Sapporo, Hokkaido'), '［住所］');
  });

  it('masks numbers dialled from abroad, two-digit birth years and the same date restated', () => {
    assert.equal(mask('Phone: +1 415-555-0132'), 'Phone: ［電話番号］');
    assert.equal(mask('version +1.2.3 / +2 weeks'), 'version +1.2.3 / +2 weeks');
    assert.equal(mask('生年月日が「63/07/21」のように'), '生年月日が「［生年月日］」のように');
    assert.equal(
      mask('DOB: 85/3/3 と書かれています。1985年3月3日で登録してよいか'),
      'DOB: ［生年月日］ と書かれています。［生年月日］で登録してよいか',
    );
  });

  it('masks chat speakers, a signature above its address, a phone’s owner and a name after its Latin form', () => {
    assert.equal(
      mask('[10:02] 田中: 問い合わせです\n[10:03] ヘルプデスク: エラーコードは？'),
      '[10:02] ［氏名］: 問い合わせです\n[10:03] ヘルプデスク: エラーコードは？',
    );
    assert.equal(mask('Marta Lopez\nmarta.lopez@example.jp'), '［氏名］\n［メールアドレス］');
    assert.equal(mask('IT Service Desk\ndesk@example.jp'), 'IT Service Desk\ndesk@example.jp');
    assert.equal(mask('連絡先：090-1234-5678（長谷川）'), '連絡先：［電話番号］（［氏名］）');
    assert.equal(
      mask('電話 078-362-9400（専用電話）・携帯 090 9876 5432（夜間可）'),
      '電話 ［電話番号］（専用電話）・携帯 ［電話番号］（夜間可）',
    );
    assert.equal(mask('氏名：WANG XIAOMING（王 小明）'), '氏名：［氏名］（［氏名］）');
    assert.equal(mask('Surname / Given names: DELA CRUZ, MARIA SANTOS'), 'Surname / Given names: ［氏名］');
    assert.equal(mask('えー、税務課のかわしまです。'), 'えー、税務課の［氏名］です。');
  });

  it('leaves mailing lists, dummy addresses and bracketed examples alone', () => {
    assert.equal(
      mask('総務課のメーリングリスト somu-all@city.example.lg.jp に流す'),
      '総務課のメーリングリスト somu-all@city.example.lg.jp に流す',
    );
    assert.equal(mask('「xxxx@example.lg.jp」のようなダミー値'), '「xxxx@example.lg.jp」のようなダミー値');
    assert.equal(
      mask('英字2文字＋数字7桁（例：AB1234567）で合っていますか'),
      '英字2文字＋数字7桁（例：AB1234567）で合っていますか',
    );
  });
});
